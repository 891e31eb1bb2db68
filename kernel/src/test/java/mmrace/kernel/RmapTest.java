package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.kernel.mm.AnonVma;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.PageFlags;
import mmrace.kernel.mm.PageLockAnonVmaForms;
import mmrace.kernel.mm.PageVmaMappedWalk;
import mmrace.kernel.mm.Pte;
import mmrace.kernel.mm.SwapState;
import mmrace.kernel.mm.TryToUnmap;
import mmrace.kernel.mm.VmArea;
import mmrace.kernel.variant.AnonVmaImpl;
import mmrace.kernel.variant.PageLockAnonVma;
import mmrace.kernel.variant.Variant;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** Reverse mapping, path by path, against the invariants (the end checks run after each). */
class RmapTest {
    static Execution run(MmWorld.Builder b) {
        Execution x = b.build().run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        return x;
    }

    @Test
    void firstAnonFaultPreparesTheAnonVmaAndSetsTheRmap() {
        Execution x = run(MmWorld.builder()
                .process("P", p -> p.anon(0x4000, 4))
                .cpu("P", t -> {
                    t.write(0x6000, 1);
                    Page page = Pages.at(t, 0x6000);
                    VmArea vma = t.mm().findVmaUnlocked(0x6000);
                    long av = vma.anonVma.peek();
                    t.record("mapping_is_anon_vma", page.mapping.peek() == (av | AnonVma.PAGE_MAPPING_ANON) ? 1 : 0);
                    t.record("index", page.index.peek());
                    t.record("mapcount", page.mapcount.peek());
                    t.record("chains", vma.chains().size());
                    t.record("swapbacked", (page.flags.peek() >> PageFlags.PG_swapbacked) & 1);
                }));
        assertEquals("CPU0:chains=1; CPU0:index=6; CPU0:mapcount=0; CPU0:mapping_is_anon_vma=1; CPU0:swapbacked=1;",
                x.finalState());
    }

    @Test
    void afterForkTheWalkFindsBothMappings() {
        Execution x = run(MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).young();
                })
                .cpu("P", t -> {
                    MmStruct child = t.fork("C");
                    Page page = Pages.at(t, 0x1000);
                    t.record("mapcount", page.mapcount.peek());
                    // fork made the child's PTE old; make it young again as a child's access would.
                    TryToUnmap.Referenced r = TryToUnmap.pageReferenced(t.kernel(), page, false);
                    t.record("referenced", r.referenced());
                    t.record("young_after", Pte.young(Pages.pte(t, 0x1000)) ? 1 : 0);
                    PageFlags.lockPage(page);
                    SwapState.addToSwap(t.kernel(), page);
                    t.record("unmapped", TryToUnmap.tryToUnmap(t.kernel(), page, false) ? 1 : 0);
                    PageFlags.unlockPage(page);
                    t.record("parent_swap", Pte.isSwap(Pages.pte(t, 0x1000)) ? 1 : 0);
                    t.record("child_swap", Pte.isSwap(mmrace.kernel.mm.PageTableScan.pteAt(t.kernel(), child, 0x1000)) ? 1 : 0);
                    t.record("r", t.read(0x1000));
                    t.mmput(child);
                }));
        assertEquals("CPU0:child_swap=1; CPU0:mapcount=1; CPU0:parent_swap=1; CPU0:r=7; CPU0:referenced=1; "
                + "CPU0:unmapped=1; CPU0:young_after=0;", x.finalState());
    }

    /** Each page_lock_anon_vma form, with the anon_vma it was written for, finds and locks the page's anon_vma. */
    @Test
    void everyPageLockAnonVmaFormLocksThePagesAnonVma() {
        Variant[][] combos = {
                {PageLockAnonVma.V5_6, AnonVmaImpl.V5_6},
                {PageLockAnonVma.V2_6_34_RC, AnonVmaImpl.V2_6_34},
                {PageLockAnonVma.PETERZ, AnonVmaImpl.V2_6_34},
                {PageLockAnonVma.PETERZ_NO_RMB, AnonVmaImpl.V2_6_34},
                {PageLockAnonVma.V2_6_36, AnonVmaImpl.V2_6_36},
        };
        for (Variant[] c : combos) {
            Execution x = run(MmWorld.builder()
                    .variant(c[0]).variant(c[1])
                    .process("P", p -> {
                        p.anon(0x0, 4);
                        p.present(0x1000, 7);
                    })
                    .cpu("P", t -> {
                        Page page = Pages.at(t, 0x1000);
                        PageLockAnonVmaForms.Locked l = PageLockAnonVmaForms.pageLockAnonVma(t.kernel(), page);
                        t.record("found", l != null && (page.mapping.peek() & ~3L) == l.anonVma().addr ? 1 : 0);
                        PageLockAnonVmaForms.pageUnlockAnonVma(t.kernel(), l);
                        t.munmap(0x0, 0x4000);
                        t.record("after_unmap", PageLockAnonVmaForms.pageLockAnonVma(t.kernel(), page) == null ? 1 : 0);
                    }));
            assertEquals("CPU0:after_unmap=1; CPU0:found=1;", x.finalState(), c[0].id());
        }
    }

    @Test
    void pageVmaMappedWalkStopsAtANonPresentPmd() {
        Execution x = run(MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 8);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    Page page = Pages.at(t, 0x1000);
                    VmArea vma = t.mm().findVmaUnlocked(0x1000);
                    PageVmaMappedWalk.Found f = PageVmaMappedWalk.walk(t.kernel(), page, vma, 0x1000);
                    t.record("found", f != null ? 1 : 0);
                    PageVmaMappedWalk.done(f);
                    t.record("other_pmd", PageVmaMappedWalk.walk(t.kernel(), page, vma, 0x5000) == null ? 1 : 0);
                }));
        assertEquals("CPU0:found=1; CPU0:other_pmd=1;", x.finalState());
    }
}
