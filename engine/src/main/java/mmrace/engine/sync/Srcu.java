package mmrace.engine.sync;

import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.OpKind;
import mmrace.engine.mem.Dep;
import mmrace.engine.mem.Fence;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;

/**
 * Sleepable RCU on an srcu_struct (a {@link Loc} standing for it), as LKMM models it:
 * srcu_read_lock() is a load of the structure returning an index, srcu_read_unlock() a store
 * of that index (with a data dependency on the lock), synchronize_srcu() a grace-period fence
 * on the structure. The weak models apply LKMM's SRCU axioms to these events; the interleaving
 * engine has no SRCU grace period (synchronize_srcu() waits for nothing there), since no mm
 * path of the model uses SRCU.
 */
public final class Srcu {
    private Srcu() {
    }

    /** srcu_read_lock(ss): returns the index to pass to {@link #srcuReadUnlock}. */
    public static long srcuReadLock(Loc ss) {
        return ss.load(Order.SRCU, "srcu_read_lock");
    }

    /** srcu_read_unlock(ss, idx), where {@code idx} came from the lock (its token: {@code dep}). */
    public static void srcuReadUnlock(Loc ss, long idx, Dep dep) {
        ss.store(idx, Order.SRCU, "srcu_read_unlock", Dep.NONE, dep);
    }

    /** synchronize_srcu(ss). */
    public static void synchronizeSrcu(Execution x, Loc ss) {
        x.begin(OpKind.FENCE, "synchronize_srcu", ss, Footprint.NONE, null);
        if (x.current() != null) {
            x.memory().fence(x.current(), Fence.SYNCHRONIZE_SRCU, ss);
        }
    }
}
