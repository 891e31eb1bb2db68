package mmrace.engine.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Finding;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.ProcNames;
import mmrace.engine.exec.Program;

/**
 * The exploration loop: ask the strategy for a chooser, run one execution with it, tell the
 * strategy how it ended, keep score, and stop at the first bug, at a budget, on cancellation,
 * or when the strategy has nothing left.
 */
public final class Explorer {
    private final Program program;
    private final ExploreOptions o;

    private Explorer(Program program, ExploreOptions options) {
        this.program = program;
        this.o = options;
    }

    public static ExploreResult explore(Program program, ExploreOptions options) {
        if (options.jobs() > 1 && (options.strategy() == StrategyKind.RANDOM || options.strategy() == StrategyKind.PCT)) {
            return ParallelExplorer.explore(program, options);
        }
        boolean weak = options.exec().memoryModel() instanceof StrategyProvider;
        ExploreResult r = !weak && options.jobs() > 1 && options.strategy() == StrategyKind.DPOR
                ? ParallelDporExplorer.explore(program, options)
                : loop(program, options, strategyFor(options, 0), new ProcNames());
        if (!weak && options.minimize() && r.verdict() == Verdict.BUG && r.counterexample() != null
                && r.counterexample().preemptions() > 0 && options.strategy() != StrategyKind.PB) {
            return Minimizer.minimize(program, options, r);
        }
        return r;
    }

    static Strategy strategyFor(ExploreOptions o, int worker) {
        if (o.exec().memoryModel() instanceof StrategyProvider p) {
            return p.strategy(o, worker);
        }
        return switch (o.strategy()) {
            case DPOR -> new Dpor();
            case ALL -> Dfs.all();
            case PB -> new IterativeBounding(o.maxPreemptions());
            case RANDOM -> new RandomWalk(o.seed() + worker);
            case PCT -> new Pct(o.seed() + worker, o.pctDepth());
        };
    }

    /** Runs one exploration with {@code s} on this thread (or goes on with a strategy that stopped at a bug). */
    static ExploreResult loop(Program program, ExploreOptions options, Strategy s, ProcNames names) {
        return new Explorer(program, options).run(s, names);
    }

    private ExploreResult run(Strategy s, ProcNames names) {
        long start = System.nanoTime();
        long deadline = o.budget() == null ? Long.MAX_VALUE : start + o.budget().toNanos();
        long executions = 0;
        long abandoned = 0;
        long events = 0;
        long lastReport = start;
        Counterexample bug = null;
        Map<String, Counterexample> other = new LinkedHashMap<>();
        Set<String> states = o.collectStates() ? new TreeSet<>() : null;
        String stoppedBy = null;
        Chooser c;
        mmrace.engine.exec.ExecConfig config = s.configure(o.exec());
        while ((c = s.next()) != null) {
            if (o.cancel().get()) {
                stoppedBy = "interrupted";
                break;
            }
            if (System.nanoTime() > deadline) {
                stoppedBy = "budget";
                break;
            }
            if (o.maxExecutions() > 0 && executions >= o.maxExecutions()) {
                stoppedBy = "max-executions";
                break;
            }
            Execution x = new Execution(program, config, names);
            RecordingChooser rc = new RecordingChooser(c);
            Execution.Status status = x.run(rc);
            String schedule = s.schedule(rc.choices());
            s.finished(x);
            events += x.events().size();
            if (status == Execution.Status.ABANDONED) {
                abandoned++;
                continue;
            }
            executions++;
            if (states != null && status == Execution.Status.COMPLETE) {
                states.add(x.finalState());
            }
            for (Finding f : x.findings()) {
                if (!f.kind().fatal && !other.containsKey(f.check())) {
                    other.put(f.check(), new Counterexample(x, schedule, rc.preemptions()));
                }
            }
            if (status == Execution.Status.BUG || status == Execution.Status.DEADLOCK) {
                bug = new Counterexample(x, schedule, rc.preemptions());
                break;
            }
            long now = System.nanoTime();
            if (o.progress() != null && now - lastReport > 250_000_000L) {
                lastReport = now;
                o.progress().progress(executions, events, now - start, s.progress());
            }
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        boolean complete = stoppedBy == null && bug == null && s.covered();
        return new ExploreResult(verdict(bug, other, complete), o.strategy(), executions, abandoned, events, time,
                complete, stoppedBy, bug, new ArrayList<>(other.values()), states);
    }

    static Verdict verdict(Counterexample bug, Map<String, Counterexample> other, boolean complete) {
        if (bug != null) {
            Finding f = bug.mainFinding();
            return f != null && f.kind() == FindingKind.MODEL_ERROR ? Verdict.ERROR : Verdict.BUG;
        }
        if (!other.isEmpty()) {
            return Verdict.BUG;
        }
        return complete ? Verdict.VERIFIED : Verdict.NO_BUG_FOUND;
    }
}
