package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.mm.Userfaultfd;
import mmrace.kernel.mm.VmFlags;
import mmrace.kernel.variant.RetractPageTables;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** UFFDIO_COPY (MISSING mode) into an anonymous VMA; userfaultfd_wp VMAs are left alone by retract. */
class UserfaultfdTest {
    static final long ANON_UFFD = VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_MAYREAD | VmFlags.VM_MAYWRITE
            | VmFlags.VM_UFFD_MISSING;

    @Test
    void copyIntoAnAnonymousVmaWithNoTableYet() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> p.vma(0x0, 4, ANON_UFFD, null, 0))
                .cpu("P", t -> {
                    t.record("ret", t.uffdioCopy(0x2000, 9));
                    t.record("again", t.uffdioCopy(0x2000, 10));
                    t.record("v", t.read(0x2000));
                })
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:again=" + Userfaultfd.EEXIST + "; CPU0:ret=0; CPU0:v=9;", x.finalState(), Smoke.trace(x));
    }

    /** Two UFFDIO_COPYs of one address: exactly one fills it, the other gets -EEXIST; the PTE lock and pte_none check. */
    @Test
    void twoCopiesOfOneAddressIsVerified() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> p.vma(0x0, 4, ANON_UFFD, null, 0))
                .cpu("P", t -> t.record("a", t.uffdioCopy(0x1000, 1)))
                .cpu("P", t -> t.record("b", t.uffdioCopy(0x1000, 2)))
                .atEnd(s -> s.check(s.pageAt("P", 0x1000) != null, "uffd-filled", "nothing mapped after two UFFDIO_COPYs"))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    /** hugh-v1 checks userfaultfd_wp(vma) before anything: a uffd-wp VMA keeps its table. */
    @Test
    void retractSkipsAUffdWpVma() {
        MmWorld w = MmWorld.builder()
                .variant(RetractPageTables.HUGH_V1)
                .shmem("F", 4, f -> { })
                .process("P", p -> {
                    p.vma(0x0, 4, RetractTest.PRIVATE_UFFD | VmFlags.VM_UFFD_WP, "F", 0);
                    p.emptyPteTable(0x0);
                })
                .kthread(t -> t.retractPageTables("F", 0))
                .atEnd(s -> s.check(mmrace.kernel.mm.Pmd.table(s.mm("P").pmd[0].peek()), "uffd-wp-kept",
                        "retract_page_tables removed the table of a userfaultfd_wp VMA"))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }
}
