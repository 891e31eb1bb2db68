package mmrace.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Finding;
import mmrace.engine.explore.Counterexample;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.StrategyKind;
import mmrace.engine.explore.Verdict;
import mmrace.engine.trace.Json;
import mmrace.engine.trace.TraceCapture;
import mmrace.engine.trace.TraceJson;

/**
 * One run's result as a JSON Lines record (one JSON object per line): what ran, the verdict and
 * whether it was the expected one, the counts, and each counterexample with its replay string
 * and full trace. Everything {@code mmrace report} shows is rendered from these records alone,
 * so the format carries all of it; docs/guide/results.md describes each field.
 *
 * <p>Versioned by the {@code format} field: a reader accepts the major version it knows and
 * ignores fields it does not (new fields are added without a version change; a removed or
 * changed field means a new major version).
 */
public final class ResultRecord {
    /** The value of the {@code format} field of every record this version writes. */
    public static final String FORMAT = "mmrace-result/1";

    private ResultRecord() {
    }

    /** The record as one line of JSON, without the newline. */
    public static String json(Run run, ExploreResult r, ExploreOptions o) {
        return Json.write(toMap(run, r, o));
    }

    public static Map<String, Object> toMap(Run run, ExploreResult r, ExploreOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("target", run.target());
        m.put("run", run.label());
        m.put("title", run.title());
        m.put("arch", run.arch());
        m.put("variant", run.variant());
        m.put("memoryModel", run.config().memoryModel().name());
        m.put("rcu", run.config().rcu().name());
        m.put("strategy", r.strategy().name());
        boolean seeded = r.strategy() == StrategyKind.RANDOM || r.strategy() == StrategyKind.PCT;
        m.put("seed", seeded ? o.seed() : null);
        m.put("verdict", r.verdict().text());
        m.put("expected", run.expected() == null ? null : run.expected().text());
        m.put("expectedExecutions", run.expectedExecutions());
        m.put("expectedCheck", run.expectedCheck());
        m.put("asExpected", asExpected(run, r));
        m.put("executions", r.executions());
        m.put("abandoned", r.abandoned());
        m.put("events", r.events());
        m.put("timeMs", r.time().toMillis());
        m.put("complete", r.complete());
        m.put("stoppedBy", r.stoppedBy());
        Counterexample main = r.counterexample() != null ? r.counterexample()
                : r.otherFindings().isEmpty() ? null : r.otherFindings().get(0);
        Finding f = main == null ? null : main.mainFinding();
        m.put("check", f == null ? null : f.check());
        m.put("finding", f == null ? null : f.headline());
        if (r.counterexample() != null) {
            m.put("replay", ReplayString.of(run, r.counterexample().schedule()).toString());
            m.put("preemptions", r.counterexample().preemptions());
            m.put("counterexample", trace(r.counterexample()));
        }
        List<Object> others = new ArrayList<>();
        for (Counterexample c : r.otherFindings()) {
            Map<String, Object> om = new LinkedHashMap<>();
            Finding of = c.mainFinding();
            om.put("check", of == null ? null : of.check());
            om.put("replay", ReplayString.of(run, c.schedule()).toString());
            om.put("preemptions", c.preemptions());
            om.put("counterexample", trace(c));
            others.add(om);
        }
        m.put("otherFindings", others);
        return m;
    }

    /**
     * Whether a run reached its expected verdict (and, for a VERIFIED exhaustive run with a
     * pinned count, explored exactly that many executions; for a BUG with a named check, failed
     * that check). With no expectation, a run passes
     * unless it found a bug or the model failed.
     */
    public static boolean asExpected(Run run, ExploreResult r) {
        Verdict expected = run.expected();
        if (expected == null) {
            return r.verdict() != Verdict.BUG && r.verdict() != Verdict.ERROR;
        }
        boolean countOk = run.expectedExecutions() == 0 || r.executions() == run.expectedExecutions()
                || r.verdict() != Verdict.VERIFIED;
        boolean checkOk = run.expectedCheck() == null || r.counterexample() == null
                || run.expectedCheck().equals(r.counterexample().mainFinding().check());
        return r.verdict() == expected && countOk && checkOk;
    }

    private static Map<String, Object> trace(Counterexample c) {
        return TraceJson.toMap(TraceCapture.of(c.execution(), c.schedule()));
    }
}
