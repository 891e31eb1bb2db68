package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.mm.PageTableScan;
import mmrace.kernel.mm.Pte;
import mmrace.kernel.variant.ForkFlush;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** fork(): copy-on-write of anonymous pages, and its TLB flush. */
class ForkTest {
    @Test
    void forkSharesPagesReadOnlyAndAWriteCopies() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                    p.swapped(0x2000, 8);
                })
                .cpu("P", t -> {
                    MmStruct child = t.fork("C");
                    long parentPte = PageTableScan.pteAt(t.kernel(), t.mm(), 0x1000);
                    long childPte = PageTableScan.pteAt(t.kernel(), child, 0x1000);
                    t.record("same_pfn", Pte.pfn(parentPte) == Pte.pfn(childPte) ? 1 : 0);
                    t.record("parent_ro", Pte.write(parentPte) ? 0 : 1);
                    t.record("child_swap", Pte.isSwap(PageTableScan.pteAt(t.kernel(), child, 0x2000)) ? 1 : 0);
                    t.write(0x1000, 9);
                    long after = PageTableScan.pteAt(t.kernel(), t.mm(), 0x1000);
                    t.record("copied", Pte.pfn(after) != Pte.pfn(childPte) ? 1 : 0);
                    t.record("r", t.read(0x1000));
                    t.record("s", t.read(0x2000));
                    t.mmput(child);
                })
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:child_swap=1; CPU0:copied=1; CPU0:parent_ro=1; CPU0:r=9; CPU0:s=8; CPU0:same_pfn=1;",
                x.finalState(), Smoke.trace(x));
    }

    static MmWorld forkVsWrite(Arch arch, ForkFlush v, boolean exitChild) {
        return MmWorld.builder()
                .arch(arch)
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).inTlbOf(1);
                })
                .cpu("P", t -> {
                    MmStruct child = t.fork("C");
                    if (exitChild) {
                        t.mmput(child);
                    }
                })
                .cpu("P", t -> t.write(0x1000, 9))
                .build();
    }

    @Test
    void forkVsWriteIsVerified() {
        for (Arch a : new Arch[] {Arch.x86(), Arch.arm64()}) {
            for (boolean exit : new boolean[] {false, true}) {
                ExploreResult r = forkVsWrite(a, ForkFlush.V5_6, exit).explore();
                assertEquals(Verdict.VERIFIED, r.verdict(), a.name() + " exit=" + exit + "\n" + Smoke.describe(r));
            }
        }
    }

    @Test
    void withoutTheFlushTheParentWritesIntoTheChildsPage() {
        ExploreResult r = forkVsWrite(Arch.x86(), ForkFlush.NO_FLUSH, false).explore();
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        assertEquals(CheckNames.COW_ISOLATION, r.counterexample().mainFinding().check(), Smoke.describe(r));
    }

    /** fork racing with a new anonymous fault in another thread of the parent. */
    @Test
    void forkVsFaultIsVerified() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> t.mmput(t.fork("C")))
                .cpu("P", t -> t.write(0x2000, 9))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }
}
