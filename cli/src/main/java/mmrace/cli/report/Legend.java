package mmrace.cli.report;

import static mmrace.cli.report.Html.esc;

import java.util.List;

/**
 * The key above each timeline: what the box fills, bars and arrows mean, with the locks of
 * that trace in their bar colours. Swatches are small inline SVGs styled by the same classes
 * as the timeline, so the key cannot drift from the drawing.
 */
final class Legend {
    private static final String[] PALETTE = TimelineSvg.palette();

    private Legend() {
    }

    static void append(StringBuilder sb, List<String> locks) {
        sb.append("<div class=\"legend\">");
        box(sb, "ctx-task", "task");
        box(sb, "ctx-irq", "interrupt handler");
        box(sb, "ctx-rcu-callback", "RCU callback");
        box(sb, "ctx-task marked", "failed check");
        box(sb, "ctx-task blocked", "waits (blocked)");
        line(sb, "race", "race");
        line(sb, "ipi", "IPI");
        line(sb, "ack", "IPI ack");
        line(sb, "gp", "grace period");
        line(sb, "waits", "waits for");
        for (int i = 0; i < locks.size(); i++) {
            sb.append("<span class=\"key\"><svg width=\"10\" height=\"16\" aria-hidden=\"true\"><rect x=\"2\" y=\"1\" width=\"6\"")
                    .append(" height=\"14\" fill=\"").append(PALETTE[i % PALETTE.length]).append("\"/></svg>")
                    .append(esc(locks.get(i))).append(" held</span>");
        }
        sb.append("</div>\n");
    }

    private static void box(StringBuilder sb, String cls, String text) {
        sb.append("<span class=\"key\"><svg width=\"22\" height=\"16\" aria-hidden=\"true\"><g class=\"event ").append(cls)
                .append("\"><rect x=\"1\" y=\"1\" width=\"20\" height=\"14\" rx=\"3\"/></g></svg>").append(text).append("</span>");
    }

    private static void line(StringBuilder sb, String cls, String text) {
        sb.append("<span class=\"key\"><svg width=\"26\" height=\"16\" aria-hidden=\"true\"><g class=\"link ").append(cls)
                .append("\"><path d=\"M2,8 L24,8\"/></g></svg>").append(text).append("</span>");
    }
}
