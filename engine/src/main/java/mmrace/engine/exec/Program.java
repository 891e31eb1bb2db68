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
}
