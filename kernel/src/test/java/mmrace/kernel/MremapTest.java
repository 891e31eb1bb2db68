package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.MovePmdRmapLocks;
import mmrace.kernel.variant.MremapFlush;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** mremap(): moving PTEs and whole PTE tables, and the TLB flush for the old addresses. */
class MremapTest {
    @Test
    void movesPtesAndWholeTables() {
        for (Arch a : new Arch[] {Arch.x86(), Arch.arm64()}) {
            MmWorld w = MmWorld.builder()
                    .arch(a)
                    .process("P", p -> {
                        p.anon(0x0, 4);
                        p.present(0x1000, 7);
                        p.anon(0x4000, 1);
                        p.present(0x4000, 8);
                    })
                    .cpu("P", t -> {
                        t.record("table", t.mremap(0x0, 0x4000, 0x8000));
                        t.record("ptes", t.mremap(0x4000, 0x1000, 0xd000));
                        t.record("a", t.read(0x9000));
                        t.record("b", t.read(0xd000));
                        t.record("gone", t.read(0x1000) == mmrace.kernel.world.Task.SIGNAL ? 1 : 0);
                    })
                    .build();
            Execution x = w.run(1);
            assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
            assertEquals("CPU0:a=7; CPU0:b=8; CPU0:gone=1; CPU0:ptes=53248; CPU0:table=32768;", x.finalState(),
                    a.name() + "\n" + Smoke.trace(x));
        }
    }

    /**
     * Jann Horn's race (eb66ae030829): mremap moves a clean PTE and, in 4.19, drops the PTE
     * locks before flushing the old address; reclaim finds the page at its new address, unmaps
     * it (arm64 flushes only that address) and frees it; a CPU still translates the old address.
     */
    static MmWorld mremapVsReclaim(MremapFlush v) {
        return MmWorld.builder()
                .arch(Arch.arm64())
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).clean().inTlbOf(1);
                })
                .cpu("P", t -> t.mremap(0x1000, 0x1000, 0x9000))
                .cpu("P", t -> t.read(0x1000))
                .kthreadLazy("P", t -> t.shrink(1))
                .build();
    }

    @Test
    void flushAfterDroppingThePteLockLetsReclaimFreeAMappedPage() {
        ExploreResult r = mremapVsReclaim(MremapFlush.V4_19).explore();
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        assertEquals(CheckNames.STALE_TLB, r.counterexample().mainFinding().check(), Smoke.describe(r));
    }

    @Test
    void flushUnderThePteLockIsVerified() {
        ExploreResult r = mremapVsReclaim(MremapFlush.V5_6).explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
        System.out.println("mremap vs reclaim (v5.6): " + r.executions() + " executions, " + r.time().toMillis() + " ms");
    }

    /**
     * mremap moving a whole PTE table (x86 has HAVE_MOVE_PMD) while reclaim walks the rmap: in
     * v5.6 move_normal_pmd takes no rmap lock, so the walker's view of the PMD changes under it
     * (found by the model in a random workload; the race of "mm/mremap: hold the rmap lock in
     * write mode when moving page table entries.", v5.14).
     */
    static MmWorld movePmdVsReclaim(MovePmdRmapLocks v) {
        return MmWorld.builder()
                .arch(Arch.x86())
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).clean();
                })
                .cpu("P", t -> t.mremap(0x0, 0x4000, 0x8000))
                .kthread(t -> t.shrink(1))
                .build();
    }

    @Test
    void movePmdWithoutRmapLocksRacesWithReclaim() {
        ExploreResult r = movePmdVsReclaim(MovePmdRmapLocks.V5_6).explore();
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        ExploreResult fixed = movePmdVsReclaim(MovePmdRmapLocks.HOLD_RMAP_LOCK).explore();
        assertEquals(Verdict.VERIFIED, fixed.verdict(), Smoke.describe(fixed));
        System.out.println("move_normal_pmd vs reclaim: v5.6 " + r.counterexample().mainFinding().headline()
                + "; fixed: " + fixed.executions() + " executions");
    }
}
