package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Finding;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.engine.mem.Order;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.PageFlags;
import mmrace.kernel.mm.Rmap;
import mmrace.kernel.mm.RssCounter;
import mmrace.kernel.mm.Swap;
import mmrace.kernel.world.MmWorld;
import mmrace.kernel.world.Task;
import org.junit.jupiter.api.Test;

/** Each always-on check fires, under its stable name, on a state that breaks its invariant. */
class ChecksTest {
    static String firstCheck(Consumer<Task> body) {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", body)
                .build();
        Execution x = w.run(1);
        for (Finding f : x.findings()) {
            if (f.kind().fatal) {
                return f.check();
            }
        }
        return "none";
    }

    @Test
    void aConsistentRunHasNoFinding() {
        assertEquals("none", firstCheck(t -> t.write(0x2000, 1)));
    }

    @Test
    void mapcount() {
        assertEquals(CheckNames.MAPCOUNT, firstCheck(t -> Pages.at(t, 0x1000).mapcount.rmw(Order.ONCE, "bug", v -> v + 1)));
    }

    @Test
    void refcount() {
        assertEquals(CheckNames.REFCOUNT, firstCheck(t -> Pages.at(t, 0x1000).refcount.rmw(Order.ONCE, "bug", v -> v + 1)));
        assertEquals(CheckNames.REFCOUNT, firstCheck(t -> {
            Page p = Pages.at(t, 0x1000);
            t.munmap(0x0, 0x4000);
            Swap.putPage(t.kernel(), p); // one put too many: the page is already free
        }));
    }

    @Test
    void badPageWhenAMappedPageIsFreed() {
        assertEquals(CheckNames.BAD_PAGE, firstCheck(t -> Swap.putPage(t.kernel(), Pages.at(t, 0x1000))));
    }

    @Test
    void rss() {
        assertEquals(CheckNames.RSS, firstCheck(t -> t.mm().rss[RssCounter.MM_ANONPAGES.ordinal()]
                .rmw(Order.ONCE, "bug", v -> v + 1)));
    }

    @Test
    void lockHeldForRmapWithoutThePteLock() {
        assertEquals(CheckNames.LOCK_HELD, firstCheck(t -> {
            Page p = Pages.at(t, 0x1000);
            var table = t.kernel().pages.liveTables().get(0);
            Rmap.pageRemoveRmap(t.kernel(), p, table.ptl);
        }));
    }

    @Test
    void pageLockLeak() {
        assertEquals(CheckNames.PAGE_LOCK_LEAK, firstCheck(t -> PageFlags.lockPage(Pages.at(t, 0x1000))));
    }

    /** A non-atomic read-modify-write of page->flags racing with an atomic set_bit loses the bit. */
    @Test
    void lostFlagUpdate() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> PageFlags.nonAtomicSet(Pages.at(t, 0x1000), PageFlags.PG_dirty, "__SetPageDirty"))
                .cpu("P", t -> PageFlags.set(Pages.at(t, 0x1000), PageFlags.PG_referenced, "SetPageReferenced"))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.BUG, r.verdict());
        assertEquals(CheckNames.LOST_FLAG_UPDATE, r.counterexample().mainFinding().check(), Smoke.describe(r));
    }

    /** Two owners of PG_locked: the second trylock would have failed had the bit not been lost. */
    @Test
    void lostPageLockIsTwoOwners() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    Page p = Pages.at(t, 0x1000);
                    long v = p.flags.load(Order.PLAIN, "__SetPageDirty: load");
                    PageFlags.trylockPage(p); // may or may not get it
                    p.flags.store(v | PageFlags.bit(PageFlags.PG_dirty), Order.PLAIN, "__SetPageDirty: store");
                })
                .build();
        Execution x = w.run(1);
        assertEquals(CheckNames.LOST_FLAG_UPDATE, x.findings().get(0).check(), Smoke.trace(x));
    }
}
