package mmrace.junit;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.mm.Gup;
import mmrace.kernel.variant.SwapInKsmCopy;
import mmrace.kernel.world.MmWorld;

/**
 * Seed S003 (thread seeds/003), swap-in half, as race tests: in 5.3 do_swap_page's KSM-copy
 * branch maps the page with set_pte_at() before page_add_new_anon_rmap()'s non-atomic
 * __SetPageSwapBacked(), so fast GUP's atomic flag update in between is lost, even on x86;
 * Yu Zhao's v3 maps it after the rmap. The same race is races/seeds/s003-ksm-copy-vs-gup-fast.mm.
 */
class SeedRaceTest {
    /** The world: one anonymous VMA whose page is swapped out with a stale swap-cache page. */
    static MmWorld world(SwapInKsmCopy variant) {
        return MmWorld.builder()
                .name("S003 swap-in KSM copy vs fast GUP (" + variant.id() + ")")
                .arch(Arch.x86())
                .variant(variant)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.swapped(0x1000, 5).staleSwapCache();
                })
                .cpu("P", t -> t.record("v", t.read(0x1000)))
                .cpu("P", t -> t.gupFast(0x1000, 1, Gup.FOLL_GET, true))
                .build();
    }

    @RaceTest(expect = Verdict.BUG, executions = 6)
    void ksmCopyBranchOf53LosesTheGupFlag(Execution x) {
        world(SwapInKsmCopy.V5_3).setup(x);
    }

    @RaceTest(expect = Verdict.VERIFIED, executions = 15)
    void yuV3MapsAfterTheRmap(Execution x) {
        world(SwapInKsmCopy.YU_V3).setup(x);
    }
}
