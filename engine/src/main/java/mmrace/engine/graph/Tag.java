package mmrace.engine.graph;

/**
 * Annotations of events, named after the tags of linux-kernel.def / linux-kernel.bell (lkmmv2)
 * and the lock events of lock.cat. An event carries a set of them (a bit mask, see {@link #bit()}).
 *
 * <p>A read or write that carries none of {@link #ONCE}, {@link #ACQUIRE}, {@link #RELEASE},
 * {@link #MB}, {@link #RMW}, a lock tag or an SRCU tag is a <em>plain</em> access (the bell's
 * {@code Plain = M \ Marked}).
 */
public enum Tag {
    // ---- access tags (bell: enum Accesses) ----
    /** READ_ONCE / WRITE_ONCE / rcu_dereference / atomic_read / atomic_set / relaxed RMWs. */
    ONCE,
    /** smp_load_acquire, *_acquire RMWs (bell: Acquire = ACQUIRE \ W \ FailedRMW). */
    ACQUIRE,
    /** smp_store_release, rcu_assign_pointer, *_release RMWs (bell: Release = RELEASE \ R \ FailedRMW). */
    RELEASE,
    /** Read of a non-value-returning RMW, e.g. atomic_inc (bell: Noreturn = NORETURN \ W). */
    NORETURN,
    /**
     * On a fence: smp_mb(). On both events of a fully ordered RMW (xchg, cmpxchg, atomic_*_return):
     * the implicit smp_mb() around it (bell: Mb = MB \ FailedRMW).
     */
    MB,
    /** Member of herd's RMW set: an event of an atomic RMW instruction, failed ones included. */
    RMW,

    // ---- fence tags (bell: enum Barriers) ----
    WMB,
    RMB,
    /** barrier(): compiler barrier, only used by the mixed-accesses flag. */
    BARRIER,
    BEFORE_ATOMIC,
    AFTER_ATOMIC,
    AFTER_SPINLOCK,
    AFTER_UNLOCK_LOCK,
    AFTER_SRCU_READ_UNLOCK,
    RCU_LOCK,
    RCU_UNLOCK,
    SYNC_RCU,
    /**
     * smp_read_barrier_depends(): not part of the current LKMM (it is ignored by
     * {@link LkmmChecker}); {@link AlphaChecker} uses it to order address-dependent reads.
     */
    RB_DEP,

    // ---- SRCU (bell: enum SRCU); srcu-lock is a read, srcu-unlock a write, sync-srcu a fence with a location ----
    SRCU_LOCK,
    SRCU_UNLOCK,
    SYNC_SRCU,

    // ---- lock.cat events ----
    /** Lock-Read: read half of spin_lock() or a successful spin_trylock(). */
    LKR,
    /** Lock-Write: write half of spin_lock() or a successful spin_trylock(). */
    LKW,
    /** spin_unlock(): a write. */
    UL,
    /** Lock-Fail: a failed spin_trylock(): a read. */
    LF,
    /** Read-Locked: spin_is_locked() returning true: a read. */
    RL,
    /** Read-Unlocked: spin_is_locked() returning false: a read. */
    RU;

    /** This tag's bit in an event's tag mask. */
    public long bit() {
        return 1L << ordinal();
    }

    /** The mask of the given tags. */
    public static long mask(Tag... tags) {
        long m = 0;
        for (Tag t : tags) m |= t.bit();
        return m;
    }

    static final long LOCK_TAGS = mask(LKR, LKW, UL, LF, RL, RU);

    /** Tags that make an access Marked (bell: ONCE | RELEASE | ACQUIRE | MB | RMW | locks | Srcu-lock/unlock). */
    static final long MARKING_TAGS = mask(ONCE, RELEASE, ACQUIRE, MB, RMW, SRCU_LOCK, SRCU_UNLOCK) | LOCK_TAGS;

    static final long FENCE_TAGS = mask(MB, WMB, RMB, BARRIER, BEFORE_ATOMIC, AFTER_ATOMIC, AFTER_SPINLOCK,
            AFTER_UNLOCK_LOCK, AFTER_SRCU_READ_UNLOCK, RCU_LOCK, RCU_UNLOCK, SYNC_RCU, RB_DEP, SYNC_SRCU);

    /** Tags an event of each kind may carry. */
    static final long READ_TAGS = mask(ONCE, ACQUIRE, RELEASE, NORETURN, MB, RMW, SRCU_LOCK, LKR, LF, RL, RU);
    static final long WRITE_TAGS = mask(ONCE, ACQUIRE, RELEASE, NORETURN, MB, RMW, SRCU_UNLOCK, LKW, UL);

    /** Readable names of the tags in {@code mask}. */
    public static String describe(long mask) {
        StringBuilder sb = new StringBuilder();
        for (Tag t : values()) {
            if ((mask & t.bit()) != 0) {
                if (!sb.isEmpty()) sb.append(',');
                sb.append(t.name());
            }
        }
        return sb.toString();
    }
}
