package mmrace.scenarios;

import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;

/**
 * What one run of a scenario came to, against what its matrix row expects: the verdict, for a
 * BUG the check that failed, and for a VERIFIED run the exact execution count when pinned.
 */
public record Outcome(ScenarioRun run, ExploreResult result) {
    /** The check of the counterexample's main finding, or null. */
    public String foundCheck() {
        return result.counterexample() == null ? null : result.counterexample().mainFinding().check();
    }

    /** Null when the run came out as expected, else why not. */
    public String mismatch() {
        Verdict got = result.verdict();
        if (got != run.expected()) {
            return "expected " + run.expected().text() + ", got " + got.text()
                    + (foundCheck() == null ? "" : " (" + foundCheck() + ")");
        }
        if (got == Verdict.BUG && run.expectedCheck() != null && !run.expectedCheck().equals(foundCheck())) {
            return "expected check " + run.expectedCheck() + ", got " + foundCheck();
        }
        if (got == Verdict.VERIFIED && run.expectedExecutions() != 0 && run.expectedExecutions() != result.executions()) {
            return "expected " + run.expectedExecutions() + " executions, got " + result.executions();
        }
        return null;
    }

    public boolean matches() {
        return mismatch() == null;
    }
}
