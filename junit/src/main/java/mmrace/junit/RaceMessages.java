package mmrace.junit;

import java.util.Locale;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.explore.Counterexample;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.engine.trace.Diagram;

/**
 * What a failing race test says: the verdict against the expectation, how far the search
 * got, and for every counterexample the mailing-list diagram and the replay string, so the
 * failure can be read in a CI log and re-run alone without a debugger.
 */
final class RaceMessages {
    private RaceMessages() {
    }

    static String failure(RaceCheck check, Verdict expected, long pinned, ExploreResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(check.name()).append(": expected ").append(expected.text()).append(", got ").append(r.verdict().text())
                .append(" (").append(r.strategy().name().toLowerCase(Locale.ROOT)).append(", ").append(r.executions())
                .append(" executions, ").append(r.time().toMillis()).append(" ms");
        if (r.stoppedBy() != null) {
            sb.append(", stopped by ").append(r.stoppedBy());
        }
        sb.append(")\n");
        if (r.verdict() == expected) {
            sb.append("but the exhaustive search took ").append(r.executions()).append(" executions, not the ")
                    .append(pinned).append(" pinned: the program or the explorer changed\n");
        } else if (r.verdict() == Verdict.VERIFIED) {
            sb.append("the whole bounded space was explored and every check held\n");
        } else if (r.verdict() == Verdict.NO_BUG_FOUND) {
            sb.append("the search stopped before covering the space (a budget, or a non-exhaustive strategy)\n");
        }
        if (r.counterexample() != null) {
            sb.append('\n').append(trace(check, r.counterexample()));
        }
        for (Counterexample c : r.otherFindings()) {
            sb.append("\nalso found, in another execution:\n\n").append(trace(check, c));
        }
        return sb.toString();
    }

    /** One counterexample: the diagram, the replay string, and how to re-run it alone. */
    static String trace(RaceCheck check, Counterexample c) {
        ExecConfig cfg = check.config();
        String replay = check.name() + ";" + cfg.memoryModel().name() + ";" + cfg.rcu().name().toLowerCase(Locale.ROOT)
                + ";" + c.schedule();
        return Diagram.render(c.execution()) + "replay: " + replay + "   (" + c.preemptions() + " preemption"
                + (c.preemptions() == 1 ? "" : "s") + ")\n"
                + "  re-run this execution alone: @RaceTest(..., replay = \"" + c.schedule() + "\")"
                + " or RaceCheck.replay(\"" + c.schedule() + "\")\n";
    }
}
