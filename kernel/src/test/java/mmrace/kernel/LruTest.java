package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.mm.Lruvec;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.PageFlags;
import mmrace.kernel.mm.Vmscan;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** The LRU: isolation takes a page off with a reference, putback returns it; racing with the last put_page. */
class LruTest {
    @Test
    void isolateAndPutback() {
        Execution x = RmapTest.run(MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    Page page = Pages.at(t, 0x1000);
                    t.record("before", page.lruList() == Lruvec.List.INACTIVE_ANON ? 1 : 0);
                    t.record("isolated", Vmscan.isolateLruPage(t.kernel(), page) ? 1 : 0);
                    t.record("again", Vmscan.isolateLruPage(t.kernel(), page) ? 1 : 0);
                    t.record("ref", page.refcount.peek());
                    t.record("lru_bit", (page.flags.peek() >> PageFlags.PG_lru) & 1);
                    Vmscan.putbackLruPage(t.kernel(), page);
                    t.record("after", page.lruList() == Lruvec.List.INACTIVE_ANON ? 1 : 0);
                }));
        assertEquals("CPU0:after=1; CPU0:again=0; CPU0:before=1; CPU0:isolated=1; CPU0:lru_bit=0; CPU0:ref=2;",
                x.finalState());
    }

    /** Reclaim isolating pages while munmap drops their last mapping: get_page_unless_zero decides. */
    @Test
    void reclaimVsMunmapIsVerified() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .kthreadLazy("P", t -> t.shrink(4))
                .cpu("P", t -> t.munmap(0x0, 0x4000))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }
}
