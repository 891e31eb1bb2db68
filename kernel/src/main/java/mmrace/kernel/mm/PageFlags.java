package mmrace.kernel.mm;

import java.util.function.LongUnaryOperator;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.OpKind;
import mmrace.engine.exec.Proc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.CpuState;
import mmrace.kernel.check.CheckNames;

/**
 * The page flags (include/linux/page-flags.h, v5.6 bit numbers) and the operations on them, each
 * with its kernel name and atomicity: {@code SetPageReferenced} is an atomic set_bit,
 * {@code __SetPageSwapBacked} a plain load and a plain store.
 *
 * <p>Each bit has its own explorer key (see {@link Page}): set_bit(PG_referenced) and
 * PageLRU() commute, as they do on hardware, while a plain load or store of the word conflicts
 * with everything.
 *
 * <p>The lost-flag-update check lives here: every atomic set is remembered (ghost state) until
 * someone clears the bit on purpose; a non-atomic store that drops a remembered bit lost it.
 * Under SC that is seen at the store; under any memory model at the end of the execution.
 */
public final class PageFlags {
    private PageFlags() {
    }

    public static final int PG_locked = 0;
    public static final int PG_referenced = 1;
    public static final int PG_uptodate = 2;
    public static final int PG_dirty = 3;
    public static final int PG_lru = 4;
    public static final int PG_active = 5;
    public static final int PG_workingset = 6;
    public static final int PG_waiters = 7;
    public static final int PG_error = 8;
    public static final int PG_slab = 9;
    /** PG_owner_priv_1, which is PG_swapcache for swap-backed pages. */
    public static final int PG_swapcache = 10;
    public static final int PG_reserved = 12;
    public static final int PG_private = 13;
    public static final int PG_private_2 = 14;
    public static final int PG_writeback = 15;
    public static final int PG_head = 16;
    public static final int PG_reclaim = 18;
    public static final int PG_swapbacked = 19;
    public static final int PG_unevictable = 20;
    public static final int PG_mlocked = 21;
    public static final int NR_PAGEFLAGS = 22;

    /** PAGE_FLAGS_CHECK_AT_FREE (v5.6): set at free time means a bad page. */
    public static final long CHECK_AT_FREE = bit(PG_lru) | bit(PG_locked) | bit(PG_private) | bit(PG_private_2)
            | bit(PG_writeback) | bit(PG_reserved) | bit(PG_slab) | bit(PG_active) | bit(PG_unevictable)
            | bit(PG_mlocked);
    /** PAGE_FLAGS_CHECK_AT_PREP: cleared when a page is freed. */
    public static final long CHECK_AT_PREP = (1L << NR_PAGEFLAGS) - 1;

    public static long bit(int nr) {
        return 1L << nr;
    }

    private static final String[] NAMES = {"locked", "referenced", "uptodate", "dirty", "lru", "active",
            "workingset", "waiters", "error", "slab", "swapcache", "arch_1", "reserved", "private", "private_2",
            "writeback", "head", "mappedtodisk", "reclaim", "swapbacked", "unevictable", "mlocked"};

    public static String describe(long flags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & bit(i)) != 0) {
                sb.append(sb.isEmpty() ? "" : "|").append(NAMES[i]);
            }
        }
        return sb.isEmpty() ? "0" : sb.toString();
    }

    // ---------------------------------------------------------------- events on page->flags

    private static long[] bitFp(Page p, int nr, Mode mode) {
        return Footprint.one(p.flagKeys[nr], mode);
    }

    /** Footprint of a plain access to the whole word: every bit. */
    static long[] wordFp(Page p, Mode mode) {
        long[] fp = new long[p.flagKeys.length];
        for (int i = 0; i < fp.length; i++) {
            fp[i] = Footprint.of(p.flagKeys[i], mode);
        }
        return fp;
    }

    private static long load(Page p, String name, Order order, long[] fp) {
        Execution x = p.k.x;
        Event e = x.begin(OpKind.LOAD, name, p.flags, fp, null);
        long v = x.memory().load(x.current(), p.flags, order);
        e.a = v;
        return v;
    }

    private static long rmw(Page p, String name, Order order, long[] fp, LongUnaryOperator f) {
        Execution x = p.k.x;
        Event e = x.begin(OpKind.RMW, name, p.flags, fp, null);
        long old = x.memory().rmw(x.current(), p.flags, order, f, true);
        e.a = old;
        e.b = f.applyAsLong(old);
        return old;
    }

    private static void store(Page p, String name, Order order, long[] fp, long v) {
        Execution x = p.k.x;
        Event e = x.begin(OpKind.STORE, name, p.flags, fp, null);
        e.a = v;
        x.memory().store(x.current(), p.flags, v, order);
    }

    /** PageFoo(page): test_bit, a READ_ONCE of the word (of which only bit {@code nr} matters). */
    public static boolean test(Page p, int nr, String kernelName) {
        return (load(p, kernelName, Order.ONCE, bitFp(p, nr, Mode.READ)) & bit(nr)) != 0;
    }

    /** SetPageFoo(page): set_bit. */
    public static void set(Page p, int nr, String kernelName) {
        rmw(p, kernelName, Order.ONCE, bitFp(p, nr, Mode.WRITE), v -> v | bit(nr));
        p.atomicBits |= bit(nr);
    }

    /** ClearPageFoo(page): clear_bit, on purpose. */
    public static void clear(Page p, int nr, String kernelName) {
        rmw(p, kernelName, Order.ONCE, bitFp(p, nr, Mode.WRITE), v -> v & ~bit(nr));
        p.atomicBits &= ~bit(nr);
    }

    /** TestSetPageFoo(page): test_and_set_bit, fully ordered. */
    public static boolean testSet(Page p, int nr, String kernelName) {
        long old = rmw(p, kernelName, Order.FULL, bitFp(p, nr, Mode.WRITE), v -> v | bit(nr));
        p.atomicBits |= bit(nr);
        return (old & bit(nr)) != 0;
    }

    /** TestClearPageFoo(page): test_and_clear_bit, fully ordered. */
    public static boolean testClear(Page p, int nr, String kernelName) {
        long old = rmw(p, kernelName, Order.FULL, bitFp(p, nr, Mode.WRITE), v -> v & ~bit(nr));
        p.atomicBits &= ~bit(nr);
        return (old & bit(nr)) != 0;
    }

    /** __SetPageFoo(page): __set_bit, a plain load and a plain store of the whole word. */
    public static void nonAtomicSet(Page p, int nr, String kernelName) {
        long v = load(p, kernelName + ": load", Order.PLAIN, wordFp(p, Mode.READ));
        long stored = v | bit(nr);
        store(p, kernelName + ": store", Order.PLAIN, wordFp(p, Mode.WRITE), stored);
        afterPlainStore(p, stored, 0);
    }

    /** __ClearPageFoo(page): __clear_bit, a plain load and a plain store, clearing on purpose. */
    public static void nonAtomicClear(Page p, int nr, String kernelName) {
        long v = load(p, kernelName + ": load", Order.PLAIN, wordFp(p, Mode.READ));
        long stored = v & ~bit(nr);
        store(p, kernelName + ": store", Order.PLAIN, wordFp(p, Mode.WRITE), stored);
        afterPlainStore(p, stored, bit(nr));
    }

    private static void afterPlainStore(Page p, long stored, long clearedOnPurpose) {
        Execution x = p.k.x;
        p.atomicBits &= ~clearedOnPurpose;
        long lost = p.atomicBits & ~stored;
        if (lost != 0 && p.k.scMemory()) {
            p.atomicBits &= ~lost;
            throw x.fail(mmrace.engine.exec.FindingKind.CHECK, CheckNames.LOST_FLAG_UPDATE,
                    "non-atomic store to " + p + "->flags loses " + describe(lost)
                            + ", set by an atomic op after the store's load");
        }
    }

    /** The end-of-execution form of the check: every remembered atomic bit is still set. */
    public static void checkNoLostBits(Page p) {
        long lost = p.atomicBits & ~p.flags.peek();
        p.k.x.check(lost == 0, CheckNames.LOST_FLAG_UPDATE, p + "->flags lost " + describe(lost)
                + ", set by an atomic op and never cleared on purpose");
    }

    // ---------------------------------------------------------------- the page lock

    /** trylock_page(): test_and_set_bit_lock(PG_locked); true if taken. */
    public static boolean trylockPage(Page p) {
        long old = rmw(p, "trylock_page", Order.ACQUIRE, bitFp(p, PG_locked, Mode.WRITE), v -> v | bit(PG_locked));
        if ((old & bit(PG_locked)) != 0) {
            return false;
        }
        tookLock(p);
        return true;
    }

    /** lock_page(): sleeps until PG_locked is clear, then takes it. */
    public static void lockPage(Page p) {
        Execution x = p.k.x;
        CpuState.mightSleep(x, "lock_page(" + p + ")");
        Event e = x.begin(OpKind.BIT_LOCK, "lock_page", p.flags, bitFp(p, PG_locked, Mode.ACQUIRE),
                () -> (x.memory().peek(p.flags) & bit(PG_locked)) == 0);
        x.memory().rmw(x.current(), p.flags, Order.ACQUIRE, v -> v | bit(PG_locked), true);
        e.a = PG_locked;
        tookLock(p);
    }

    /**
     * wait_on_page_locked(): sleeps until PG_locked is clear, without taking it. One blocking
     * event that acquires the PG_locked key, so it is ordered after the unlock_page() that
     * enables it (the kernel's wake_up_page).
     */
    public static void waitOnPageLocked(Page p, String kernelName) {
        Execution x = p.k.x;
        CpuState.mightSleep(x, kernelName + "(" + p + ")");
        Event e = x.begin(OpKind.YIELD, kernelName, p.flags, bitFp(p, PG_locked, Mode.ACQUIRE),
                () -> (x.memory().peek(p.flags) & bit(PG_locked)) == 0);
        e.a = x.memory().load(x.current(), p.flags, Order.ACQUIRE);
    }

    private static void tookLock(Page p) {
        Proc me = p.k.x.current();
        if (p.lockOwner != null && p.lockOwner != me) {
            throw p.k.x.fail(mmrace.engine.exec.FindingKind.CHECK, CheckNames.LOST_FLAG_UPDATE,
                    me + " takes PG_locked of " + p + " that " + p.lockOwner
                            + " still holds: the bit was lost by a non-atomic store");
        }
        p.lockOwner = me;
        p.atomicBits |= bit(PG_locked);
    }

    /** unlock_page(): clear_bit_unlock(PG_locked) (+ wake_up_page, not modelled). */
    public static void unlockPage(Page p) {
        assertLocked(p, "unlock_page");
        Execution x = p.k.x;
        Event e = x.begin(OpKind.BIT_UNLOCK, "unlock_page", p.flags, bitFp(p, PG_locked, Mode.RELEASE), null);
        x.memory().rmw(x.current(), p.flags, Order.RELEASE, v -> v & ~bit(PG_locked), true);
        e.a = PG_locked;
        p.lockOwner = null;
        p.atomicBits &= ~bit(PG_locked);
    }

    /** VM_BUG_ON_PAGE(!PageLocked(page)): the caller holds the page lock. */
    public static void assertLocked(Page p, String where) {
        Proc me = p.k.x.current();
        if (p.lockOwner != me) {
            throw p.k.x.fail(mmrace.engine.exec.FindingKind.LOCK_NOT_HELD, CheckNames.LOCK_HELD,
                    where + ": " + p + " is not locked by " + me
                            + (p.lockOwner == null ? "" : " (held by " + p.lockOwner + ")"));
        }
    }

    public static Proc lockOwner(Page p) {
        return p.lockOwner;
    }
}
