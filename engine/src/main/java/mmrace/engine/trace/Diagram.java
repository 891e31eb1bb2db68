package mmrace.engine.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Execution;

/**
 * The mailing-list diagram of an execution: one column per CPU, time going down, each event
 * under the kernel functions it happened in (nested by call depth, printed when they change),
 * interrupt handlers and RCU callbacks in the column of the CPU they interrupt, the racing
 * accesses tagged [r1], [r2] ... on both sides, and the findings at the end.
 *
 * <p>It renders a {@link Trace}, so the same text comes from a live execution and from one
 * read back from a results file ({@code mmrace report} re-renders without re-running).
 */
public final class Diagram {
    private static final int MAX_WIDTH = 72;

    private Diagram() {
    }

    /** The diagram of a live execution: the same text as {@code render(TraceCapture.of(x, ""))}. */
    public static String render(Execution x) {
        return render(TraceCapture.of(x, ""));
    }

    public static String render(Trace t) {
        List<String> cpus = t.cpus();
        Map<Integer, String> tags = raceTags(t);
        List<String[]> rows = new ArrayList<>();
        Map<String, List<String>> lastPath = new HashMap<>();
        Map<String, String> lastCtx = new HashMap<>();
        for (Trace.Event e : t.events()) {
            String c = e.cpu();
            int col = cpus.indexOf(c);
            List<String> path = e.stack();
            List<String> prev = lastPath.getOrDefault(c, List.of());
            if (!e.context().equals(lastCtx.get(c))) {
                prev = List.of();
                if (lastCtx.containsKey(c) || !e.contextKind().equals("TASK")) {
                    rows.add(row(cpus.size(), col, ctxLabel(e)));
                }
                lastCtx.put(c, e.context());
            }
            int common = 0;
            while (common < Math.min(prev.size(), path.size()) && prev.get(common).equals(path.get(common))) {
                common++;
            }
            for (int d = common; d < path.size(); d++) {
                rows.add(row(cpus.size(), col, "  ".repeat(d) + path.get(d) + "()"));
            }
            lastPath.put(c, path);
            String text = "  ".repeat(path.size()) + e.text();
            if (e.index() < 0) {
                text += "   ... waits";
            }
            String tag = tags.get(e.index());
            if (tag != null) {
                text += "  " + tag;
            }
            if (e.marked()) {
                text += "  <==";
            }
            rows.add(row(cpus.size(), col, text));
        }
        int[] width = new int[cpus.size()];
        for (int i = 0; i < cpus.size(); i++) {
            width[i] = cpus.get(i).length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                if (r[i] != null) {
                    width[i] = Math.min(MAX_WIDTH, Math.max(width[i], r[i].length()));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        String[] header = new String[cpus.size()];
        String[] rule = new String[cpus.size()];
        for (int i = 0; i < cpus.size(); i++) {
            header[i] = cpus.get(i);
            rule[i] = "-".repeat(width[i]);
        }
        line(sb, header, width, " ");
        line(sb, rule, width, "-");
        for (String[] r : rows) {
            line(sb, r, width, " ");
        }
        for (Trace.Finding f : t.findings()) {
            sb.append('\n').append(f.fatal() ? "==> " : "--> ").append(f.headline()).append('\n');
            if (!f.stack().isEmpty()) {
                sb.append("    at ").append(String.join(" <- ", f.stack().reversed())).append(" (").append(f.context())
                        .append(")\n");
            }
            for (Trace.Stack s : f.extraStacks()) {
                sb.append("    ").append(s.title()).append(": ")
                        .append(s.frames().isEmpty() ? "(outside any kernel function)" : String.join(" <- ", s.frames().reversed()))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String ctxLabel(Trace.Event e) {
        return switch (e.contextKind()) {
            case "IRQ" -> "<IRQ>";
            case "RCU_CALLBACK" -> "<RCU callback>";
            default -> "<" + e.context() + ">";
        };
    }

    private static Map<Integer, String> raceTags(Trace t) {
        Map<Integer, String> tags = new HashMap<>();
        int n = 0;
        for (Trace.Race p : t.races()) {
            String tag = "[r" + ++n + "]";
            tags.merge(p.first(), tag, (a, b) -> a + b);
            tags.merge(p.second(), tag, (a, b) -> a + b);
        }
        return tags;
    }

    private static String[] row(int n, int col, String text) {
        String[] r = new String[n];
        r[col] = text;
        return r;
    }

    private static void line(StringBuilder sb, String[] cells, int[] width, String pad) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            if (c.length() > width[i]) {
                c = c.substring(0, width[i] - 3) + "...";
            }
            l.append(c).append(pad.repeat(width[i] - c.length()));
            if (i < cells.length - 1) {
                l.append(pad.equals("-") ? "-+-" : " | ");
            }
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
