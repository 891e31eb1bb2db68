package mmrace.engine.weak;

import mmrace.engine.graph.Tag;
import mmrace.engine.mem.Fence;
import mmrace.engine.mem.Order;

/**
 * The engine's access orders and fences as LKMM's tags (linux-kernel.def): the one place where
 * a new {@link Order} or {@link Fence} must be given its meaning for the weak models.
 */
final class Tags {
    private Tags() {
    }

    /** A load: plain, READ_ONCE (also a _relaxed or fully ordered one, whose fences come apart), acquire. */
    static long load(Order o) {
        return switch (o) {
            case PLAIN -> 0;
            case ACQUIRE -> Tag.ACQUIRE.bit();
            case ONCE, RELAXED, RELEASE, FULL -> Tag.ONCE.bit();
            case SRCU -> Tag.SRCU_LOCK.bit();
        };
    }

    /** A store: plain, WRITE_ONCE, release (rcu_assign_pointer); FULL is smp_store_mb's WRITE_ONCE. */
    static long store(Order o) {
        return switch (o) {
            case PLAIN -> 0;
            case RELEASE -> Tag.RELEASE.bit();
            case ONCE, RELAXED, ACQUIRE, FULL -> Tag.ONCE.bit();
            case SRCU -> Tag.SRCU_UNLOCK.bit();
        };
    }

    /**
     * Both halves of an RMW: fully ordered (mb), _relaxed (once), _acquire, _release, or a
     * non-value-returning op such as atomic_inc or set_bit (noreturn).
     */
    static long rmw(Order o) {
        long order = switch (o) {
            case FULL -> Tag.MB.bit();
            case RELAXED -> Tag.ONCE.bit();
            case ACQUIRE -> Tag.ACQUIRE.bit();
            case RELEASE -> Tag.RELEASE.bit();
            case ONCE, PLAIN, SRCU -> Tag.NORETURN.bit();
        };
        return Tag.RMW.bit() | order;
    }

    static long fence(Fence f) {
        Tag t = switch (f) {
            case MB -> Tag.MB;
            case RMB -> Tag.RMB;
            case WMB -> Tag.WMB;
            case BEFORE_ATOMIC -> Tag.BEFORE_ATOMIC;
            case AFTER_ATOMIC -> Tag.AFTER_ATOMIC;
            case AFTER_SPINLOCK -> Tag.AFTER_SPINLOCK;
            case AFTER_UNLOCK_LOCK -> Tag.AFTER_UNLOCK_LOCK;
            case AFTER_SRCU_READ_UNLOCK -> Tag.AFTER_SRCU_READ_UNLOCK;
            case READ_BARRIER_DEPENDS -> Tag.RB_DEP;
            case BARRIER -> Tag.BARRIER;
            case SYNCHRONIZE_SRCU -> Tag.SYNC_SRCU;
        };
        return t.bit();
    }
}
