package mmrace.engine.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mmrace.engine.exec.Finding;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.explore.Counterexample;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.explore.Verdict;
import mmrace.engine.trace.Diagram;
import org.junit.jupiter.api.Test;

/** The engine's demo programs and their fixed twins reach their verdicts by exploring. */
class DemosTest {
    private static ExploreResult explore(mmrace.engine.exec.Program p) {
        return Explorer.explore(p, ExploreOptions.defaults().withCollectStates(true));
    }

    @Test
    void abbaDeadlocksAndBreaksTheLockOrder() {
        ExploreResult r = explore(Demos.abba(false));
        assertEquals(Verdict.BUG, r.verdict());
        Finding f = r.counterexample().mainFinding();
        assertEquals(FindingKind.DEADLOCK, f.kind());
        String diagram = Diagram.render(r.counterexample().execution());
        assertTrue(diagram.startsWith("CPU0"), diagram);
        assertTrue(diagram.contains(" | "), "two columns: " + diagram);
        assertTrue(diagram.contains("spin_lock(B)   ... waits  <=="), diagram);
        assertTrue(diagram.contains("spin_lock(A)   ... waits  <=="), diagram);
        List<Counterexample> other = r.otherFindings();
        assertEquals(1, other.size());
        assertEquals(FindingKind.LOCK_ORDER, other.get(0).mainFinding().kind());
        assertTrue(other.get(0).mainFinding().message().contains("takes A (lock_A, rank 1) while holding B"));
    }

    @Test
    void abbaFixedIsVerified() {
        ExploreResult r = explore(Demos.abba(true));
        assertEquals(Verdict.VERIFIED, r.verdict());
        assertEquals(2, r.executions());
        assertTrue(r.otherFindings().isEmpty());
    }

    @Test
    void useAfterFreeGivesKasanReportWithThreeStacks() {
        ExploreResult r = explore(Demos.useAfterFree(Demos.FreeMode.IMMEDIATE));
        assertEquals(Verdict.BUG, r.verdict());
        Finding f = r.counterexample().mainFinding();
        assertEquals(FindingKind.USE_AFTER_FREE, f.kind());
        assertEquals("kasan", f.check());
        assertEquals(List.of("reader"), List.of(f.stack()), "the bad access's stack");
        assertEquals(2, f.extraStacks().size());
        assertTrue(f.extraStacks().get(0).title().startsWith("Allocated by"));
        assertTrue(f.extraStacks().get(1).title().startsWith("Freed by CPU1"));
        assertEquals(List.of("updater"), List.of(f.extraStacks().get(1).frames()));
    }

    @Test
    void rcuDeferredFreeWithReaderInReadSideSectionIsVerified() {
        for (Demos.FreeMode m : List.of(Demos.FreeMode.CALL_RCU, Demos.FreeMode.SYNCHRONIZE_RCU)) {
            ExploreResult r = explore(Demos.useAfterFree(m));
            assertEquals(Verdict.VERIFIED, r.verdict(), m.name());
            assertTrue(r.finalStates().contains("CPU0:data=1;"), "the reader can see the object: " + r.finalStates());
        }
    }

    @Test
    void typesafeByRcuReaderSeesRecycledObjectNotAFault() {
        ExploreResult r = explore(Demos.useAfterFree(Demos.FreeMode.TYPESAFE));
        assertEquals(Verdict.VERIFIED, r.verdict());
        assertTrue(r.finalStates().contains("CPU0:data=2;"), "some execution reads the recycled object: " + r.finalStates());
        assertTrue(r.finalStates().contains("CPU0:data=1;"));
    }

    @Test
    void everySampleReachesItsExpectedVerdict() {
        for (Sample s : Samples.all()) {
            ExploreResult r = Explorer.explore(s.program(), ExploreOptions.defaults());
            assertEquals(s.expected(), r.verdict(), s.name());
            if (s.executions() > 0) {
                assertEquals(s.executions(), r.executions(), s.name());
            }
        }
    }
}
