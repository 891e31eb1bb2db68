package mmrace.litmus.run;

import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Program;
import mmrace.litmus.syntax.LitmusTest;
import mmrace.litmus.syntax.Process;

/**
 * A litmus test as a program of the engine: the initial state is the setup, each process
 * {@code Pn} runs on CPU n, and at its end records its registers (its locals) in the final
 * state. As in herd7 a process may end inside a critical section.
 */
final class LitmusProgram implements Program {
    private final LitmusTest test;
    private final Layout layout;
    private final int unroll;
    final RunState state = new RunState();

    LitmusProgram(LitmusTest test, int unroll) {
        this.test = test;
        this.layout = new Layout(test);
        this.unroll = unroll;
    }

    @Override
    public void setup(Execution x) {
        World w = x.attachment(World.class, () -> new World(x, test, layout));
        for (Process p : test.processes()) {
            x.cpu(() -> new Interpreter(x, test, p, w, unroll, state).run());
        }
    }

    @Override
    public String name() {
        return test.name();
    }

    @Override
    public boolean exitChecks() {
        return false;
    }

    Layout layout() {
        return layout;
    }
}
