package mmrace.engine.sync;

import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Named;
import mmrace.engine.exec.Proc;

/**
 * Lock-order checking in the spirit of lockdep: when a context takes a lock while holding one
 * of a higher rank (or of the same class, unless the acquisition is annotated as nested), that
 * is reported. It does not stop the execution: like a lockdep splat, it says the order is wrong
 * even when this interleaving did not deadlock.
 */
public final class Lockdep {
    private Lockdep() {
    }

    /** A held lock as lockdep tracks it. */
    public interface Tracked extends Named {
        LockClass lockClass();
    }

    static void acquired(Execution x, Tracked lock, boolean nested) {
        acquired(x, lock, nested, false);
    }

    /**
     * A successful trylock: held from now on, but, as in lockdep, it adds no ordering
     * dependency (a trylock cannot wait, so taking it "out of order" cannot deadlock:
     * mmap_write_trylock under i_mmap_rwsem in retract_page_tables, for one).
     */
    static void acquiredTrylock(Execution x, Tracked lock) {
        acquired(x, lock, false, true);
    }

    private static void acquired(Execution x, Tracked lock, boolean nested, boolean trylock) {
        Proc p = x.current();
        if (p == null) {
            return;
        }
        if (trylock) {
            p.held().add(lock);
            return;
        }
        LockClass c = lock.lockClass();
        if (c.rank() > 0) {
            for (Object o : p.held()) {
                if (o instanceof Tracked h && h.lockClass().rank() > 0) {
                    LockClass hc = h.lockClass();
                    if (hc.rank() > c.rank()) {
                        x.report(FindingKind.LOCK_ORDER, "lock-order",
                                "lock order violation: " + p.name + " takes " + lock.displayName() + " (" + c.name()
                                        + ", rank " + c.rank() + ") while holding " + h.displayName() + " ("
                                        + hc.name() + ", rank " + hc.rank() + ")");
                    } else if (hc.equals(c) && !nested) {
                        x.report(FindingKind.LOCK_ORDER, "recursive-locking",
                                "possible recursive locking: " + p.name + " takes " + lock.displayName()
                                        + " while holding " + h.displayName() + " of the same class " + c.name());
                    }
                }
            }
        }
        p.held().add(lock);
    }

    static void released(Execution x, Object lock) {
        Proc p = x.current();
        if (p != null) {
            p.held().remove(lock);
        }
    }
}
