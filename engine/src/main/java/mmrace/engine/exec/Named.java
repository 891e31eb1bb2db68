package mmrace.engine.exec;

/** Anything a trace names: locations, locks, caches, CPUs. */
public interface Named {
    String displayName();
}
