package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.Pte;
import mmrace.kernel.variant.ReclaimFlush;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** Reclaim of anonymous pages: swap-out and swap-in, racing with user accesses. */
class ReclaimTest {
    @Test
    void swapOutThenSwapInKeepsTheData() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    t.record("reclaimed", t.shrink(4).reclaimed());
                    t.record("pte_is_swap", Pte.isSwap(pteOf(t, 0x1000)) ? 1 : 0);
                    t.record("r", t.read(0x1000));
                })
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:pte_is_swap=1; CPU0:r=7; CPU0:reclaimed=1;", x.finalState(), Smoke.trace(x));
    }

    static long pteOf(mmrace.kernel.world.Task t, long addr) {
        return mmrace.kernel.mm.PageTableScan.pteAt(t.kernel(), t.mm(), addr);
    }

    static MmWorld reclaimVsRead(Arch arch, ReclaimFlush v, boolean warm) {
        return MmWorld.builder()
                .arch(arch)
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    var page = p.present(0x1000, 7).clean();
                    if (warm) {
                        page.inTlbOf(1);
                    }
                })
                .kthreadLazy("P", t -> t.shrink(4))
                .cpu("P", t -> t.record("r", t.read(0x1000)))
                .atEnd(s -> { })
                .build();
    }

    @Test
    void reclaimVsReadIsVerified() {
        for (Arch a : new Arch[] {Arch.x86(), Arch.arm64()}) {
            for (boolean warm : new boolean[] {false, true}) {
                ExploreResult r = reclaimVsRead(a, ReclaimFlush.V5_6, warm).explore(
                        reclaimVsRead(a, ReclaimFlush.V5_6, warm).options().withCollectStates(true));
                assertEquals(Verdict.VERIFIED, r.verdict(), a.name() + " warm=" + warm + "\n" + Smoke.describe(r));
                assertEquals(java.util.Set.of("CPU1:r=7;"), r.finalStates(), a.name() + " warm=" + warm);
            }
        }
    }

    @Test
    void freeingBeforeTheBatchedFlushLeavesAStaleTlbEntry() {
        ExploreResult r = reclaimVsRead(Arch.x86(), ReclaimFlush.NO_FLUSH_BEFORE_FREE, true).explore();
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        assertEquals(CheckNames.STALE_TLB, r.counterexample().mainFinding().check(), Smoke.describe(r));
    }
}
