package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.Gup;
import mmrace.kernel.mm.Khugepaged;
import mmrace.kernel.variant.CollapseAnon;
import mmrace.kernel.variant.GupFastRecheck;
import mmrace.kernel.world.MmWorld;
import mmrace.kernel.world.ProcessSpec;
import org.junit.jupiter.api.Test;

/** khugepaged's anonymous collapse (seed S000): alone, against fast GUP, against reclaim. */
class KhugepagedTest {
    /** Four PTEs = HPAGE_PMD_NR: two pages mapped (the first young), two none. */
    static void twoPages(ProcessSpec p) {
        p.anon(0x0, 4);
        p.present(0x0, 7).young();
        p.present(0x1000, 8);
    }

    @Test
    void collapsesARangeAlone() {
        MmWorld w = MmWorld.builder()
                .process("P", KhugepagedTest::twoPages)
                .kthread(t -> t.record("r", t.khugepaged("P", 0x0).ordinal()))
                .cpu("P", t -> t.record("v", t.read(0x1000)))
                .build();
        Execution x = w.run(3);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:r=" + Khugepaged.ScanResult.SCAN_SUCCEED.ordinal() + "; CPU1:v=8;", x.finalState(),
                Smoke.trace(x));
    }

    static ExploreResult gupCase(Arch arch, CollapseAnon collapse, GupFastRecheck gup) {
        return SeedCases.log("S000 collapse vs fast GUP", arch.name(), collapse.id() + "," + gup.id(),
                vsGupFast(arch, collapse, gup).explore());
    }

    static MmWorld vsGupFast(Arch arch, CollapseAnon collapse, GupFastRecheck gup) {
        return MmWorld.builder()
                .name("collapse vs fast GUP")
                .arch(arch)
                .variant(collapse)
                .variant(gup)
                .process("P", KhugepagedTest::twoPages)
                .cpu("P", t -> t.gupFast(0x1000, 1, Gup.FOLL_GET, false))
                .kthread(t -> t.khugepaged("P", 0x0))
                .build();
    }

    @Test
    void vsGupFastX86IsVerified() {
        ExploreResult r = gupCase(Arch.x86(), CollapseAnon.V5_6, GupFastRecheck.V5_6);
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    @Test
    void vsGupFastArm64IsABug() {
        ExploreResult r = gupCase(Arch.arm64(), CollapseAnon.V5_6, GupFastRecheck.V5_6);
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        assertEquals(CheckNames.GUP_PAGE_MAPPED, r.counterexample().mainFinding().check(), Smoke.describe(r));
        System.out.println(Smoke.describe(r));
    }

    @Test
    void vsGupFastArm64WithThePmdRecheckIsVerified() {
        ExploreResult r = gupCase(Arch.arm64(), CollapseAnon.V5_6, GupFastRecheck.RECHECK_PMD);
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    @Test
    void vsGupFastArm64WithTheIpiSyncIsVerified() {
        ExploreResult r = gupCase(Arch.arm64(), CollapseAnon.COLLAPSE_IPI_SYNC, GupFastRecheck.V5_6);
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    /** One page, PG_referenced (khugepaged counts it; reclaim still takes it), three none PTEs. */
    static void onePage(ProcessSpec p) {
        p.anon(0x0, 4);
        p.present(0x1000, 8).referenced();
    }

    static MmWorld vsReclaim(Arch arch, CollapseAnon collapse) {
        return MmWorld.builder()
                .name("collapse vs reclaim")
                .arch(arch)
                .variant(collapse)
                .process("P", KhugepagedTest::onePage)
                .kthread(t -> t.khugepaged("P", 0x0))
                .kthread(t -> t.shrink(1))
                .build();
    }

    static ExploreResult reclaimCase(Arch arch, CollapseAnon collapse) {
        return SeedCases.log("S000 collapse vs reclaim", arch.name(), collapse.id(), vsReclaim(arch, collapse).explore());
    }

    @Test
    void vsReclaimIsVerified() {
        for (Arch a : java.util.List.of(Arch.x86(), Arch.arm64())) {
            ExploreResult r = reclaimCase(a, CollapseAnon.V5_6);
            assertEquals(Verdict.VERIFIED, r.verdict(), a.name() + ": " + Smoke.describe(r));
        }
    }

    @Test
    void vsReclaimWithoutDetachingTheTableCorruptsTheMapcount() {
        ExploreResult r = reclaimCase(Arch.x86(), CollapseAnon.NO_DETACH);
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        System.out.println(Smoke.describe(r));
    }

    @Test
    void vsReclaimYangV2IsVerified() {
        ExploreResult r = reclaimCase(Arch.x86(), CollapseAnon.YANG_V2);
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    @Test
    void vsReclaimWithoutThePmdLockIsVerified() {
        ExploreResult r = reclaimCase(Arch.x86(), CollapseAnon.NO_PMD_LOCK);
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    /** The arch layer on the same race: IPI flushes (alpha) wait for gup_fast, broadcasts (s390) do not; power radix serializes. */
    @Test
    void vsGupFastOnTheOtherArchitectures() {
        assertEquals(Verdict.VERIFIED, gupCase(Arch.alpha(), CollapseAnon.V5_6, GupFastRecheck.V5_6).verdict());
        assertEquals(Verdict.BUG, gupCase(Arch.s390(), CollapseAnon.V5_6, GupFastRecheck.V5_6).verdict());
        assertEquals(Verdict.VERIFIED, gupCase(Arch.s390(), CollapseAnon.V5_6, GupFastRecheck.RECHECK_PMD).verdict());
        assertEquals(Verdict.VERIFIED, gupCase(Arch.power(), CollapseAnon.V5_6, GupFastRecheck.V5_6).verdict());
        ExploreResult noSerialize = SeedCases.log("S000 collapse vs fast GUP", "power", "v5.6,v5.6,no-serialize",
                MmWorld.builder().arch(Arch.power()).variant(mmrace.kernel.variant.PowerSerialize.NONE)
                        .process("P", KhugepagedTest::twoPages)
                        .cpu("P", t -> t.gupFast(0x1000, 1, Gup.FOLL_GET, false))
                        .kthread(t -> t.khugepaged("P", 0x0))
                        .build().explore());
        assertEquals(Verdict.BUG, noSerialize.verdict(), Smoke.describe(noSerialize));
    }
}
