package mmrace.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.trace.Json;
import mmrace.engine.trace.TraceJson;

/** One run's result as a JSON Lines record: what ran, the verdict, the counts, the counterexample. */
final class ResultRecord {
    private ResultRecord() {
    }

    static String json(Run run, ExploreResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", run.target());
        m.put("run", run.label());
        m.put("memoryModel", run.config().memoryModel().name());
        m.put("rcu", run.config().rcu().name());
        m.put("strategy", r.strategy().name());
        m.put("verdict", r.verdict().text());
        m.put("expected", run.expected() == null ? null : run.expected().text());
        m.put("executions", r.executions());
        m.put("abandoned", r.abandoned());
        m.put("events", r.events());
        m.put("timeMs", r.time().toMillis());
        m.put("complete", r.complete());
        m.put("stoppedBy", r.stoppedBy());
        if (r.counterexample() != null) {
            m.put("replay", ReplayString.of(run, r.counterexample().schedule()).toString());
            m.put("preemptions", r.counterexample().preemptions());
            m.put("counterexample", TraceJson.toMap(r.counterexample().execution(), r.counterexample().schedule()));
        }
        return Json.write(m);
    }
}
