package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.engine.sync.Irq;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/**
 * x86 TLB shootdown waits for every CPU in mm_cpumask to run the flush IPI, and a CPU with
 * interrupts off runs it only once it enables them: a translation used inside an IRQs-off
 * region stays valid (its page is not freed) until the region ends. This is what gup_fast
 * relies on.
 */
class ShootdownTest {
    @Test
    void anIrqsOffCpuHoldsBackTheFreeOnX86() {
        MmWorld w = MmWorld.builder()
                .arch(Arch.x86())
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).inTlbOf(1);
                })
                .cpu("P", t -> t.munmap(0x0, 0x4000))
                .cpu("P", t -> {
                    Irq.localIrqDisable(t.x());
                    long a = t.read(0x1000);
                    long b = t.read(0x1000);
                    Irq.localIrqEnable(t.x());
                    t.record("same", a == b ? 1 : 0);
                })
                .build();
        ExploreResult r = w.explore(w.options().withCollectStates(true));
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
        assertEquals(java.util.Set.of("CPU1:same=1;"), r.finalStates());
    }
}
