package mmrace.engine.exec;

/**
 * What went wrong. Each has a stable name used in reports and in scenario expectations; the
 * kernel layer adds its checks through {@link #CHECK} with its own check name.
 */
public enum FindingKind {
    /** Every unfinished context is blocked. */
    DEADLOCK(true),
    /** A lock taken against the declared lock order (lockdep-style). Execution goes on. */
    LOCK_ORDER(false),
    /** A lock released by a context that does not hold it, or taken twice by its holder. */
    LOCK_MISUSE(true),
    /** A "caller holds" assertion failed (lockdep_assert_held). */
    LOCK_NOT_HELD(true),
    /** Sleeping (mutex, rwsem, synchronize_rcu) with IRQs off, a spinlock held or in RCU. */
    SLEEP_IN_ATOMIC(true),
    /** KASAN: an access to freed memory. */
    USE_AFTER_FREE(true),
    /** KASAN: an object freed twice. */
    DOUBLE_FREE(true),
    /**
     * LKMM's data-race flag: two conflicting accesses, one of them plain, not ordered by the
     * memory model (only weak memory models report it). Execution goes on.
     */
    DATA_RACE(false),
    /** A check of the model or of a scenario failed; the finding names which. */
    CHECK(true),
    /** An execution ran longer than its step limit (a livelock or an unbounded loop). */
    STEP_LIMIT(true),
    /** The model itself threw: a bug in mmrace, not in the kernel code modelled. */
    MODEL_ERROR(true);

    /** Whether the execution stops at this finding. */
    public final boolean fatal;

    FindingKind(boolean fatal) {
        this.fatal = fatal;
    }
}
