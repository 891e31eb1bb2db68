package mmrace.engine.mem;

import mmrace.engine.exec.Execution;

/**
 * Where kernel code gets and declares dependencies (see {@link Dep}). Outside a weak memory
 * model both calls are free no-ops.
 */
public final class Deps {
    private Deps() {
    }

    /** The running context's most recent load (or read half of an RMW): the value it returned. */
    public static Dep last(Execution x) {
        return x.memory().lastRead(x.requireProc("Deps.last"));
    }

    /**
     * A control dependency, as herd draws it: every later event of the running context depends
     * on the loads of {@code on}, as the code after {@code if (READ_ONCE(x))} does.
     */
    public static void ctrl(Execution x, Dep on) {
        if (!on.isEmpty()) {
            x.memory().ctrl(x.requireProc("Deps.ctrl"), on);
        }
    }
}
