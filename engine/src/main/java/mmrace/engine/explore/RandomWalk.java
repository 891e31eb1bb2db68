package mmrace.engine.explore;

import java.util.List;
import java.util.SplittableRandom;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;

/**
 * Uniformly random choices at every scheduling point. Contract: deterministic for a seed (the
 * n-th execution depends only on the seed and n); never exhaustive, runs until its budget.
 */
public final class RandomWalk implements Strategy {
    private final long seed;
    private long n;

    public RandomWalk(long seed) {
        this.seed = seed;
    }

    @Override
    public Chooser next() {
        SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * ++n));
        return (Execution x, List<Proc> enabled) -> enabled.get(r.nextInt(enabled.size()));
    }

    @Override
    public void finished(Execution x) {
    }

    @Override
    public boolean covered() {
        return false;
    }

    @Override
    public double progress() {
        return -1;
    }
}
