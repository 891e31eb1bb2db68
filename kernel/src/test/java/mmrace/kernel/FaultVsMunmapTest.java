package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.ZapFlush;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/**
 * A user access racing with munmap of its page: the kernel gets it right (the TLB is flushed
 * before the page is freed), and the counterfactual that frees before the flush lets a stale
 * TLB entry reach the freed page.
 */
class FaultVsMunmapTest {
    static MmWorld world(Arch arch, ZapFlush zap) {
        return MmWorld.builder()
                .name("read vs munmap")
                .arch(arch)
                .variant(zap)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).inTlbOf(0);
                })
                .cpu("P", t -> t.record("r", t.read(0x1000)))
                .cpu("P", t -> t.munmap(0x0, 0x4000))
                .build();
    }

    @Test
    void readVsMunmapIsVerifiedOnX86() {
        ExploreResult r = world(Arch.x86(), ZapFlush.V5_6).explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    @Test
    void readVsMunmapIsVerifiedOnArm64() {
        ExploreResult r = world(Arch.arm64(), ZapFlush.V5_6).explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    @Test
    void freeBeforeFlushLeavesAStaleTlbEntry() {
        for (Arch a : new Arch[] {Arch.x86(), Arch.arm64()}) {
            ExploreResult r = world(a, ZapFlush.FREE_BEFORE_FLUSH).explore();
            assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
            assertEquals(CheckNames.STALE_TLB, r.counterexample().mainFinding().check(), Smoke.describe(r));
        }
    }

    /** A fault that allocates a page, racing with munmap: either the fault loses (SIGSEGV) or its page is unmapped. */
    @Test
    void writeFaultVsMunmapIsVerified() {
        for (Arch a : new Arch[] {Arch.x86(), Arch.arm64()}) {
            MmWorld w = MmWorld.builder()
                    .arch(a)
                    .process("P", p -> p.anon(0x0, 4))
                    .cpu("P", t -> t.record("r", t.write(0x1000, 3)))
                    .cpu("P", t -> t.munmap(0x0, 0x4000))
                    .build();
            ExploreResult r = w.explore();
            assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
            System.out.println(a.name() + " write fault vs munmap: " + r.executions() + " executions in " + r.time().toMillis() + " ms");
        }
    }
}
