package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.AnonFault;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/**
 * Two threads write-faulting the same anonymous page: the PTE lock and the pte_none re-check
 * make one of them win; without the lock both install a page, and one leaks.
 */
class FaultVsFaultTest {
    static MmWorld world(AnonFault v) {
        return MmWorld.builder()
                .variant(v)
                .process("P", p -> p.anon(0x0, 4))
                .cpu("P", t -> t.write(0x1000, 1))
                .cpu("P", t -> t.write(0x1000, 2))
                .build();
    }

    @Test
    void twoWriteFaultsAreVerified() {
        ExploreResult r = world(AnonFault.V5_3).explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    @Test
    void withoutThePteLockAPageLeaks() {
        ExploreResult r = world(AnonFault.NO_PTE_LOCK).explore();
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        String check = r.counterexample().mainFinding().check();
        assertTrue(Set.of(CheckNames.MAPCOUNT, CheckNames.REFCOUNT, CheckNames.RSS).contains(check), Smoke.describe(r));
    }

    /** A read fault maps the zero page; a write to it then copies (do_wp_page without a page). */
    @Test
    void readThenWriteVsWriteIsVerified() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> p.anon(0x0, 4))
                .cpu("P", t -> {
                    t.record("r", t.read(0x1000));
                    t.write(0x1000, 5);
                })
                .cpu("P", t -> t.write(0x1000, 2))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }
}
