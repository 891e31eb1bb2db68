package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;

/**
 * Depth-first enumeration of schedules with no reduction: every interleaving, or, with a
 * preemption bound, every interleaving that switches away from a context that could have gone
 * on at most {@code bound} times (Musuvathi and Qadeer's iterative context bounding). At each
 * state it tries the running context first, so executions come in order of fewer switches.
 *
 * <p>Contract: deterministic; when {@link #next} returns null, every schedule within the bound
 * has run. With no bound that is the whole space (the reference for the DPOR self-test); with
 * a bound, only the bounded space: it has covered everything only if the bound cut nothing.
 */
public final class Dfs implements Strategy, Chooser {
    private static final class Node {
        final int[] options;
        final int[] cost;
        int at;
        final int preemptionsBefore;

        Node(int[] options, int[] cost, int preemptionsBefore) {
            this.options = options;
            this.cost = cost;
            this.preemptionsBefore = preemptionsBefore;
        }

        int chosen() {
            return options[at];
        }
    }

    private final int bound;
    private final List<Node> stack = new ArrayList<>();
    private boolean exhausted;
    private boolean started;
    private boolean pruned;

    /** @param bound the most preemptions a schedule may have, or -1 for none */
    public Dfs(int bound) {
        this.bound = bound;
    }

    public static Dfs all() {
        return new Dfs(-1);
    }

    @Override
    public Chooser next() {
        if (exhausted) {
            return null;
        }
        started = true;
        return this;
    }

    @Override
    public boolean covered() {
        return exhausted && !pruned;
    }

    /** Whether the bound kept some schedule from being run. */
    public boolean pruned() {
        return pruned;
    }

    @Override
    public Proc choose(Execution x, List<Proc> enabled) {
        int d = x.events().size();
        if (d < stack.size()) {
            return byIndex(enabled, stack.get(d).chosen());
        }
        Proc previous = d == 0 ? null : x.events().get(d - 1).proc();
        boolean previousEnabled = previous != null && enabled.contains(previous);
        int before = d == 0 ? 0 : stack.get(d - 1).preemptionsBefore + stack.get(d - 1).cost[stack.get(d - 1).at];
        List<Integer> opts = new ArrayList<>();
        List<Integer> costs = new ArrayList<>();
        if (previousEnabled) {
            opts.add(previous.index);
            costs.add(0);
        }
        for (Proc p : enabled) {
            if (p == previous) {
                continue;
            }
            int c = previousEnabled ? 1 : 0;
            if (bound >= 0 && before + c > bound) {
                pruned = true;
                continue;
            }
            opts.add(p.index);
            costs.add(c);
        }
        Node n = new Node(opts.stream().mapToInt(Integer::intValue).toArray(),
                costs.stream().mapToInt(Integer::intValue).toArray(), before);
        stack.add(n);
        return byIndex(enabled, n.chosen());
    }

    private static Proc byIndex(List<Proc> enabled, int index) {
        for (Proc p : enabled) {
            if (p.index == index) {
                return p;
            }
        }
        throw new IllegalStateException("nondeterministic program: a replayed prefix diverged");
    }

    @Override
    public void finished(Execution x) {
        while (!stack.isEmpty()) {
            Node top = stack.get(stack.size() - 1);
            if (++top.at < top.options.length) {
                return;
            }
            stack.remove(stack.size() - 1);
        }
        exhausted = true;
    }

    @Override
    public double progress() {
        if (exhausted) {
            return 1;
        }
        if (!started) {
            return 0;
        }
        int[] done = new int[stack.size()];
        int[] total = new int[stack.size()];
        for (int i = 0; i < done.length; i++) {
            done[i] = stack.get(i).at;
            total[i] = stack.get(i).options.length;
        }
        return Choices.progress(done, total);
    }
}
