package mmrace.engine.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mmrace.engine.exec.Program;
import mmrace.engine.samples.Classic;
import mmrace.engine.samples.Demos;
import org.junit.jupiter.api.Test;

/** DPOR with several workers covers the same space as with one: same states, same verdicts. */
class ParallelDporTest {
    @Test
    void sameFinalStatesAsSequential() {
        for (long seed = 1; seed <= 60; seed++) {
            Program p = RandomPrograms.generate(seed);
            ExploreOptions o = ExploreOptions.defaults().withCollectStates(true);
            ExploreResult one = Explorer.explore(p, o);
            ExploreResult two = Explorer.explore(p, o.withJobs(2));
            assertEquals(Verdict.VERIFIED, two.verdict(), p.name());
            assertEquals(one.finalStates(), two.finalStates(), p.name());
        }
    }

    @Test
    void coversTheClassicsAndFindsBugs() {
        ExploreResult r = Explorer.explore(Classic.lastzero(8), ExploreOptions.defaults().withJobs(2));
        assertEquals(Verdict.VERIFIED, r.verdict());
        assertTrue(r.executions() >= 704, "at least the optimal count: " + r.executions());
        assertEquals(Verdict.BUG, Explorer.explore(Demos.abba(false), ExploreOptions.defaults().withJobs(2)).verdict());
        assertEquals(Verdict.BUG, Explorer.explore(Demos.useAfterFree(Demos.FreeMode.IMMEDIATE),
                ExploreOptions.defaults().withJobs(2)).verdict());
    }
}
