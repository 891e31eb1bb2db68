package mmrace.engine.sync;

import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.RcuFlavour;

/**
 * The atomic-context state of a CPU (IRQs, preemption, RCU nesting) and the quiescent states
 * RCU counts from it. Every change goes through {@link #change}, so a grace period sees every
 * transition from reader to non-reader.
 */
public final class CpuState {
    private CpuState() {
    }

    /** Whether the CPU is a reader that a grace period of this flavour must wait for. */
    public static boolean reader(Execution x, Cpu c, boolean sched) {
        boolean atomic = !c.irqsOn() || c.preemptCount() > 0;
        if (sched) {
            return c.rcuNesting() > 0 || atomic;
        }
        return c.rcuNesting() > 0 || (x.config().rcu() == RcuFlavour.CONSOLIDATED && atomic);
    }

    /** Applies {@code change} to {@code c}'s state and counts the quiescent states it passes. */
    public static void change(Execution x, Cpu c, Runnable change) {
        boolean r = reader(x, c, false);
        boolean s = reader(x, c, true);
        change.run();
        c.passQuiescentState(r && !reader(x, c, false), s && !reader(x, c, true));
    }

    /** Footprint of an operation that may make {@code c} a reader (it writes the nest key). */
    public static long[] entering(Cpu c, long... others) {
        return concat(others, Footprint.of(c.key(Cpu.KEY_RCU_NEST), Mode.WRITE));
    }

    /** Footprint of an operation that may end a reader section (it may enable a grace period). */
    public static long[] leaving(Cpu c, long... others) {
        return concat(others, Footprint.of(c.key(Cpu.KEY_RCU_NEST), Mode.WRITE),
                Footprint.of(c.key(Cpu.KEY_RCU_QS), Mode.RELEASE));
    }

    private static long[] concat(long[] a, long... b) {
        long[] out = new long[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** might_sleep(): sleeping with IRQs off, preemption off, in RCU or in an interrupt is a bug. */
    public static void mightSleep(Execution x, String what) {
        Cpu c = x.currentCpu();
        if (c == null) {
            return;
        }
        String why = null;
        if (x.current().kind != mmrace.engine.exec.Proc.Kind.TASK) {
            why = "in interrupt context";
        } else if (!c.irqsOn()) {
            why = "with IRQs disabled";
        } else if (c.preemptCount() > 0) {
            why = "with a spinlock held (preempt_count " + c.preemptCount() + ")";
        } else if (c.rcuNesting() > 0) {
            why = "inside an RCU read-side critical section";
        }
        if (why != null) {
            throw x.fail(FindingKind.SLEEP_IN_ATOMIC, "might-sleep",
                    "BUG: sleeping function called from invalid context: " + what + " " + why);
        }
    }
}
