package mmrace.cli.report;

import static mmrace.cli.report.Html.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import mmrace.engine.trace.Diagram;
import mmrace.engine.trace.Trace;

/**
 * The HTML report of a run set: one self-contained page (CSS, SVG and script inline; it loads
 * nothing, so it can be mailed or archived) with the verdict table and, for each run with a
 * counterexample, the finding, an SVG timeline ({@link TimelineSvg}), the replay command and
 * the mailing-list diagram. Every piece of text from the results is escaped ({@link Html}).
 * The script only adds highlighting on hover and marks the page as drawn (data-mmrace-ready),
 * which is what the browser test looks for; the page reads the same without it.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static void write(Path file, List<Result> results, String source) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(results, source), StandardCharsets.UTF_8);
    }

    /** The page; {@code source} says where the results came from (a file name, a command). */
    public static String render(List<Result> results, String source) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"mmrace\">\n")
                .append("<title>mmrace report: ").append(results.size()).append(" run").append(results.size() == 1 ? "" : "s")
                .append("</title>\n<style>\n").append(resource("report.css")).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>mmrace report</h1><p class=\"summary\">").append(esc(VerdictTable.summary(results)))
                .append(" \u00b7 from ").append(esc(source)).append("</p></header>\n<main>\n");
        table(sb, results);
        int[] timelines = {0};
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).counterexamples().isEmpty()) {
                run(sb, results.get(i), i + 1, timelines);
            }
        }
        sb.append("</main>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<Result> results) {
        sb.append("<section id=\"verdicts\"><h2>Verdicts</h2>\n<table class=\"verdicts\">\n<thead><tr>")
                .append("<th>run</th><th>arch</th><th>variant</th><th>model</th><th>strategy</th><th>expected</th>")
                .append("<th>verdict</th><th>check</th><th class=\"num\">executions</th><th class=\"num\">time</th>")
                .append("<th>result</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            String title = esc(r.title());
            String cell = r.counterexamples().isEmpty() ? title : "<a href=\"#run-" + (i + 1) + "\">" + title + "</a>";
            String stopped = r.stoppedBy() == null ? "" : " <span class=\"stopped\">(stopped: " + esc(r.stoppedBy()) + ")</span>";
            sb.append("<tr class=\"").append(r.asExpected() ? "ok" : "mismatch").append("\"><td>").append(cell)
                    .append("</td><td>").append(dash(r.arch())).append("</td><td>").append(dash(r.variant()))
                    .append("</td><td>").append(esc(r.memoryModel())).append("</td><td>")
                    .append(esc(r.strategy().toLowerCase(Locale.ROOT))).append("</td><td>").append(dash(r.expected()))
                    .append("</td><td>").append(verdict(r.verdict())).append(stopped).append("</td><td>")
                    .append(dash(r.check())).append("</td><td class=\"num\">").append(r.executions())
                    .append("</td><td class=\"num\">").append(esc(VerdictTable.time(r.timeMs()))).append("</td><td>")
                    .append(r.asExpected() ? "ok" : "<strong>MISMATCH</strong>").append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static void run(StringBuilder sb, Result r, int n, int[] timelines) {
        sb.append("<section class=\"run\" id=\"run-").append(n).append("\">\n<h2>").append(esc(r.title())).append(' ')
                .append(verdict(r.verdict())).append("</h2>\n<p class=\"meta\">memory model ").append(esc(r.memoryModel()))
                .append(" \u00b7 RCU ").append(esc(r.rcu().toLowerCase(Locale.ROOT))).append(" \u00b7 strategy ")
                .append(esc(r.strategy().toLowerCase(Locale.ROOT))).append(" \u00b7 ").append(r.executions())
                .append(" executions \u00b7 ").append(esc(VerdictTable.time(r.timeMs()))).append("</p>\n");
        for (Result.Counterexample c : r.counterexamples()) {
            counterexample(sb, r, c, "t" + ++timelines[0]);
        }
        sb.append("</section>\n");
    }

    private static void counterexample(StringBuilder sb, Result r, Result.Counterexample c, String id) {
        Trace t = c.trace();
        sb.append("<article class=\"counterexample").append(c.main() ? " main" : " also").append("\">\n<h3>")
                .append(c.main() ? "Counterexample" : "Also found, in another execution").append("</h3>\n<ul class=\"findings\">");
        for (Trace.Finding f : t.findings()) {
            sb.append("<li class=\"").append(f.fatal() ? "fatal" : "warning").append("\"><strong>").append(esc(f.headline()))
                    .append("</strong>");
            if (!f.stack().isEmpty()) {
                sb.append("<br>at <code>").append(esc(String.join(" \u2190 ", f.stack().reversed()))).append("</code> (")
                        .append(esc(f.context())).append(')');
            }
            for (Trace.Stack s : f.extraStacks()) {
                sb.append("<br>").append(esc(s.title())).append(": <code>")
                        .append(esc(s.frames().isEmpty() ? "(outside any kernel function)" : String.join(" \u2190 ", s.frames().reversed())))
                        .append("</code>");
            }
            sb.append("</li>");
        }
        sb.append("</ul>\n");
        Legend.append(sb, new TimelineLayout(t).locks());
        sb.append("<div class=\"scroll\">\n").append(TimelineSvg.render(t, "timeline of " + r.title(), id)).append("</div>\n")
                .append("<p class=\"replay\">replay: <code>mmrace replay '").append(esc(c.replay())).append("'</code> (")
                .append(c.preemptions()).append(" preemption").append(c.preemptions() == 1 ? "" : "s").append(")</p>\n")
                .append("<details><summary>Mailing-list diagram</summary><pre>").append(esc(Diagram.render(t)))
                .append("</pre></details>\n</article>\n");
    }

    private static String verdict(String v) {
        String cls = v.toLowerCase(Locale.ROOT).replace(' ', '-');
        return "<span class=\"verdict " + esc(cls) + "\">" + esc(v) + "</span>";
    }

    private static String dash(String s) {
        return s == null ? "\u2013" : esc(s);
    }

    /** A file shipped beside this class, inlined so the page needs nothing else. */
    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " of the HTML report");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
