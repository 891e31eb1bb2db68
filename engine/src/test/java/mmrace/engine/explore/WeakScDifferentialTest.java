package mmrace.engine.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Program;
import mmrace.engine.weak.Speculation;
import mmrace.engine.weak.WeakModel;
import org.junit.jupiter.api.Test;

/**
 * Two independent explorers against each other: on the 200 random programs of the DPOR
 * self-test (spinlocks, trylock, a semaphore, RMWs, cmpxchg, non-atomic bit updates), the weak
 * explorer with the axiomatic SC model, configured as the kernel model runs it (no speculation:
 * conflicting accesses explored in every order), reaches exactly the final states optimal DPOR
 * reaches over interleavings.
 */
class WeakScDifferentialTest {
    /** The DPOR self-test's programs. */
    static final int PROGRAMS = 200;

    @Test
    void graphScReachesTheStatesOfInterleavings() {
        long dporTotal = 0;
        long weakTotal = 0;
        for (long seed = 1; seed <= PROGRAMS; seed++) {
            Program p = RandomPrograms.generate(seed);
            ExploreOptions o = ExploreOptions.defaults().withCollectStates(true);
            ExploreResult dpor = Explorer.explore(p, o);
            ExploreResult weak = Explorer.explore(p, o.withExec(ExecConfig.defaults().withMemoryModel(
                    WeakModel.sc().withSpeculation(Speculation.NONE).withStaleReads(-1))));
            assertEquals(Verdict.VERIFIED, weak.verdict(), p.name());
            assertEquals(dpor.finalStates(), weak.finalStates(), p.name());
            dporTotal += dpor.executions();
            weakTotal += weak.executions();
        }
        System.out.println("weak sc differential: " + PROGRAMS + " programs, DPOR " + dporTotal + " executions, weak sc " + weakTotal);
    }
}
