package mmrace.engine.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mmrace.engine.exec.Program;
import org.junit.jupiter.api.Test;

/**
 * DPOR against brute force on programs with IRQs-off sections and IPIs (see
 * {@link RandomIrqPrograms}): an IPI handler's start stops its CPU's task, a dependency that
 * plain accesses and locks never create, so {@link DifferentialTest} alone would not see a
 * hole there.
 */
class IrqDifferentialTest {
    private static final long SEEDS = Long.getLong("mmrace.irqdiff.seeds", 120);

    @Test
    void dporReachesExactlyTheStatesOfAllInterleavings() {
        long dporTotal = 0;
        long allTotal = 0;
        StringBuilder differ = new StringBuilder();
        for (long seed = 1; seed <= SEEDS; seed++) {
            StringBuilder text = new StringBuilder();
            Program p = RandomIrqPrograms.generate(seed, text);
            ExploreOptions o = ExploreOptions.defaults().withCollectStates(true);
            ExploreResult dpor = Explorer.explore(p, o);
            ExploreResult all = Explorer.explore(p, o.withStrategy(StrategyKind.ALL));
            assertEquals(Verdict.VERIFIED, all.verdict(), p.name());
            assertEquals(Verdict.VERIFIED, dpor.verdict(), p.name());
            if (!all.finalStates().equals(dpor.finalStates())) {
                java.util.Set<String> missing = new java.util.TreeSet<>(all.finalStates());
                missing.removeAll(dpor.finalStates());
                differ.append(p.name()).append(':').append(text).append(" misses ").append(missing).append('\n');
            }
            assertTrue(dpor.executions() <= all.executions(), p.name());
            dporTotal += dpor.executions();
            allTotal += all.executions();
        }
        System.out.println("irq differential: " + SEEDS + " programs, DPOR " + dporTotal + " executions, all interleavings " + allTotal);
        assertEquals("", differ.toString());
    }
}
