package mmrace.engine.explore;

import mmrace.engine.exec.Program;
import mmrace.engine.samples.Classic;
import org.junit.jupiter.api.Test;

class ScratchCountsTest {
    static void show(Program p) {
        ExploreResult d = Explorer.explore(p, ExploreOptions.defaults());
        System.out.println(p.name() + " dpor=" + d.executions() + " abandoned=" + d.abandoned() + " " + d.verdict()
                + " " + d.time().toMillis() + "ms" + (d.counterexample() != null ? " " + d.counterexample().mainFinding().headline() : ""));
    }

    @Test
    void scratch() {
        for (int n = 1; n <= 4; n++) show(Classic.readers(n));
        for (int n = 1; n <= 6; n++) show(Classic.lastzero(n));
        show(Classic.twoPlusTwoW());
        show(Classic.nWriters(4));
        for (int n = 1; n <= 4; n++) show(Classic.fibBench(n, true));
        for (int n = 1; n <= 4; n++) show(Classic.fibBench(n, false));
        show(Classic.indexer(12));
        show(Classic.indexer(13));
        show(Classic.filesystem(14));
        show(Classic.filesystem(16));
        for (int n = 2; n <= 4; n++) show(Classic.lastwrite(n));
        for (int n = 2; n <= 3; n++) show(Classic.co2plus2w(n));
        for (int n = 1; n <= 4; n++) show(Classic.optLock(n));
        for (int n = 2; n <= 4; n++) show(Classic.sigma(n));
    }
}
