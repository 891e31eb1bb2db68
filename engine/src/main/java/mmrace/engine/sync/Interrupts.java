package mmrace.engine.sync;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.Named;
import mmrace.engine.exec.OpKind;
import mmrace.engine.exec.Proc;

/**
 * Inter-processor interrupts. {@code smp_call_function_many(mask, func, wait)} makes, for each
 * other CPU in the mask, a handler context that can start only while that CPU has interrupts
 * enabled; the handler runs with interrupts off and its CPU's task waits. With {@code wait},
 * the sender blocks until every handler is done: this is how an x86 TLB shootdown waits for a
 * CPU that walks page tables with IRQs off (fast GUP).
 */
public final class Interrupts {
    private Interrupts() {
    }

    static void enterContext(Cpu c, Proc p) {
        c.setInIrq(p);
    }

    /** One IPI broadcast: the key its acknowledgements release, and how many arrived. */
    private static final class Call implements Named {
        final long key;
        final String text;
        final int targets;
        int acked;

        Call(long key, String text, int targets) {
            this.key = key;
            this.text = text;
            this.targets = targets;
        }

        @Override
        public String displayName() {
            return text;
        }
    }

    /**
     * @see kernel/smp.c smp_call_function_many() (v5.6): runs {@code func} on every online CPU
     *     in {@code mask} except the caller's.
     */
    public static void smpCallFunctionMany(Execution x, Collection<Cpu> mask, String funcName,
                                           Consumer<Cpu> func, boolean wait) {
        Proc sender = x.requireProc("smp_call_function_many");
        Cpu self = sender.cpu;
        if (!self.irqsOn() && wait) {
            throw x.fail(FindingKind.CHECK, "ipi-irqs-off",
                    "WARNING: smp_call_function_many() with IRQs disabled can deadlock (kernel/smp.c WARN_ON_ONCE)");
        }
        List<Cpu> targets = mask.stream().filter(c -> c != self).toList();
        Call call = new Call(x.newId(), names(targets), targets.size());
        Event send = x.begin(OpKind.IPI_SEND, funcName, call, Footprint.one(call.key, Mode.WRITE), null);
        send.a = targets.size();
        for (Cpu t : targets) {
            Proc[] self2 = new Proc[1];
            self2[0] = x.spawn("ipi:" + funcName + "@" + sender.name + "#" + call.key + "->" + t.name, Proc.Kind.IRQ, t,
                    OpKind.IRQ_ENTRY, funcName, t, CpuState.entering(t, Footprint.of(t.key(Cpu.KEY_IRQ), Mode.ACQUIRE)),
                    () -> t.irqsOn() && t.inIrq() == null,
                    () -> {
                        enterContext(t, self2[0]);
                        CpuState.change(x, t, () -> t.setIrqsOn(false));
                    },
                    () -> {
                        x.enter(funcName);
                        func.accept(t);
                        x.leave();
                        x.begin(OpKind.IPI_ACK, funcName, call,
                                CpuState.leaving(t, Footprint.of(call.key, Mode.RELEASE),
                                        Footprint.of(t.key(Cpu.KEY_IRQ), Mode.RELEASE)), null);
                        call.acked++;
                        CpuState.change(x, t, () -> t.setIrqsOn(true));
                    });
        }
        if (wait && !targets.isEmpty()) {
            x.begin(OpKind.IPI_WAIT, funcName, call, Footprint.one(call.key, Mode.ACQUIRE),
                    () -> call.acked == call.targets);
        }
    }

    private static String names(List<Cpu> cpus) {
        StringBuilder sb = new StringBuilder();
        for (Cpu c : cpus) {
            sb.append(sb.isEmpty() ? "" : ",").append(c.name);
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
