package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.Gup;
import mmrace.kernel.mm.PageTableScan;
import mmrace.kernel.mm.Pte;
import mmrace.kernel.variant.MigrateRefcount;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** Compaction's migrate_pages() of an anonymous page: alone, against a fault, against a GUP pin. */
class MigrateTest {
    static long pfnAt(mmrace.kernel.world.Task t, long addr) {
        return Pte.pfn(PageTableScan.pteAt(t.kernel(), t.mm(), addr));
    }

    /** Alone: the page moves to another frame, keeps its data, and the old frame is freed. */
    @Test
    void compactionMovesAnAnonPage() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    long before = pfnAt(t, 0x1000);
                    t.record("isolated", t.compact());
                    long after = pfnAt(t, 0x1000);
                    t.record("moved", after != before ? 1 : 0);
                    t.record("old_free", t.kernel().pages.page(before).isFree() ? 1 : 0);
                    t.record("r", t.read(0x1000));
                })
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:isolated=1; CPU0:moved=1; CPU0:old_free=1; CPU0:r=7;", x.finalState(), Smoke.trace(x));
    }

    /** move_pages(2): the same through follow_page and isolate_lru_page, MIGRATE_SYNC. */
    @Test
    void movePagesMovesAnAnonPage() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    long before = pfnAt(t, 0x1000);
                    t.record("err", t.movePages(0x1000));
                    t.record("moved", pfnAt(t, 0x1000) != before ? 1 : 0);
                    t.record("none", t.movePages(0x2000));
                    t.record("r", t.read(0x1000));
                })
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:err=0; CPU0:moved=1; CPU0:none=-2; CPU0:r=7;", x.finalState(), Smoke.trace(x));
    }

    /** A page get_user_pages holds is not migrated: the refcount check says -EAGAIN. */
    @Test
    void aPinnedPageStays() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    long before = pfnAt(t, 0x1000);
                    var pages = t.gup(0x1000, 1, Gup.FOLL_GET, 0);
                    t.compact();
                    t.record("moved", pfnAt(t, 0x1000) != before ? 1 : 0);
                    t.putUserPages(pages, Gup.FOLL_GET);
                })
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:moved=0;", x.finalState(), Smoke.trace(x));
    }

    /** munmap racing with migration: zap_pte_range may meet a migration entry (counted as the page). */
    @Test
    void migrationVsMunmap() {
        for (mmrace.kernel.arch.Arch a : new mmrace.kernel.arch.Arch[] {mmrace.kernel.arch.Arch.x86(),
                mmrace.kernel.arch.Arch.arm64()}) {
            MmWorld w = MmWorld.builder()
                    .arch(a)
                    .process("P", p -> {
                        p.anon(0x0, 4);
                        p.present(0x1000, 7);
                    })
                    .kthread(t -> t.compact())
                    .cpu("P", t -> t.munmap(0x0, 0x4000))
                    .build();
            ExploreResult r = w.explore();
            assertEquals(Verdict.VERIFIED, r.verdict(), a + ": " + Smoke.describe(r));
        }
    }

    static MmWorld vsGup(MigrateRefcount v) {
        return MmWorld.builder()
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .kthread(t -> t.compact())
                .cpu("P", t -> {
                    var pages = t.gupFast(0x1000, 1, Gup.FOLL_GET, false);
                    t.record("r", t.read(0x1000));
                    t.putUserPages(pages, Gup.FOLL_GET);
                })
                .build();
    }

    @Test
    void migrationVsGupFast() {
        ExploreResult ok = vsGup(MigrateRefcount.V5_6).explore();
        assertEquals(Verdict.VERIFIED, ok.verdict(), Smoke.describe(ok));
        ExploreResult bug = vsGup(MigrateRefcount.NO_REFCOUNT_CHECK).explore();
        assertEquals(Verdict.BUG, bug.verdict(), Smoke.describe(bug));
        assertEquals(CheckNames.GUP_PAGE_MAPPED, bug.counterexample().mainFinding().check(), Smoke.describe(bug));
    }
}
