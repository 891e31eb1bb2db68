package mmrace.engine.explore;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import mmrace.engine.exec.ExecConfig;

/**
 * How to explore. Immutable; change with the {@code with*} methods.
 *
 * @param strategy which strategy
 * @param seed seed of RANDOM and PCT
 * @param pctDepth PCT's bug depth
 * @param maxPreemptions for PB: the largest bound tried (-1: until the space is covered)
 * @param maxExecutions stop after this many executions (0: no limit)
 * @param budget stop after this much time (null: no limit)
 * @param jobs worker threads (RANDOM and PCT run independent seeds; DPOR and ALL share the tree)
 * @param exec the settings of every execution (memory model, RCU flavour, step limit)
 * @param minimize after a BUG, look for the same check's bug with the fewest preemptions
 * @param collectStates keep the distinct final states (for self-tests and litmus tests)
 * @param progress told about progress now and then (may be null)
 * @param cancel set from outside (Ctrl-C) to stop with a partial verdict
 */
public record ExploreOptions(StrategyKind strategy, long seed, int pctDepth, int maxPreemptions, long maxExecutions,
                             Duration budget, int jobs, ExecConfig exec, boolean minimize, boolean collectStates,
                             ProgressListener progress, AtomicBoolean cancel) {
    public static ExploreOptions defaults() {
        return new ExploreOptions(StrategyKind.DPOR, 1, 3, -1, 0, null, 1, ExecConfig.defaults(), true, false, null,
                new AtomicBoolean());
    }

    public ExploreOptions withStrategy(StrategyKind s) {
        return new ExploreOptions(s, seed, pctDepth, maxPreemptions, maxExecutions, budget, jobs, exec, minimize,
                collectStates, progress, cancel);
    }

    public ExploreOptions withSeed(long v) {
        return new ExploreOptions(strategy, v, pctDepth, maxPreemptions, maxExecutions, budget, jobs, exec, minimize,
                collectStates, progress, cancel);
    }

    public ExploreOptions withPctDepth(int v) {
        return new ExploreOptions(strategy, seed, v, maxPreemptions, maxExecutions, budget, jobs, exec, minimize,
                collectStates, progress, cancel);
    }

    public ExploreOptions withMaxPreemptions(int v) {
        return new ExploreOptions(strategy, seed, pctDepth, v, maxExecutions, budget, jobs, exec, minimize,
                collectStates, progress, cancel);
    }

    public ExploreOptions withMaxExecutions(long v) {
        return new ExploreOptions(strategy, seed, pctDepth, maxPreemptions, v, budget, jobs, exec, minimize,
                collectStates, progress, cancel);
    }

    public ExploreOptions withBudget(Duration v) {
        return new ExploreOptions(strategy, seed, pctDepth, maxPreemptions, maxExecutions, v, jobs, exec, minimize,
                collectStates, progress, cancel);
    }

    public ExploreOptions withJobs(int v) {
        return new ExploreOptions(strategy, seed, pctDepth, maxPreemptions, maxExecutions, budget, Math.max(1, v), exec,
                minimize, collectStates, progress, cancel);
    }

    public ExploreOptions withExec(ExecConfig v) {
        return new ExploreOptions(strategy, seed, pctDepth, maxPreemptions, maxExecutions, budget, jobs, v, minimize,
                collectStates, progress, cancel);
    }

    public ExploreOptions withMinimize(boolean v) {
        return new ExploreOptions(strategy, seed, pctDepth, maxPreemptions, maxExecutions, budget, jobs, exec, v,
                collectStates, progress, cancel);
    }

    public ExploreOptions withCollectStates(boolean v) {
        return new ExploreOptions(strategy, seed, pctDepth, maxPreemptions, maxExecutions, budget, jobs, exec, minimize,
                v, progress, cancel);
    }

    public ExploreOptions withProgress(ProgressListener v) {
        return new ExploreOptions(strategy, seed, pctDepth, maxPreemptions, maxExecutions, budget, jobs, exec, minimize,
                collectStates, v, cancel);
    }

    public ExploreOptions withCancel(AtomicBoolean v) {
        return new ExploreOptions(strategy, seed, pctDepth, maxPreemptions, maxExecutions, budget, jobs, exec, minimize,
                collectStates, progress, v);
    }
}
