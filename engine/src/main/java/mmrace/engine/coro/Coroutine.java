package mmrace.engine.coro;

/**
 * A body of code that runs until it yields, then resumes from where it stopped when asked.
 * Every simulated CPU context is one; all coroutines of an execution run on the one thread that
 * calls {@link #resume()}, so an execution is deterministic.
 */
public interface Coroutine {
    /** Runs the body until its next {@link Coroutines#yieldNow()} or its end. */
    void resume();

    /** True once the body has returned (or thrown). */
    boolean isDone();

    /** What the body threw, if it ended that way; null otherwise. */
    Throwable failure();

    /** Frees what the coroutine holds when an execution is abandoned before the body ends. */
    void abandon();
}
