package mmrace.engine.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mmrace.engine.exec.Program;
import org.junit.jupiter.api.Test;

/**
 * DPOR against brute force: on 200 random small programs, the final states reachable under
 * optimal DPOR are exactly those reachable when every interleaving is enumerated. This is
 * what makes a DPOR VERIFIED as good as an exhaustive one.
 */
class DifferentialTest {
    @Test
    void dporReachesExactlyTheStatesOfAllInterleavings() {
        long dporTotal = 0;
        long allTotal = 0;
        for (long seed = 1; seed <= 200; seed++) {
            Program p = RandomPrograms.generate(seed);
            ExploreOptions o = ExploreOptions.defaults().withCollectStates(true);
            ExploreResult dpor = Explorer.explore(p, o);
            ExploreResult all = Explorer.explore(p, o.withStrategy(StrategyKind.ALL));
            assertEquals(Verdict.VERIFIED, all.verdict(), p.name());
            assertEquals(Verdict.VERIFIED, dpor.verdict(), p.name());
            assertEquals(all.finalStates(), dpor.finalStates(), p.name());
            assertTrue(dpor.executions() <= all.executions(), p.name());
            dporTotal += dpor.executions();
            allTotal += all.executions();
        }
        System.out.println("differential: 200 programs, DPOR " + dporTotal + " executions, all interleavings " + allTotal);
    }
}
