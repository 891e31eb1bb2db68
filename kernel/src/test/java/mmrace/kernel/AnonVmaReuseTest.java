package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.PageRef;
import mmrace.kernel.mm.Swap;
import mmrace.kernel.mm.TryToUnmap;
import mmrace.kernel.mm.Vmscan;
import mmrace.kernel.variant.AnonVmaImpl;
import mmrace.kernel.variant.PageLockAnonVma;
import mmrace.kernel.variant.Variant;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Seed S001's core, from the model's own code: reclaim calls page_referenced() on an isolated
 * page (which it holds a reference on, but does not lock, as shrink_active_list does) while the page's only VMA is unmapped, freeing its anon_vma
 * into the SLAB_TYPESAFE_BY_RCU cache, and a fault elsewhere allocates a new anon_vma in the same
 * memory. 2.6.34-rc's page_lock_anon_vma() checks page_mapped() only before taking the lock
 * and returns the new anon_vma; the fixes re-check after locking.
 */
class AnonVmaReuseTest {
    static MmWorld world(Variant form, Variant impl) {
        return MmWorld.builder()
                .variant(form).variant(impl)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                    p.anon(0x8000, 4);
                })
                .kthread(t -> {
                    // shrink_active_list()'s way: a reference (isolate_lru_page needs one), isolated,
                    // then page_referenced() without the page lock.
                    Page page = Pages.at(t.kernel(), t.kernel().mm("P"), 0x1000);
                    if (PageRef.getPageUnlessZero(page)) {
                        if (Vmscan.isolateLruPage(t.kernel(), page)) {
                            TryToUnmap.pageReferenced(t.kernel(), page, false);
                            Vmscan.putbackLruPage(t.kernel(), page);
                        }
                        Swap.putPage(t.kernel(), page);
                    }
                })
                .cpu("P", t -> t.munmap(0x0, 0x4000))
                .cpu("P", t -> t.write(0x9000, 1))
                .build();
    }

    @Test
    void v2_6_34_rcReturnsAReusedAnonVma() {
        ExploreResult r = world(PageLockAnonVma.V2_6_34_RC, AnonVmaImpl.V2_6_34).explore();
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        assertEquals(CheckNames.RMAP_ANON_VMA, r.counterexample().mainFinding().check(), Smoke.describe(r));
    }

    @Test
    void v5_6IsVerified() {
        ExploreResult r = world(PageLockAnonVma.V5_6, AnonVmaImpl.V5_6).explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    /** The 2.6.3x fixes: about 6 s each, so only with -Dmmrace.slow=true. */
    @Test
    @EnabledIfSystemProperty(named = "mmrace.slow", matches = "true")
    void theHistoricalFixesAreVerified() {
        Variant[][] fixed = {
                {PageLockAnonVma.PETERZ, AnonVmaImpl.V2_6_34},
                {PageLockAnonVma.V2_6_36, AnonVmaImpl.V2_6_36},
        };
        for (Variant[] v : fixed) {
            ExploreResult r = world(v[0], v[1]).explore();
            assertEquals(Verdict.VERIFIED, r.verdict(), v[0].id() + "\n" + Smoke.describe(r));
        }
    }
}
