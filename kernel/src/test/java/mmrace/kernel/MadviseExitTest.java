package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** MADV_DONTNEED and process exit against faults and reclaim. */
class MadviseExitTest {
    /** Both under mmap_lock for read: the PTE lock and the mmu_gather order them. */
    @Test
    void madviseVsFaultIsVerified() {
        for (Arch a : new Arch[] {Arch.x86(), Arch.arm64()}) {
            MmWorld w = MmWorld.builder()
                    .arch(a)
                    .process("P", p -> {
                        p.anon(0x0, 4);
                        p.present(0x1000, 7).inTlbOf(0);
                    })
                    .cpu("P", t -> {
                        t.read(0x1000);
                        t.write(0x2000, 3);
                    })
                    .cpu("P", t -> t.madviseDontneed(0x0, 0x4000))
                    .build();
            ExploreResult r = w.explore();
            assertEquals(Verdict.VERIFIED, r.verdict(), a.name() + "\n" + Smoke.describe(r));
        }
    }

    /** Exit tears down page tables while reclaim walks the rmap: free_pgtables hides the VMAs first. */
    @Test
    void exitVsReclaimIsVerified() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                    p.swapped(0x2000, 8);
                })
                .kthreadLazy("P", t -> t.shrink(4))
                .cpu("P", t -> t.exit())
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    /** Two threads exiting: the second mmput tears the mm down; check_mm finds the counters at zero. */
    @Test
    void lastThreadTearsDown() {
        MmWorld w = MmWorld.builder()
                .file("F", 2, f -> f.cached(0))
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                    p.swapped(0x2000, 8);
                    p.fileShared(0x4000, 2, "F", 0);
                    p.present(0x4000, 0);
                })
                .cpu("P", t -> t.exit())
                .cpu("P", t -> {
                    t.read(0x1000);
                    t.exit();
                })
                .atEnd(s -> s.check(s.mm("P").exited(), "exited", "the mm was not torn down"))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }
}
