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

    /** Announces the operation {@code name} and waits until it may run; the caller then does it. */
    public static Event op(Execution x, String name, Named target, long[] footprint) {
        return x.begin(OpKind.YIELD, name, target, footprint, null);
    }
}
