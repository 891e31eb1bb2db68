package mmrace.engine.explore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;

/**
 * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): each execution gives the
 * contexts random distinct priorities and picks {@code depth - 1} random change points; the
 * highest-priority enabled context always runs, and at the i-th change point the running one
 * drops to priority i. A bug of depth d is found with probability at least 1/(n k^(d-1)) per
 * execution (n contexts, k steps). Contract: deterministic for a seed; never exhaustive.
 */
public final class Pct implements Strategy {
    private final long seed;
    private final int depth;
    private long n;
    /** The longest execution seen: change points are drawn below it. */
    private int steps = 16;

    public Pct(long seed, int depth) {
        this.seed = seed;
        this.depth = Math.max(1, depth);
    }

    @Override
    public Chooser next() {
        SplittableRandom r = new SplittableRandom(seed ^ (0xBF58476D1CE4E5B9L * ++n));
        int[] changes = new int[depth - 1];
        for (int i = 0; i < changes.length; i++) {
            changes[i] = 1 + r.nextInt(steps);
        }
        Map<Integer, Integer> priority = new HashMap<>();
        return new Chooser() {
            @Override
            public Proc choose(Execution x, List<Proc> enabled) {
                int step = x.events().size();
                // At a change point the context that ran the last step drops below all others.
                if (step > 0) {
                    Proc last = x.events().get(step - 1).proc();
                    for (int i = 0; i < changes.length; i++) {
                        if (changes[i] == step) {
                            priority.put(last.index, i + 1);
                        }
                    }
                }
                Proc best = null;
                for (Proc p : enabled) {
                    int pr = priority.computeIfAbsent(p.index, k -> depth + r.nextInt(1 << 20));
                    if (best == null || pr > priority.get(best.index)) {
                        best = p;
                    }
                }
                return best;
            }
        };
    }

    @Override
    public void finished(Execution x) {
        steps = Math.max(steps, x.events().size());
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
