package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;

/** Wraps a strategy's chooser to remember the schedule, for printing and replay. */
final class RecordingChooser implements Chooser {
    private final Chooser inner;
    private final List<Integer> choices = new ArrayList<>();
    private final List<int[]> enabledSets = new ArrayList<>();

    RecordingChooser(Chooser inner) {
        this.inner = inner;
    }

    @Override
    public Proc choose(Execution x, List<Proc> enabled) {
        Proc p = inner.choose(x, enabled);
        if (p != null) {
            choices.add(p.index);
            int[] en = new int[enabled.size()];
            for (int i = 0; i < en.length; i++) {
                en[i] = enabled.get(i).index;
            }
            enabledSets.add(en);
        }
        return p;
    }

    int[] choices() {
        return choices.stream().mapToInt(Integer::intValue).toArray();
    }

    int preemptions() {
        return Schedule.preemptions(choices(), enabledSets);
    }
}
