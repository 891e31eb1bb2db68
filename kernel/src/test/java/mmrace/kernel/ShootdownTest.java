package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.engine.sync.Irq;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.arch.Mmu;
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
                    // Loads through the MMU without the fault path: a fault with IRQs off
                    // would sleep (mmap_lock), and gup_fast-like walkers do not fault either.
                    // If munmap has already flushed, both miss; otherwise both hit the page.
                    Irq.localIrqDisable(t.x());
                    Mmu.Result a = Mmu.access(t.kernel(), t.mm(), 0x1000, false, 0);
                    Mmu.Result b = Mmu.access(t.kernel(), t.mm(), 0x1000, false, 0);
                    Irq.localIrqEnable(t.x());
                    t.record("same", a.equals(b) ? 1 : 0);
                })
                .build();
        ExploreResult r = w.explore(w.options().withCollectStates(true));
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
        assertEquals(java.util.Set.of("CPU1:same=1;"), r.finalStates());
    }
}
