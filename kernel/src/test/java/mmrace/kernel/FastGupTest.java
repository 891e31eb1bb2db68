package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.Gup;
import mmrace.kernel.mm.Page;
import mmrace.kernel.variant.GupFastRecheck;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** get_user_pages_fast: the IRQs-off lockless walk, its re-checks, and its slow fallback. */
class FastGupTest {
    @Test
    void getsMappedPagesAndFallsBackForTheRest() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    List<Page> got = t.gupFast(0x1000, 2, Gup.FOLL_GET, true);
                    t.record("n", got.size());
                    t.record("ref", got.get(0).refcount.peek());
                    t.putUserPages(got, Gup.FOLL_GET);
                    t.record("r", t.read(0x1000));
                })
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:n=2; CPU0:r=7; CPU0:ref=2;", x.finalState(), Smoke.trace(x));
    }

    /** gup_fast of a page that munmap zaps concurrently; the reference is kept to the end. */
    static MmWorld vsMunmap(Arch arch, GupFastRecheck v) {
        return MmWorld.builder()
                .name("gup_fast vs munmap")
                .arch(arch)
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> t.gupFast(0x1000, 1, Gup.FOLL_GET, false))
                .cpu("P", t -> t.munmap(0x1000, 0x1000))
                .build();
    }

    @Test
    void vsMunmapIsVerifiedWithThePteRecheck() {
        for (Arch a : List.of(Arch.x86(), Arch.arm64())) {
            ExploreResult r = vsMunmap(a, GupFastRecheck.V5_6).explore();
            assertEquals(Verdict.VERIFIED, r.verdict(), a.name() + ": " + Smoke.describe(r));
        }
    }

    @Test
    void vsMunmapWithoutTheRecheckReturnsAnUnmappedPage() {
        ExploreResult r = vsMunmap(Arch.x86(), GupFastRecheck.NO_PTE_RECHECK).explore();
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        assertEquals(CheckNames.GUP_PAGE_MAPPED, r.counterexample().mainFinding().check(), Smoke.describe(r));
    }
}
