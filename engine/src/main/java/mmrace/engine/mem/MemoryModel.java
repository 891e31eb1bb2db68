package mmrace.engine.mem;

import mmrace.engine.exec.Execution;

/** A memory model: a name and a fresh {@link Memory} for each execution. */
public interface MemoryModel {
    String name();

    Memory create(Execution x);

    /** Sequential consistency: every load reads the last store in the interleaving. */
    static MemoryModel sc() {
        return ScMemory.MODEL;
    }
}
