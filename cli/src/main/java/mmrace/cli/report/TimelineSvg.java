package mmrace.cli.report;

import static mmrace.cli.report.Html.esc;
import static mmrace.cli.report.TimelineLayout.BAR_STEP;
import static mmrace.cli.report.TimelineLayout.BAR_W;
import static mmrace.cli.report.TimelineLayout.BOX_H;
import static mmrace.cli.report.TimelineLayout.LEFT;
import static mmrace.cli.report.TimelineLayout.TOP;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mmrace.engine.trace.Trace;

/**
 * Draws one trace as an SVG timeline: a lane per CPU, each event a box with its kernel
 * functions and its text, lock holds as coloured bars beside the boxes, IPIs and grace periods
 * as arrows, races as red links between the two accesses, the failed check's event in red.
 * Styling is by class (the page's CSS); the only colours set here are the locks', which come
 * from the data. Output depends on the trace alone, so reports are reproducible.
 */
final class TimelineSvg {
    /** Lock colours, in order of first use; they repeat past eight locks. */
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948",
        "#9c755f", "#bab0ac"};

    private final TimelineLayout l;
    private final List<Links.Link> links;
    private final StringBuilder sb = new StringBuilder();
    /** Prefix of this drawing's element ids: a page holds many timelines, and ids must be unique. */
    private final String id;

    private TimelineSvg(Trace t, String id) {
        this.l = new TimelineLayout(t);
        this.links = Links.of(t);
        this.id = id;
    }

    /** The lock colours, for the legend. */
    static String[] palette() {
        return PALETTE.clone();
    }

    /**
     * The {@code <svg>} element; {@code label} names it for screen readers, {@code id} makes its
     * element ids unique on the page (e.g. {@code t3}).
     */
    static String render(Trace t, String label, String id) {
        return new TimelineSvg(t, id).draw(label);
    }

    private String draw(String label) {
        int w = l.width();
        int h = l.height();
        sb.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" role=\"img\" aria-label=\"").append(esc(label)).append("\">\n");
        defs();
        lanes(h);
        ticks();
        holds();
        events();
        links();
        sb.append("</svg>\n");
        return sb.toString();
    }

    private void defs() {
        sb.append("<defs>");
        for (String k : List.of("ipi", "ack", "gp", "waits")) {
            sb.append("<marker id=\"").append(id).append("-arrow-").append(k).append("\" class=\"arrowhead ").append(k)
                    .append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\"")
                    .append(" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>");
        }
        sb.append("</defs>\n");
    }

    private void lanes(int h) {
        for (int i = 0; i < l.lanes(); i++) {
            String cpu = l.trace.cpus().get(i);
            int x = l.laneX(i);
            sb.append("<g class=\"lane\" data-cpu=\"").append(esc(cpu)).append("\">")
                    .append("<rect class=\"lane-bg\" x=\"").append(x - 6).append("\" y=\"").append(TOP - 30)
                    .append("\" width=\"").append(TimelineLayout.LANE_W + 12).append("\" height=\"").append(h - TOP + 26)
                    .append("\" rx=\"6\"/>")
                    .append("<text class=\"lane-title\" x=\"").append(x + TimelineLayout.LANE_W / 2).append("\" y=\"")
                    .append(TOP - 10).append("\">").append(esc(cpu)).append("</text></g>\n");
        }
    }

    private void ticks() {
        List<Trace.Event> ev = l.trace.events();
        sb.append("<g class=\"ticks\">");
        for (int p = 0; p < ev.size(); p++) {
            Trace.Event e = ev.get(p);
            String t = e.blocked() ? "wait" : "#" + e.index();
            sb.append("<text class=\"tick\" x=\"").append(LEFT - 10).append("\" y=\"").append(l.rowY(p) + BOX_H / 2 + 4)
                    .append("\">").append(t).append("</text>");
        }
        sb.append("</g>\n");
    }

    private void holds() {
        List<String> locks = l.locks();
        sb.append("<g class=\"holds\">");
        for (int i = 0; i < l.holds.size(); i++) {
            LockHolds.Hold hd = l.holds.get(i);
            int lane = l.trace.cpus().indexOf(hd.cpu());
            int x = l.laneX(lane) + 2 + l.holdLevel[i] * BAR_STEP;
            int y0 = l.rowY(hd.from()) + 2;
            int y1 = l.rowY(l.end(hd)) + BOX_H - 2;
            String colour = PALETTE[locks.indexOf(hd.lock()) % PALETTE.length];
            String until = hd.to() < 0 ? "still held at the end" : "released at #" + l.trace.events().get(hd.to()).index();
            sb.append("<rect class=\"hold").append(hd.shared() ? " shared" : "").append(hd.to() < 0 ? " unreleased" : "")
                    .append("\" data-lock=\"").append(esc(hd.lock())).append("\" x=\"").append(x).append("\" y=\"").append(y0)
                    .append("\" width=\"").append(BAR_W).append("\" height=\"").append(y1 - y0).append("\" fill=\"")
                    .append(colour).append("\"><title>").append(esc(hd.lock())).append(hd.shared() ? " held for read" : " held")
                    .append(" by ").append(esc(hd.context())).append(", taken at #")
                    .append(l.trace.events().get(hd.from()).index()).append(", ").append(until).append("</title></rect>");
        }
        sb.append("</g>\n");
    }

    private void events() {
        Map<Integer, String> tags = raceTags();
        List<Trace.Event> ev = l.trace.events();
        sb.append("<g class=\"events\">\n");
        for (int p = 0; p < ev.size(); p++) {
            Trace.Event e = ev.get(p);
            String cls = "event ctx-" + e.contextKind().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (e.marked() ? " marked" : "") + (e.blocked() ? " blocked" : "") + (tags.containsKey(p) ? " race" : "");
            int x = l.boxX(p);
            int y = l.rowY(p);
            String op = e.text() + (e.blocked() ? "  \u2026 waits" : "") + (tags.containsKey(p) ? "  " + tags.get(p) : "");
            String fns = String.join(" \u203a ", e.stack());
            sb.append("<g class=\"").append(cls).append("\" data-pos=\"").append(p).append("\" data-index=\"")
                    .append(e.index()).append("\" data-context=\"").append(esc(e.context())).append("\">")
                    .append("<title>").append(esc(e.context())).append(": ").append(esc(fns.isEmpty() ? "" : fns + " \u203a "))
                    .append(esc(e.text())).append("</title>")
                    .append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(l.boxW())
                    .append("\" height=\"").append(BOX_H).append("\" rx=\"4\"/>")
                    .append("<text class=\"fn\" x=\"").append(x + 8).append("\" y=\"").append(y + 12).append("\">")
                    .append(esc(fitTail(fns.isEmpty() ? contextLabel(e) : fns, (int) (l.boxChars() * 1.2)))).append("</text>")
                    .append("<text class=\"op\" x=\"").append(x + 8).append("\" y=\"").append(y + 26).append("\">")
                    .append(esc(Html.fit(op, l.boxChars() - (e.marked() ? 2 : 0)))).append("</text>");
            if (e.marked()) {
                sb.append("<text class=\"mark\" x=\"").append(x + l.boxW() - 8).append("\" y=\"").append(y + 26)
                        .append("\">\u26a0</text>");
            }
            sb.append("</g>\n");
        }
        sb.append("</g>\n");
    }

    private void links() {
        Map<Integer, Integer> sameLane = new HashMap<>();
        sb.append("<g class=\"links\">\n");
        for (Links.Link k : links) {
            int a = k.from();
            int b = k.to();
            int la = l.lane(l.trace.events().get(a));
            int lb = l.lane(l.trace.events().get(b));
            double ya = l.rowY(a) + BOX_H / 2.0;
            double yb = l.rowY(b) + BOX_H / 2.0;
            String d;
            double lx;
            double ly;
            if (la == lb) {
                // Along one lane: bulge out to the right of the boxes, a little further for each.
                int n = sameLane.merge(la, 1, Integer::sum) - 1;
                double x = l.boxX(a) + l.boxW();
                double bulge = 26 + 12 * (n % 4);
                d = String.format(Locale.ROOT, "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", x, ya, x + bulge, ya,
                        x + bulge, yb, x, yb);
                lx = x + bulge * 0.75 + 6;
                ly = (ya + yb) / 2 + 3;
            } else {
                double xa = la < lb ? l.boxX(a) + l.boxW() : l.boxX(a);
                double xb = la < lb ? l.boxX(b) : l.boxX(b) + l.boxW();
                double dx = (xb - xa) / 2;
                d = String.format(Locale.ROOT, "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", xa, ya, xa + dx, ya,
                        xb - dx, yb, xb, yb);
                // Two "waits for" arrows of a deadlock cross in the middle: label them nearer their start.
                double at = k.kind() == Links.Kind.WAITS_FOR ? 0.25 : 0.5;
                lx = xa + (xb - xa) * at;
                ly = ya + (yb - ya) * at - 5;
            }
            String cls = switch (k.kind()) {
                case IPI -> "ipi";
                case IPI_ACK -> "ack";
                case GRACE_PERIOD -> "gp";
                case RACE -> "race";
                case WAITS_FOR -> "waits";
            };
            String marker = k.kind() == Links.Kind.RACE ? "" : " marker-end=\"url(#" + id + "-arrow-" + cls + ")\"";
            sb.append("<g class=\"link ").append(cls).append("\" data-from=\"").append(a).append("\" data-to=\"").append(b)
                    .append("\"><path d=\"").append(d).append("\"").append(marker).append("/>")
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s>", lx, ly,
                            la == lb ? " class=\"side\"" : "")).append(esc(k.label()))
                    .append("</text></g>\n");
        }
        sb.append("</g>\n");
    }

    /** Race tags by position, as the text diagram writes them: [r1], [r2] ... */
    private Map<Integer, String> raceTags() {
        Map<Integer, String> tags = new HashMap<>();
        for (Links.Link k : links) {
            if (k.kind() == Links.Kind.RACE) {
                tags.merge(k.from(), "[" + k.label() + "]", String::concat);
                tags.merge(k.to(), "[" + k.label() + "]", String::concat);
            }
        }
        return tags;
    }

    private static String contextLabel(Trace.Event e) {
        return switch (e.contextKind()) {
            case "IRQ" -> "<IRQ>";
            case "RCU_CALLBACK" -> "<RCU callback>";
            default -> "(" + e.context() + ")";
        };
    }

    /** Keeps the end of a call path (the innermost functions), cutting from the left. */
    private static String fitTail(String s, int max) {
        return s.length() <= max ? s : "\u2026" + s.substring(s.length() - max + 1);
    }
}
