package mmrace.cli.report;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.trace.Trace;

/**
 * Where things go on a timeline: one lane (column) per CPU, one row per event in execution
 * order (so time goes down as in the mailing-list diagram), lock bars in a strip at the left
 * of each lane, one column per nesting level. All sizes in SVG user units (pixels at 100%).
 * The text is monospace, so widths are counted in characters instead of being measured.
 */
final class TimelineLayout {
    static final int TOP = 46;
    static final int LEFT = 44;
    static final int ROW = 40;
    static final int BOX_H = 32;
    static final int LANE_W = 330;
    static final int GAP = 90;
    static final int BAR_W = 7;
    static final int BAR_STEP = 10;
    static final double CHAR_W = 7.3;

    final Trace trace;
    final List<LockHolds.Hold> holds;
    /** The nesting level (bar column) of each hold, parallel to {@link #holds}. */
    final int[] holdLevel;
    final int barLevels;

    TimelineLayout(Trace trace) {
        this.trace = trace;
        this.holds = LockHolds.of(trace);
        this.holdLevel = new int[holds.size()];
        int levels = 0;
        for (int i = 0; i < holds.size(); i++) {
            LockHolds.Hold h = holds.get(i);
            int level = 0;
            // The lowest column not taken, in the same lane, by a hold that overlaps this one.
            boolean clash = true;
            while (clash) {
                clash = false;
                for (int j = 0; j < i; j++) {
                    LockHolds.Hold o = holds.get(j);
                    if (holdLevel[j] == level && o.cpu().equals(h.cpu()) && end(o) >= h.from()) {
                        clash = true;
                        level++;
                        break;
                    }
                }
            }
            holdLevel[i] = level;
            levels = Math.max(levels, level + 1);
        }
        this.barLevels = levels;
    }

    int lanes() {
        return trace.cpus().size();
    }

    int laneX(int lane) {
        return LEFT + lane * (LANE_W + GAP);
    }

    int lane(Trace.Event e) {
        return trace.cpus().indexOf(e.cpu());
    }

    int rowY(int pos) {
        return TOP + pos * ROW;
    }

    int barStrip() {
        return barLevels == 0 ? 0 : barLevels * BAR_STEP + 4;
    }

    int boxX(int pos) {
        return laneX(lane(trace.events().get(pos))) + barStrip();
    }

    int boxW() {
        return LANE_W - barStrip();
    }

    /** How many characters of event text fit in a box. */
    int boxChars() {
        return (int) ((boxW() - 16) / CHAR_W);
    }

    /** The last row a hold covers: its release, or the last row of the trace. */
    int end(LockHolds.Hold h) {
        return h.to() < 0 ? trace.events().size() - 1 : h.to();
    }

    int width() {
        return laneX(lanes()) - GAP + 20;
    }

    int height() {
        return rowY(trace.events().size()) + 16;
    }

    /** The distinct lock names in order of first use: the colour order of the legend. */
    List<String> locks() {
        List<String> out = new ArrayList<>();
        for (LockHolds.Hold h : holds) {
            if (!out.contains(h.lock())) {
                out.add(h.lock());
            }
        }
        return out;
    }
}
