package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.VmFlags;
import mmrace.kernel.variant.RetractPageTables;
import mmrace.kernel.world.MmWorld;
import mmrace.kernel.world.ProcessSpec;
import org.junit.jupiter.api.Test;

/**
 * Seed S004: retract_page_tables() (khugepaged's collapse_file) without the mmap_lock, against
 * UFFDIO_COPY into a private shmem VMA, an IOMMU walking the page tables, and lockless walkers.
 */
class RetractTest {
    static final long PRIVATE_UFFD = VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_MAYREAD | VmFlags.VM_MAYWRITE
            | VmFlags.VM_UFFD_MISSING;

    /** A private mapping of the shmem file F, registered MISSING, an empty PTE table under its aligned PMD. */
    static void privateUffd(ProcessSpec p) {
        p.vma(0x0, 4, PRIVATE_UFFD, "F", 0);
        p.emptyPteTable(0x0);
    }

    static MmWorld.Builder base(RetractPageTables v) {
        return MmWorld.builder().arch(Arch.x86()).variant(v).shmem("F", 4, f -> { });
    }

    @Test
    void uffdioCopyAloneFillsTheHole() {
        MmWorld w = base(RetractPageTables.V6_6)
                .process("P", RetractTest::privateUffd)
                .cpu("P", t -> {
                    t.record("ret", t.uffdioCopy(0x1000, 42));
                    t.record("v", t.read(0x1000));
                })
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:ret=0; CPU0:v=42;", x.finalState(), Smoke.trace(x));
    }

    static ExploreResult vsUffdioCopy(RetractPageTables v) {
        MmWorld w = base(v)
                .name("retract vs UFFDIO_COPY")
                .process("P", RetractTest::privateUffd)
                .cpu("P", t -> t.uffdioCopy(0x1000, 42))
                .kthread(t -> t.retractPageTables("F", 0))
                .build();
        return SeedCases.log("S004 retract vs UFFDIO_COPY", "x86", v.id(), w.explore());
    }

    @Test
    void vsUffdioCopy() {
        for (RetractPageTables v : new RetractPageTables[] {RetractPageTables.V6_4, RetractPageTables.V6_6,
                RetractPageTables.PTE_NONE_CHECK}) {
            ExploreResult r = vsUffdioCopy(v);
            assertEquals(Verdict.VERIFIED, r.verdict(), v.id() + ": " + Smoke.describe(r));
        }
        ExploreResult bug = vsUffdioCopy(RetractPageTables.HUGH_V1);
        assertEquals(Verdict.BUG, bug.verdict(), Smoke.describe(bug));
        assertEquals(CheckNames.PGTABLE_LIVE_DETACHED, bug.counterexample().mainFinding().check(), Smoke.describe(bug));
    }

    static ExploreResult vsIommu(RetractPageTables v) {
        MmWorld w = base(v)
                .name("retract vs IOMMU walk")
                .process("P", p -> {
                    privateUffd(p);
                    p.iommu();
                })
                .kthread(t -> {
                    t.iommuWalk("P", 0x1000);
                    t.iommuWalk("P", 0x1000);
                })
                .kthread(t -> t.retractPageTables("F", 0))
                .build();
        return SeedCases.log("S004 retract vs IOMMU walk", "x86", v.id(), w.explore());
    }

    @Test
    void vsIommu() {
        ExploreResult bug = vsIommu(RetractPageTables.HUGH_V1);
        assertEquals(Verdict.BUG, bug.verdict(), Smoke.describe(bug));
        assertEquals(CheckNames.PGTABLE_FREED, bug.counterexample().mainFinding().check(), Smoke.describe(bug));
        ExploreResult ok = vsIommu(RetractPageTables.V6_6);
        assertEquals(Verdict.VERIFIED, ok.verdict(), Smoke.describe(ok));
    }

    static ExploreResult vsLockless(RetractPageTables v) {
        MmWorld w = base(v)
                .name("retract vs lockless pte_offset_map")
                .process("P", RetractTest::privateUffd)
                .kthread(t -> t.pteOffsetMapRcu("P", 0x1000))
                .kthread(t -> t.retractPageTables("F", 0))
                .build();
        return SeedCases.log("S004 retract vs lockless walker", "x86", v.id(), w.explore());
    }

    @Test
    void vsLocklessWalkers() {
        ExploreResult bug = vsLockless(RetractPageTables.HUGH_V1_PTE_FREE);
        assertEquals(Verdict.BUG, bug.verdict(), Smoke.describe(bug));
        assertEquals(CheckNames.PGTABLE_FREED, bug.counterexample().mainFinding().check(), Smoke.describe(bug));
        ExploreResult ok = vsLockless(RetractPageTables.HUGH_V1);
        assertEquals(Verdict.VERIFIED, ok.verdict(), Smoke.describe(ok));
    }

    /**
     * Fast GUP as the lockless walker, on arm64 (no flush IPI to wait for it): only the
     * RCU-deferred free protects it. get_user_pages_fast_only, so that no fault maps a file
     * page (collapse_file's locked THP in the page cache, which would keep it out, is not
     * modelled).
     */
    static ExploreResult vsGupFast(RetractPageTables v) {
        MmWorld w = MmWorld.builder().arch(Arch.arm64()).variant(v)
                .variant(mmrace.kernel.variant.GupFastRecheck.RECHECK_PMD)
                .shmem("F", 4, f -> { })
                .name("retract vs fast GUP")
                .process("P", RetractTest::privateUffd)
                .cpu("P", t -> t.gupFastOnly(0x1000, 1, mmrace.kernel.mm.Gup.FOLL_GET))
                .kthread(t -> t.retractPageTables("F", 0))
                .build();
        return SeedCases.log("S004 retract vs lockless walker (fast GUP)", "arm64", v.id(), w.explore());
    }

    @Test
    void vsGupFastOnArm64() {
        ExploreResult bug = vsGupFast(RetractPageTables.HUGH_V1_PTE_FREE);
        assertEquals(Verdict.BUG, bug.verdict(), Smoke.describe(bug));
        assertEquals(CheckNames.PGTABLE_FREED, bug.counterexample().mainFinding().check(), Smoke.describe(bug));
        ExploreResult ok = vsGupFast(RetractPageTables.HUGH_V1);
        assertEquals(Verdict.VERIFIED, ok.verdict(), Smoke.describe(ok));
    }
}
