package mmrace.engine.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Finding;
import mmrace.engine.exec.Frame;
import mmrace.engine.explore.Races;

/**
 * The mailing-list diagram of an execution: one column per CPU, time going down, each event
 * under the kernel functions it happened in (nested by call depth, printed when they change),
 * interrupt handlers and RCU callbacks in the column of the CPU they interrupt, the racing
 * accesses tagged [r1], [r2] ... on both sides, and the findings at the end.
 */
public final class Diagram {
    private static final int MAX_WIDTH = 72;

    private Diagram() {
    }

    public static String render(Execution x) {
        List<Event> events = new ArrayList<>(x.events());
        List<Cpu> cpus = x.cpus();
        Map<Integer, String> tags = raceTags(x);
        // Blocked contexts' pending events are shown too: that is where they wait.
        List<Event> pending = new ArrayList<>();
        for (var p : x.procs()) {
            if (!p.isDone() && p.pending() != null && p.pending().marked) {
                pending.add(p.pending());
            }
        }
        List<String[]> rows = new ArrayList<>();
        Map<Cpu, String[]> lastPath = new HashMap<>();
        Map<Cpu, Object> lastCtx = new HashMap<>();
        List<Event> all = new ArrayList<>(events);
        all.addAll(pending);
        for (Event e : all) {
            Cpu c = e.proc().cpu;
            int col = cpus.indexOf(c);
            String[] path = Frame.pathOf(e.frame());
            String[] prev = lastPath.getOrDefault(c, new String[0]);
            if (lastCtx.get(c) != e.proc()) {
                prev = new String[0];
                if (lastCtx.containsKey(c) || e.proc().kind != mmrace.engine.exec.Proc.Kind.TASK) {
                    rows.add(row(cpus.size(), col, ctxLabel(e)));
                }
                lastCtx.put(c, e.proc());
            }
            int common = 0;
            while (common < Math.min(prev.length, path.length) && prev[common].equals(path[common])) {
                common++;
            }
            for (int d = common; d < path.length; d++) {
                rows.add(row(cpus.size(), col, "  ".repeat(d) + path[d] + "()"));
            }
            lastPath.put(c, path);
            String text = "  ".repeat(path.length) + e.text();
            if (e.index() < 0) {
                text += "   ... waits";
            }
            String tag = tags.get(e.index());
            if (tag != null) {
                text += "  " + tag;
            }
            if (e.marked) {
                text += "  <==";
            }
            rows.add(row(cpus.size(), col, text));
        }
        int[] width = new int[cpus.size()];
        for (int i = 0; i < cpus.size(); i++) {
            width[i] = cpus.get(i).name.length();
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
            header[i] = cpus.get(i).name;
            rule[i] = "-".repeat(width[i]);
        }
        line(sb, header, width, " ");
        line(sb, rule, width, "-");
        for (String[] r : rows) {
            line(sb, r, width, " ");
        }
        for (Finding f : x.findings()) {
            sb.append('\n').append(f.kind().fatal ? "==> " : "--> ").append(f.headline()).append('\n');
            if (f.stack().length > 0) {
                sb.append("    at ").append(String.join(" <- ", reversed(f.stack()))).append(" (").append(f.proc())
                        .append(")\n");
            }
            for (Finding.Stack s : f.extraStacks()) {
                sb.append("    ").append(s.title()).append(": ")
                        .append(s.frames().length == 0 ? "(outside any kernel function)" : String.join(" <- ", reversed(s.frames())))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String ctxLabel(Event e) {
        return switch (e.proc().kind) {
            case IRQ -> "<IRQ>";
            case RCU_CALLBACK -> "<RCU callback>";
            case TASK -> "<" + e.proc().name + ">";
        };
    }

    private static Map<Integer, String> raceTags(Execution x) {
        Map<Integer, String> tags = new HashMap<>();
        int n = 0;
        for (Races.Pair p : Races.of(x)) {
            String t = "[r" + ++n + "]";
            tags.merge(p.first(), t, (a, b) -> a + b);
            tags.merge(p.second(), t, (a, b) -> a + b);
        }
        return tags;
    }

    private static String[] reversed(String[] a) {
        String[] r = new String[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
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
