package mmrace.engine.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import mmrace.engine.samples.Classic;
import mmrace.engine.samples.Demos;
import org.junit.jupiter.api.Test;

/** What each strategy promises: coverage, determinism, fewest preemptions, budgets. */
class StrategiesTest {
    @Test
    void preemptionBoundingFindsTheBugWithFewestPreemptions() {
        ExploreResult r = Explorer.explore(Demos.abba(false), ExploreOptions.defaults().withStrategy(StrategyKind.PB));
        assertEquals(Verdict.BUG, r.verdict());
        assertEquals(1, r.counterexample().preemptions());
    }

    @Test
    void preemptionBoundingCoversSmallSpacesCompletely() {
        ExploreResult r = Explorer.explore(Classic.readers(2), ExploreOptions.defaults().withStrategy(StrategyKind.PB));
        assertEquals(Verdict.VERIFIED, r.verdict());
        ExploreResult capped = Explorer.explore(Classic.readers(3),
                ExploreOptions.defaults().withStrategy(StrategyKind.PB).withMaxPreemptions(0));
        assertEquals(Verdict.NO_BUG_FOUND, capped.verdict());
    }

    @Test
    void dporBugIsMinimizedToTheFewestPreemptions() {
        ExploreResult r = Explorer.explore(Demos.useAfterFree(Demos.FreeMode.IMMEDIATE), ExploreOptions.defaults());
        assertEquals(1, r.counterexample().preemptions());
        assertEquals("kasan", r.counterexample().mainFinding().check());
    }

    @Test
    void randomStrategiesAreDeterministicForASeed() {
        for (StrategyKind k : new StrategyKind[] {StrategyKind.RANDOM, StrategyKind.PCT}) {
            ExploreOptions o = ExploreOptions.defaults().withStrategy(k).withSeed(42).withMaxExecutions(500);
            ExploreResult a = Explorer.explore(Demos.useAfterFree(Demos.FreeMode.IMMEDIATE), o.withMinimize(false));
            ExploreResult b = Explorer.explore(Demos.useAfterFree(Demos.FreeMode.IMMEDIATE), o.withMinimize(false));
            assertEquals(Verdict.BUG, a.verdict(), k.name());
            assertEquals(a.executions(), b.executions(), k.name());
            assertEquals(a.counterexample().schedule(), b.counterexample().schedule(), k.name());
        }
    }

    @Test
    void budgetsStopWithAPartialVerdict() {
        ExploreResult r = Explorer.explore(Classic.lastzero(10), ExploreOptions.defaults().withMaxExecutions(100));
        assertEquals(Verdict.NO_BUG_FOUND, r.verdict());
        assertEquals("max-executions", r.stoppedBy());
        assertEquals(100, r.executions());
        assertFalse(r.complete());
        ExploreResult t = Explorer.explore(Classic.lastzero(14), ExploreOptions.defaults().withBudget(Duration.ofMillis(200)));
        assertEquals("budget", t.stoppedBy());
        ExploreOptions cancelled = ExploreOptions.defaults();
        cancelled.cancel().set(true);
        assertEquals("interrupted", Explorer.explore(Classic.readers(3), cancelled).stoppedBy());
    }

    @Test
    void randomWalkNeverClaimsVerified() {
        ExploreResult r = Explorer.explore(Classic.readers(2),
                ExploreOptions.defaults().withStrategy(StrategyKind.RANDOM).withMaxExecutions(50));
        assertEquals(Verdict.NO_BUG_FOUND, r.verdict());
        assertTrue(r.executions() == 50);
    }

    @Test
    void parallelRandomWorkersFindTheBug() {
        ExploreResult r = Explorer.explore(Demos.abba(false), ExploreOptions.defaults()
                .withStrategy(StrategyKind.RANDOM).withJobs(2).withMaxExecutions(10_000));
        assertEquals(Verdict.BUG, r.verdict());
    }
}
