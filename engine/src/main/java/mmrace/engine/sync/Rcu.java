package mmrace.engine.sync;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Guard;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.Named;
import mmrace.engine.exec.OpKind;
import mmrace.engine.exec.Proc;

/**
 * RCU as the explorer sees it. A grace period starts by looking at every CPU (which ones are
 * readers now) and ends, at a moment the scheduler chooses, once each of those has passed a
 * quiescent state. Who counts as a reader depends on the flavour and the kernel version
 * ({@link CpuState#reader}): before v4.20 a normal grace period ignores IRQs-off regions.
 *
 * <p>call_rcu() callbacks run later as their own context on the calling CPU, like softirq
 * work: after the grace period, and only while that CPU can take interrupts.
 */
public final class Rcu {
    private Rcu() {
    }

    public static void rcuReadLock(Execution x) {
        Cpu c = x.requireProc("rcu_read_lock").cpu;
        x.begin(OpKind.RCU_READ_LOCK, "rcu_read_lock", null, CpuState.entering(c), null);
        CpuState.change(x, c, () -> c.addRcuNesting(1));
    }

    public static void rcuReadUnlock(Execution x) {
        Cpu c = x.requireProc("rcu_read_unlock").cpu;
        x.begin(OpKind.RCU_READ_UNLOCK, "rcu_read_unlock", null, CpuState.leaving(c), null);
        if (c.rcuNesting() <= 0) {
            throw x.fail(FindingKind.LOCK_MISUSE, "bad-unlock", "rcu_read_unlock() without rcu_read_lock()");
        }
        CpuState.change(x, c, () -> c.addRcuNesting(-1));
    }

    /** synchronize_rcu(): waits for a normal grace period. */
    public static void synchronizeRcu(Execution x) {
        synchronize(x, false, "synchronize_rcu");
    }

    /** synchronize_rcu_sched() (before v4.20; afterwards the same as synchronize_rcu). */
    public static void synchronizeRcuSched(Execution x) {
        synchronize(x, true, "synchronize_sched");
    }

    /** call_rcu(): runs {@code callback} (named {@code fn}) after a normal grace period. */
    public static void callRcu(Execution x, String fn, Runnable callback) {
        call(x, false, "call_rcu", fn, callback);
    }

    /** call_rcu_sched(): after an RCU-sched grace period (IRQs-off regions are readers too). */
    public static void callRcuSched(Execution x, String fn, Runnable callback) {
        call(x, true, "call_rcu_sched", fn, callback);
    }

    private static void synchronize(Execution x, boolean sched, String name) {
        CpuState.mightSleep(x, name + "()");
        GracePeriod gp = start(x, sched, name, OpKind.GP_START);
        x.begin(OpKind.GP_END, name, null, gp.waitFootprint(), gp);
    }

    private static void call(Execution x, boolean sched, String name, String fn, Runnable callback) {
        Proc caller = x.requireProc(name);
        GracePeriod gp = start(x, sched, name, OpKind.CALL_RCU);
        Cpu c = caller.cpu;
        long irq = Footprint.of(c.key(Cpu.KEY_IRQ), Mode.ACQUIRE);
        long[] wait = gp.waitFootprint();
        long[] entry = new long[wait.length + 1];
        System.arraycopy(wait, 0, entry, 0, wait.length);
        entry[wait.length] = irq;
        Proc[] self = new Proc[1];
        Guard ready = () -> gp.enabled() && c.irqsOn() && c.inIrq() == null;
        self[0] = x.spawn("rcu:" + fn + "@" + caller.name + "#" + x.newId(), Proc.Kind.RCU_CALLBACK, c,
                OpKind.GP_END, fn, null, entry, ready, () -> Interrupts.enterContext(c, self[0]), () -> {
                    x.enter(fn);
                    try {
                        callback.run();
                    } finally {
                        x.leave();
                    }
                });
    }

    private static GracePeriod start(Execution x, boolean sched, String name, OpKind kind) {
        List<Cpu> cpus = x.cpus();
        long[] fp = new long[cpus.size()];
        for (int i = 0; i < fp.length; i++) {
            fp[i] = Footprint.of(cpus.get(i).key(Cpu.KEY_RCU_NEST), Mode.READ);
        }
        Event e = x.begin(kind, name, null, fp, null);
        GracePeriod gp = new GracePeriod(sched);
        for (Cpu c : cpus) {
            if (CpuState.reader(x, c, sched)) {
                gp.waitFor(c, sched ? c.qsSched() : c.qsRcu());
            }
        }
        e.a = gp.cpus.size();
        return gp;
    }

    /** The CPUs a grace period waits for, and the quiescent-state counts it saw at its start. */
    private static final class GracePeriod implements Guard, Named {
        final boolean sched;
        final List<Cpu> cpus = new ArrayList<>();
        final List<Long> seen = new ArrayList<>();

        GracePeriod(boolean sched) {
            this.sched = sched;
        }

        void waitFor(Cpu c, long qs) {
            cpus.add(c);
            seen.add(qs);
        }

        long[] waitFootprint() {
            long[] fp = new long[cpus.size()];
            for (int i = 0; i < fp.length; i++) {
                fp[i] = Footprint.of(cpus.get(i).key(Cpu.KEY_RCU_QS), Mode.ACQUIRE);
            }
            return fp;
        }

        @Override
        public boolean enabled() {
            for (int i = 0; i < cpus.size(); i++) {
                Cpu c = cpus.get(i);
                if ((sched ? c.qsSched() : c.qsRcu()) <= seen.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String displayName() {
            return "grace period";
        }
    }
}
