package mmrace.engine.sync;

import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.OpKind;

/**
 * local_irq_disable/enable/save/restore. Turning interrupts off on a CPU holds back the IPIs
 * sent to it (a TLB shootdown waits), and, from v4.20 on, the grace periods of normal RCU.
 * Enabling them is a RELEASE of the CPU's IRQ key: a pending handler may run from then on.
 */
public final class Irq {
    private Irq() {
    }

    public static void localIrqDisable(Execution x) {
        disable(x, "local_irq_disable");
    }

    public static void localIrqEnable(Execution x) {
        enable(x, "local_irq_enable");
    }

    /** local_irq_save(): returns the flags to restore (1 if IRQs were on). */
    public static long localIrqSave(Execution x) {
        Cpu c = x.requireProc("local_irq_save").cpu;
        long flags = c.irqsOn() ? 1 : 0;
        disable(x, "local_irq_save");
        return flags;
    }

    public static void localIrqRestore(Execution x, long flags) {
        if (flags != 0) {
            enable(x, "local_irq_restore");
        } else {
            disable(x, "local_irq_restore");
        }
    }

    /** irqs_disabled(): local state, no event. */
    public static boolean irqsDisabled(Execution x) {
        return !x.requireProc("irqs_disabled").cpu.irqsOn();
    }

    static void disable(Execution x, String name) {
        Cpu c = x.requireProc(name).cpu;
        x.begin(OpKind.IRQ_DISABLE, name, c, CpuState.entering(c, Footprint.of(c.key(Cpu.KEY_IRQ), Mode.WRITE)), null);
        CpuState.change(x, c, () -> c.setIrqsOn(false));
    }

    static void enable(Execution x, String name) {
        Cpu c = x.requireProc(name).cpu;
        Event e = x.begin(OpKind.IRQ_ENABLE, name, c, CpuState.leaving(c, Footprint.of(c.key(Cpu.KEY_IRQ), Mode.RELEASE)), null);
        CpuState.change(x, c, () -> c.setIrqsOn(true));
        e.a = c.id;
    }
}
