package mmrace.cli.report;

import java.util.List;

/**
 * The verdict table, one line per run, and its closing count: what {@code mmrace check} prints
 * as each run ends and what {@code mmrace report --format text} prints from a results file.
 * Both render a {@link Result}, so the two are the same text.
 */
public final class VerdictTable {
    private VerdictTable() {
    }

    public static String line(Result r) {
        String how = r.stoppedBy() != null ? " (stopped: " + r.stoppedBy() + ")" : "";
        String exp = r.expected() == null ? "-" : r.expected();
        if (r.arch() == null) {
            return String.format("%-40s expected %-12s got %-12s %9d executions %9s  %s%s", r.title(), exp,
                    r.verdict(), r.executions(), time(r.timeMs()), r.asExpected() ? "ok" : "MISMATCH", how);
        }
        // A scenario run: the file, then arch and variant as columns, and the check a BUG failed.
        String got = r.verdict() + ("BUG".equals(r.verdict()) && r.check() != null ? " (" + r.check() + ")" : "");
        return String.format("%-42s %-6s %-44s expected %-12s got %-26s %9d executions %9s  %s%s", r.target(),
                r.arch(), r.variant(), exp, got, r.executions(), time(r.timeMs()), r.asExpected() ? "ok" : "MISMATCH",
                how);
    }

    /** The closing line, e.g. {@code 3 runs, 3 as expected, 0 not}. */
    public static String summary(List<Result> results) {
        long failed = results.stream().filter(r -> !r.asExpected()).count();
        return results.size() + " runs, " + (results.size() - failed) + " as expected, " + failed + " not";
    }

    /** Milliseconds as tables show them: {@code 58 ms}, {@code 2.4 s}. */
    static String time(long ms) {
        return ms < 1000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }
}
