package mmrace.engine.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Program;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Interrupts;
import mmrace.engine.sync.Irq;
import mmrace.engine.sync.Rcu;
import org.junit.jupiter.api.Test;

/**
 * DPOR with interrupt contexts, on the smallest programs that it once got wrong. In each, the
 * first execution DPOR tries runs the handler before its CPU's task (CPU0 sends, CPU1 is
 * interrupted, and the explorer prefers CPU0); the other orders are reachable only if DPOR
 * sees that the handler's start could have come later, though it touches nothing of the task.
 */
class IrqDporTest {
    private static Set<String> states(Program p, StrategyKind s) {
        ExploreResult r = Explorer.explore(p, ExploreOptions.defaults().withCollectStates(true).withStrategy(s));
        assertEquals(Verdict.VERIFIED, r.verdict(), p.name());
        return r.finalStates();
    }

    private static void assertSameStates(Program p, Set<String> expected) {
        assertEquals(expected, states(p, StrategyKind.ALL), p.name() + " under all interleavings");
        assertEquals(expected, states(p, StrategyKind.DPOR), p.name() + " under DPOR");
    }

    /** CPU0 sends {@code handler} to CPU1 (waiting or not); CPU1's task runs {@code task}. */
    private static Program ipi(String name, boolean wait, Consumer<Loc> handler, Consumer<Loc> task) {
        return Program.named(name, x -> {
            Loc v = new Loc(x, "v", 0);
            x.observe("v", v);
            Cpu[] target = new Cpu[1];
            x.cpu(() -> Interrupts.smpCallFunctionMany(x, List.of(target[0]), "ipi_func", c -> handler.accept(v), wait));
            target[0] = x.cpu(() -> task.accept(v));
        });
    }

    private static void write1(Loc v) {
        v.writeOnce(1);
    }

    /**
     * The handler may come after the task's access: the start must race with the access. With
     * a third CPU that runs first, DPOR's first execution runs the handler before CPU2's add,
     * and a handler already started cannot be reordered after the add by its write alone.
     */
    @Test
    void handlerAfterThePlainAccessOfItsTask() {
        Program p = Program.named("ipi-vs-add", x -> {
            Loc v = new Loc(x, "v", 0);
            x.observe("v", v);
            Cpu[] target = new Cpu[1];
            x.cpu(() -> x.record("r", v.readOnce()));
            x.cpu(() -> Interrupts.smpCallFunctionMany(x, List.of(target[0]), "ipi_func", c -> v.writeOnce(1), false));
            target[0] = x.cpu(() -> x.record("r", v.rmw(Order.FULL, "atomic_fetch_add", o -> o + 2)));
        });
        Set<String> all = states(p, StrategyKind.ALL);
        assertTrue(all.contains("CPU0:r=0; CPU2:r=0; v=1;"), all.toString());
        assertEquals(all, states(p, StrategyKind.DPOR));
    }

    /** An x86 TLB flush and fast GUP: the IPI is handled before or after the IRQs-off section. */
    @Test
    void handlerBeforeOrAfterAnIrqsOffSection() {
        Program p = ipi("ipi-vs-irqs-off", true, IrqDporTest::write1, v -> {
            long flags = Irq.localIrqSave(v.execution());
            v.execution().record("r", v.readOnce());
            Irq.localIrqRestore(v.execution(), flags);
        });
        assertSameStates(p, Set.of("CPU1:r=0; v=1;", "CPU1:r=1; v=1;"));
    }

    /** The task's event after the handler both waits for its end and reads what it wrote. */
    @Test
    void taskReadsWhatTheHandlerWrote() {
        Program p = ipi("ipi-then-read", false, IrqDporTest::write1, v -> {
            v.execution().record("r0", v.readOnce());
            v.execution().record("r1", v.readOnce());
        });
        assertSameStates(p, Set.of("CPU1:r0=0; CPU1:r1=0; v=1;", "CPU1:r0=0; CPU1:r1=1; v=1;",
                "CPU1:r0=1; CPU1:r1=1; v=1;"));
    }

    /** An RCU callback runs on its caller's CPU: before or after the caller's next access. */
    @Test
    void rcuCallbackInterruptsItsCaller() {
        Program p = Program.named("call-rcu-then-read", x -> {
            Loc v = new Loc(x, "v", 0);
            x.observe("v", v);
            x.cpu(() -> v.writeOnce(2));
            x.cpu(() -> {
                Rcu.callRcu(x, "cb", () -> v.writeOnce(1));
                x.record("r", v.readOnce());
            });
        });
        Set<String> all = states(p, StrategyKind.ALL);
        assertTrue(all.size() > 2, all.toString());
        assertEquals(all, states(p, StrategyKind.DPOR));
    }
}
