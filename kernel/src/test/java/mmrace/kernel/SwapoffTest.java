package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.RcuFlavour;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.variant.SwapDevice;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** Seed S002, second half: swapoff vs do_swap_page, before and with eb085574a752's get_swap_device(). */
class SwapoffTest {
    static MmWorld world(SwapDevice v, boolean fault) {
        MmWorld.Builder b = MmWorld.builder()
                .name("swapoff vs do_swap_page")
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.swapped(0x1000, 5);
                });
        if (fault) {
            b.cpu("P", t -> t.record("v", t.read(0x1000)));
        } else {
            b.cpu("P", t -> t.record("v", 0));
        }
        return b.kthread(t -> t.swapoff()).build();
    }

    @Test
    void swapoffAloneBringsThePageBack() {
        Execution x = world(SwapDevice.GET_SWAP_DEVICE, false).run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
    }

    static ExploreResult race(SwapDevice v) {
        MmWorld w = world(v, true);
        ExploreOptions o = w.options();
        return SeedCases.log("S002 swapoff vs do_swap_page", "PRE_4_20", v.id(),
                w.explore(o.withExec(o.exec().withRcu(RcuFlavour.PRE_4_20))));
    }

    @Test
    void beforeGetSwapDeviceSwapInUsesFreedSwapStructures() {
        ExploreResult r = race(SwapDevice.PRE_EB085574A752);
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        assertEquals(FindingKind.USE_AFTER_FREE, r.counterexample().mainFinding().kind(), Smoke.describe(r));
        System.out.println(r.counterexample().mainFinding().headline() + " at " + String.join("/", r.counterexample().mainFinding().stack()));
    }

    @Test
    void withGetSwapDeviceItIsVerified() {
        ExploreResult r = race(SwapDevice.GET_SWAP_DEVICE);
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }
}
