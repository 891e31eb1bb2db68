package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.X86LazyFlush;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/**
 * A CPU in lazy TLB mode (a kernel thread still on a process's page tables) can walk them
 * speculatively through its paging-structure cache: munmap freeing the PTE table must flush it
 * there too, IPI (x86) or broadcast (arm64).
 */
class LazyTlbTest {
    static MmWorld world(Arch arch, X86LazyFlush v) {
        return MmWorld.builder()
                .arch(arch)
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).inTlbOf(1);
                })
                .cpu("P", t -> t.munmap(0x0, 0x4000))
                .kthreadLazy("P", t -> t.hwWalk(0x2000))
                .build();
    }

    @Test
    void lazyCpusAreFlushedWhenTablesAreFreed() {
        for (Arch a : new Arch[] {Arch.x86(), Arch.arm64()}) {
            for (X86LazyFlush v : new X86LazyFlush[] {X86LazyFlush.V5_6, X86LazyFlush.PRE_4_19}) {
                ExploreResult r = world(a, v).explore();
                assertEquals(Verdict.VERIFIED, r.verdict(), a.name() + " " + v + "\n" + Smoke.describe(r));
            }
        }
    }

    @Test
    void skippingLazyCpusOnTableFreeLetsThemWalkAFreedTable() {
        ExploreResult r = world(Arch.x86(), X86LazyFlush.SKIP_LAZY_ALWAYS).explore();
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        assertEquals(CheckNames.PGTABLE_FREED, r.counterexample().mainFinding().check(), Smoke.describe(r));
    }
}
