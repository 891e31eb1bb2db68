package mmrace.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mmrace.cli.ResultRecord;
import mmrace.engine.trace.JsonFields;
import mmrace.engine.trace.JsonReader;
import mmrace.engine.trace.Trace;
import mmrace.engine.trace.TraceJson;

/**
 * One record of a results file, read back: what every report renders from. Field meanings are
 * those of {@link ResultRecord}; fields this version does not know are ignored, so newer
 * writers stay readable.
 *
 * @param title the target and its configuration as tables show it, e.g. {@code s003 [arm64/none]}
 * @param expected the expected verdict's text, or null if the run had none
 * @param check the stable name of the failed check, or null when nothing failed
 * @param finding the main finding's one-line headline, or null
 * @param counterexamples the bug's execution first (if any), then other findings' executions
 */
public record Result(String target, String run, String title, String arch, String variant, String memoryModel,
                     String rcu, String strategy, String verdict, String expected, boolean asExpected,
                     long executions, long timeMs, boolean complete, String stoppedBy, String check, String finding,
                     List<Counterexample> counterexamples) {
    public Result {
        counterexamples = List.copyOf(counterexamples);
    }

    /**
     * An execution worth showing, with what re-runs it.
     *
     * @param main true for the execution that made the verdict, false for "also found" ones
     * @param check the check it failed, or null
     */
    public record Counterexample(boolean main, String check, String replay, long preemptions, Trace trace) {
    }

    public boolean isBug() {
        return verdict.equals("BUG");
    }

    /** Parses one line of a results file; {@code where} names it in errors (e.g. {@code r.jsonl:3}). */
    public static Result parse(String line, String where) {
        Object v;
        try {
            v = JsonReader.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": a record is a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        try {
            return fromMap(new JsonFields(m, "record"));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static Result fromMap(JsonFields f) {
        String format = f.has("format") ? f.string("format") : "(none)";
        if (!format.equals(ResultRecord.FORMAT)) {
            throw new IllegalArgumentException("unknown record format '" + format + "'; this mmrace reads "
                    + ResultRecord.FORMAT);
        }
        List<Counterexample> cs = new ArrayList<>();
        if (f.has("counterexample")) {
            cs.add(new Counterexample(true, f.stringOrNull("check"), f.string("replay"), f.numberOr("preemptions", 0),
                    TraceJson.fromMap(f.object("counterexample").map())));
        }
        if (f.has("otherFindings")) {
            for (JsonFields o : f.objects("otherFindings")) {
                cs.add(new Counterexample(false, o.stringOrNull("check"), o.string("replay"), o.numberOr("preemptions", 0),
                        TraceJson.fromMap(o.object("counterexample").map())));
            }
        }
        String target = f.string("target");
        String run = f.has("run") ? f.string("run") : "";
        String title = f.has("title") ? f.string("title") : run.isEmpty() ? target : target + " [" + run + "]";
        return new Result(target, run, title, f.stringOrNull("arch"), f.stringOrNull("variant"),
                f.string("memoryModel"), f.string("rcu"), f.string("strategy"), f.string("verdict"),
                f.stringOrNull("expected"), f.bool("asExpected"), f.number("executions"), f.number("timeMs"),
                f.bool("complete"), f.stringOrNull("stoppedBy"), f.stringOrNull("check"), f.stringOrNull("finding"), cs);
    }
}
