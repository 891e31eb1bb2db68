package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.Gup;
import mmrace.kernel.variant.SwapInKsmCopy;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/**
 * Seed S003, the swap-in KSM-copy branch: 5.3 maps the copy (set_pte_at) before
 * page_add_new_anon_rmap's non-atomic __SetPageSwapBacked, so fast GUP can set PG_referenced
 * or take PG_locked in between and lose it — on any architecture, even under SC.
 */
class SwapInKsmCopyTest {
    static MmWorld world(SwapInKsmCopy v, boolean gup) {
        MmWorld.Builder b = MmWorld.builder()
                .name("swap-in KSM copy vs fast GUP")
                .arch(Arch.x86())
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.swapped(0x1000, 5).staleSwapCache();
                })
                .cpu("P", t -> t.record("v", t.read(0x1000)));
        if (gup) {
            b.cpu("P", t -> t.gupFast(0x1000, 1, Gup.FOLL_GET, true));
        }
        return b.build();
    }

    @Test
    void swapInCopiesAStaleSwapCachePage() {
        Execution x = world(SwapInKsmCopy.V5_3, false).run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:v=5;", x.finalState(), Smoke.trace(x));
    }

    @Test
    void ksmCopyVsGupFast() {
        ExploreResult bug = SeedCases.log("S003 swap-in KSM-copy branch vs GUP", "x86", "5.3",
                world(SwapInKsmCopy.V5_3, true).explore());
        assertEquals(Verdict.BUG, bug.verdict(), Smoke.describe(bug));
        assertEquals(CheckNames.LOST_FLAG_UPDATE, bug.counterexample().mainFinding().check(), Smoke.describe(bug));
        ExploreResult ok = SeedCases.log("S003 swap-in KSM-copy branch vs GUP", "x86", "yu-v3",
                world(SwapInKsmCopy.YU_V3, true).explore());
        assertEquals(Verdict.VERIFIED, ok.verdict(), Smoke.describe(ok));
    }

    /**
     * The other half of S003: do_anonymous_page (5.3) vs fast GUP. VERIFIED on x86 (TSO keeps
     * the flags store before set_pte_at); the arm64/power BUG needs LKMM, not registered yet,
     * so those runs give their SC verdict.
     */
    @Test
    void anonFaultVsGupFastOnX86() {
        MmWorld w = MmWorld.builder()
                .name("anon fault vs fast GUP")
                .arch(Arch.x86())
                .process("P", p -> p.anon(0x0, 4))
                .cpu("P", t -> t.write(0x1000, 1))
                .cpu("P", t -> t.gupFast(0x1000, 1, Gup.FOLL_GET, true))
                .build();
        ExploreResult r = SeedCases.log("S003 anon fault vs GUP", "x86", "5.3", w.explore());
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }
}
