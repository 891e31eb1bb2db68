package mmrace.engine.sync;

import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.OpKind;
import mmrace.engine.mem.Fence;

/**
 * The kernel's memory barriers. Each is an event (so traces show it and weak memory models
 * act on it) that touches no key: it orders the context's own accesses, it does not conflict
 * with anyone else's.
 */
public final class Barriers {
    private Barriers() {
    }

    public static void fence(Execution x, Fence f) {
        Event e = x.begin(OpKind.FENCE, f.kernelName, null, Footprint.NONE, null);
        if (x.current() != null) {
            x.memory().fence(x.current(), f);
        }
        e.a = 0;
    }

    public static void smpMb(Execution x) {
        fence(x, Fence.MB);
    }

    public static void smpRmb(Execution x) {
        fence(x, Fence.RMB);
    }

    public static void smpWmb(Execution x) {
        fence(x, Fence.WMB);
    }

    public static void smpMbBeforeAtomic(Execution x) {
        fence(x, Fence.BEFORE_ATOMIC);
    }

    public static void smpMbAfterAtomic(Execution x) {
        fence(x, Fence.AFTER_ATOMIC);
    }

    public static void smpMbAfterSpinlock(Execution x) {
        fence(x, Fence.AFTER_SPINLOCK);
    }

    public static void smpReadBarrierDepends(Execution x) {
        fence(x, Fence.READ_BARRIER_DEPENDS);
    }
}
