package mmrace.kernel;

import mmrace.engine.exec.Execution;

/**
 * A kernel function's frame on the running context's call stack, for traces:
 * {@code try (Fn f = Fn.enter(x, "zap_pte_range")) { ... }} leaves it however the body ends.
 */
public final class Fn implements AutoCloseable {
    private final Execution x;

    private Fn(Execution x) {
        this.x = x;
    }

    public static Fn enter(Execution x, String function) {
        x.enter(function);
        return new Fn(x);
    }

    @Override
    public void close() {
        x.leave();
    }
}
