package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.mm.Gup;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/**
 * Sanity in plain mode: many random schedules of a workload mixing every path (faults of all
 * kinds, fork, GUP, madvise, mremap, reclaim, truncation, munmap, exit) end with every check
 * holding. And a non-default geometry.
 */
class WorkloadTest {
    static MmWorld workload(Arch arch) {
        return MmWorld.builder()
                .arch(arch)
                .config(mmrace.kernel.KernelConfig.defaults().withArch(arch).withNrPages(40).withSwapSlots(8))
                .file("F", 4, f -> f.cached(0).cachedDirty(1))
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).inTlbOf(0, 1);
                    p.swapped(0x2000, 8);
                    p.fileShared(0x4000, 4, "F", 0);
                    p.filePrivate(0x8000, 4, "F", 0);
                })
                .cpu("P", t -> {
                    t.write(0x0, 1);
                    t.read(0x2000);
                    t.write(0x5000, 2);
                    t.mmput(t.fork("C"));
                    t.write(0x1000, 3);
                    t.write(0x9000, 4);
                    t.madviseDontneed(0x0, 0x1000);
                })
                .cpu("P", t -> {
                    t.putUserPages(t.gup(0x1000, 2, Gup.FOLL_PIN, 0), Gup.FOLL_PIN);
                    t.read(0x4000);
                    t.mremap(0x8000, 0x4000, 0xc000);
                    t.truncate("F", 2);
                    t.read(0xd000);
                })
                .kthreadLazy("P", t -> {
                    t.shrink(8);
                    t.shrink(8);
                })
                .build();
    }

    @Test
    void randomSchedulesOfAMixedWorkloadHoldEveryCheck() {
        for (Arch a : new Arch[] {Arch.x86(), Arch.arm64()}) {
            MmWorld w = workload(a);
            for (int seed = 0; seed < 150; seed++) {
                Execution x = w.run(seed);
                assertEquals(Execution.Status.COMPLETE, x.status(), a.name() + " seed " + seed + "\n" + Smoke.trace(x));
            }
        }
    }

    @Test
    void largerGeometry() {
        MmWorld w = MmWorld.builder()
                .geometry(8, 2)
                .process("P", p -> {
                    p.anon(0x0, 12);
                    p.present(0x9000, 7).inTlbOf(0);
                })
                .cpu("P", t -> {
                    t.read(0x9000);
                    t.write(0x3000, 1);
                })
                .cpu("P", t -> t.munmap(0x0, 0xc000))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }
}
