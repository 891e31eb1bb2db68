package mmrace.engine.mem;

/**
 * The ordering an access asks for, in LKMM's terms. SC ignores it; weak models read it.
 */
public enum Order {
    /** A plain C access: may be torn or fused by the compiler; races on it are data races. */
    PLAIN,
    /** READ_ONCE / WRITE_ONCE, atomic_read / atomic_set, non-value-returning atomics. */
    ONCE,
    /** smp_load_acquire, the _acquire atomics, a lock acquisition. */
    ACQUIRE,
    /** smp_store_release, the _release atomics, a lock release. */
    RELEASE,
    /** The _relaxed value-returning atomics. */
    RELAXED,
    /** Value-returning atomics without suffix: fully ordered, as if smp_mb() on both sides. */
    FULL,
    /**
     * srcu_read_lock() (a load of the srcu_struct returning the index) and srcu_read_unlock()
     * (a store of the index): LKMM's srcu-lock and srcu-unlock accesses.
     */
    SRCU
}
