package mmrace.engine.exec;

/**
 * A concurrent program under test: its setup runs at the start of every execution and creates
 * the shared state and the CPUs' bodies with {@link Execution#cpu}. Setup must be
 * deterministic: the explorer re-runs it from scratch for each execution.
 */
@FunctionalInterface
public interface Program {
    void setup(Execution x);

    /** A program with a name, for traces and schedule strings. */
    static Program named(String name, Program p) {
        return new Program() {
            @Override
            public void setup(Execution x) {
                p.setup(x);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    default String name() {
        return "program";
    }

    /**
     * Whether a CPU's task that returns holding a lock, with IRQs off or inside an RCU read-side
     * section is a bug (the kernel's rule, and the default). Litmus tests turn it off: herd7
     * lets a process end inside a critical section.
     */
    default boolean exitChecks() {
        return true;
    }
}
