package mmrace.engine.exec;

/** Whether a pending operation can run in the current state (a lock is free, IRQs are on ...). */
@FunctionalInterface
public interface Guard {
    boolean enabled();
}
