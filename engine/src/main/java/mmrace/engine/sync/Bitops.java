package mmrace.engine.sync;

import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.OpKind;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;

/**
 * Bit operations on a word (page->flags): the atomic ones are one read-modify-write; the
 * non-atomic {@code __set_bit} family is a plain load and a plain store, two events, so an
 * atomic update of another bit between them is lost, exactly as on real hardware.
 * Ordering follows Documentation/atomic_bitops.txt: non-value-returning ops are unordered,
 * value-returning ones fully ordered, the _lock/_unlock forms acquire/release.
 */
public final class Bitops {
    private Bitops() {
    }

    private static long bit(int nr) {
        return 1L << nr;
    }

    public static void setBit(int nr, Loc w) {
        w.rmw(Order.ONCE, "set_bit", v -> v | bit(nr));
    }

    public static void clearBit(int nr, Loc w) {
        w.rmw(Order.ONCE, "clear_bit", v -> v & ~bit(nr));
    }

    public static void changeBit(int nr, Loc w) {
        w.rmw(Order.ONCE, "change_bit", v -> v ^ bit(nr));
    }

    public static boolean testAndSetBit(int nr, Loc w) {
        return (w.rmw(Order.FULL, "test_and_set_bit", v -> v | bit(nr)) & bit(nr)) != 0;
    }

    public static boolean testAndClearBit(int nr, Loc w) {
        return (w.rmw(Order.FULL, "test_and_clear_bit", v -> v & ~bit(nr)) & bit(nr)) != 0;
    }

    /** test_and_set_bit_lock(): acquire ordering; true if the bit was already set (not taken). */
    public static boolean testAndSetBitLock(int nr, Loc w) {
        return (w.rmw(Order.ACQUIRE, "test_and_set_bit_lock", v -> v | bit(nr)) & bit(nr)) != 0;
    }

    /** clear_bit_unlock(): release ordering; a context waiting for the bit may go on. */
    public static void clearBitUnlock(int nr, Loc w) {
        Execution x = w.execution();
        Event e = x.begin(OpKind.BIT_UNLOCK, "clear_bit_unlock", w, Footprint.one(w.id, Mode.RELEASE), null);
        long old = x.memory().rmw(x.current(), w, Order.RELEASE, v -> v & ~bit(nr), true);
        e.a = nr;
        if (x.current() != null && (old & bit(nr)) == 0) {
            throw x.fail(FindingKind.LOCK_MISUSE, "bad-unlock", "clear_bit_unlock(" + nr + ", " + w.displayName()
                    + ") of a bit that is not set");
        }
    }

    /**
     * A sleeping bit lock (lock_page's wait_on_page_bit_killable loop + test_and_set_bit_lock):
     * one blocking event that takes the bit once it is clear.
     */
    public static void waitOnBitLock(int nr, Loc w, String opName) {
        Execution x = w.execution();
        CpuState.mightSleep(x, opName + "(" + w.displayName() + ")");
        Event e = x.begin(OpKind.BIT_LOCK, opName, w, Footprint.one(w.id, Mode.ACQUIRE),
                () -> (x.memory().peek(w) & bit(nr)) == 0);
        x.memory().rmw(x.current(), w, Order.ACQUIRE, v -> v | bit(nr), true);
        e.a = nr;
    }

    public static boolean testBit(int nr, Loc w) {
        return (w.load(Order.ONCE, "test_bit") & bit(nr)) != 0;
    }

    /** __set_bit(): non-atomic. */
    public static void nonAtomicSetBit(int nr, Loc w) {
        long v = w.load(Order.PLAIN, "__set_bit: load");
        w.store(v | bit(nr), Order.PLAIN, "__set_bit: store");
    }

    /** __clear_bit(): non-atomic. */
    public static void nonAtomicClearBit(int nr, Loc w) {
        long v = w.load(Order.PLAIN, "__clear_bit: load");
        w.store(v & ~bit(nr), Order.PLAIN, "__clear_bit: store");
    }
}
