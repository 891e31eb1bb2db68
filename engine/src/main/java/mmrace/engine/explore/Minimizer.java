package mmrace.engine.explore;

import java.time.Duration;
import mmrace.engine.exec.Finding;
import mmrace.engine.exec.ProcNames;
import mmrace.engine.exec.Program;

/**
 * Replaces a counterexample by one with the fewest preemptions that fails the same check:
 * preemption-bounded search with bounds 0, 1, ... up to the bug's own count. The exploration's
 * counts (executions, time) stay those of the search that found the bug, plus the minimization.
 */
final class Minimizer {
    private Minimizer() {
    }

    static ExploreResult minimize(Program program, ExploreOptions o, ExploreResult found) {
        Counterexample original = found.counterexample();
        String check = original.mainFinding().check();
        ExploreOptions pb = o.withStrategy(StrategyKind.PB).withMaxPreemptions(original.preemptions() - 1)
                .withMaxExecutions(0).withMinimize(false).withCollectStates(false).withProgress(null);
        IterativeBounding s = new IterativeBounding(original.preemptions() - 1);
        Counterexample best = original;
        ProcNames names = new ProcNames();
        long extraExecutions = 0;
        Duration extraTime = Duration.ZERO;
        // Search bound by bound; a bug of another check does not count as the same bug.
        while (true) {
            ExploreResult r = Explorer.loop(program, pb, s, names);
            extraExecutions += r.executions();
            extraTime = extraTime.plus(r.time());
            Counterexample c = r.counterexample();
            if (c == null || r.stoppedBy() != null) {
                break;
            }
            Finding f = c.mainFinding();
            if (f != null && f.check().equals(check)) {
                best = c;
                break;
            }
            // Another bug first: keep searching the same strategy from where it stopped.
        }
        return new ExploreResult(found.verdict(), found.strategy(), found.executions() + extraExecutions,
                found.abandoned(), found.events(), found.time().plus(extraTime), found.complete(), found.stoppedBy(),
                best, found.otherFindings(), found.finalStates());
    }

}
