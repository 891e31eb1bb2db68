package mmrace.engine.explore;

import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Execution;

/**
 * Preemption-bounded search with growing bounds: all schedules with 0 preemptions, then with at
 * most 1, and so on. The first bug found therefore has the fewest preemptions any bug has.
 * Contract: deterministic; it has covered everything once a bound cuts no schedule, and it
 * stops (not covered) after {@code maxBound} if that is not negative.
 */
public final class IterativeBounding implements Strategy {
    private final int maxBound;
    private int bound;
    private Dfs dfs = new Dfs(0);
    private boolean covered;

    public IterativeBounding(int maxBound) {
        this.maxBound = maxBound;
    }

    @Override
    public Chooser next() {
        while (true) {
            Chooser c = dfs.next();
            if (c != null) {
                return c;
            }
            if (!dfs.pruned()) {
                covered = true;
                return null;
            }
            if (maxBound >= 0 && bound >= maxBound) {
                return null;
            }
            dfs = new Dfs(++bound);
        }
    }

    /** The bound being searched now. */
    public int bound() {
        return bound;
    }

    @Override
    public void finished(Execution x) {
        dfs.finished(x);
    }

    @Override
    public boolean covered() {
        return covered;
    }

    @Override
    public double progress() {
        return covered ? 1 : -1;
    }
}
