package mmrace.kernel;

import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.Named;
import mmrace.engine.exec.OpKind;

/**
 * Model-level visible operations that are not a single memory access: a TLB fill, a TLB
 * invalidation, a hardware page walk. Each is one event (so one scheduling point) named as the
 * kernel or the hardware would say it; its footprint lists the keys it reads and writes so
 * the explorer orders it against everything it conflicts with.
 */
public final class Ops {
    private Ops() {
    }

    /** Builds a footprint: alternating key, mode pairs. */
    public static long[] fp(Object... keyModes) {
        long[] out = new long[keyModes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = Footprint.of((Long) keyModes[2 * i], (Mode) keyModes[2 * i + 1]);
        }
        return out;
    }

    /**
     * A spin-wait, as one blocking event: the kernel loops re-reading {@code watched} until
     * {@code until} holds; the model waits for it instead, so exploration stays finite. The
     * event reads the watched locations: it is ordered after the write that enables it, and
     * every context waiting forever is reported as a deadlock (a livelock in the kernel).
     */
    public static void spinUntil(Execution x, String name, mmrace.engine.mem.Loc[] watched,
                                 java.util.function.BooleanSupplier until) {
        long[] fp = new long[watched.length];
        for (int i = 0; i < watched.length; i++) {
            fp[i] = Footprint.of(watched[i].id, Mode.READ);
        }
        x.begin(OpKind.YIELD, name, null, fp, until::getAsBoolean);
    }

    /** Announces the operation {@code name} and waits until it may run; the caller then does it. */
    public static Event op(Execution x, String name, Named target, long[] footprint) {
        return x.begin(OpKind.YIELD, name, target, footprint, null);
    }
}
