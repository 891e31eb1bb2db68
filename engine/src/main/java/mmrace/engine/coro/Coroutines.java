package mmrace.engine.coro;

import java.util.function.Function;

/** Chooses the coroutine implementation once per JVM, and yields from inside a body. */
public final class Coroutines {
    /** Which implementation backs the coroutines. */
    public enum Kind { CONTINUATION, VIRTUAL_THREAD }

    private static final Kind DEFAULT = chooseDefault();

    private Coroutines() {
    }

    private static Kind chooseDefault() {
        String forced = System.getProperty("mmrace.coroutines");
        if ("virtual".equals(forced)) {
            return Kind.VIRTUAL_THREAD;
        }
        return ContinuationCoroutine.available() ? Kind.CONTINUATION : Kind.VIRTUAL_THREAD;
    }

    public static Kind defaultKind() {
        return DEFAULT;
    }

    /** A factory for coroutines of the given kind. */
    public static Function<Runnable, Coroutine> factory(Kind kind) {
        return kind == Kind.CONTINUATION ? ContinuationCoroutine::new : VirtualThreadCoroutine::new;
    }

    /** Suspends the calling body; its caller's {@link Coroutine#resume()} returns. */
    public static void yieldNow(Kind kind) {
        if (kind == Kind.CONTINUATION) {
            ContinuationCoroutine.yieldNow();
            return;
        }
        VirtualThreadCoroutine.current().pause();
    }

    /** Suspends the calling body, whichever kind runs it (slower: asks a thread-local). */
    public static void yieldAny() {
        VirtualThreadCoroutine vt = VirtualThreadCoroutine.current();
        if (vt != null) {
            vt.pause();
        } else {
            ContinuationCoroutine.yieldNow();
        }
    }
}
