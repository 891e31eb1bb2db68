package mmrace.engine.explore;

import java.util.List;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;

/** Follows a recorded schedule exactly; a choice that is not enabled is a bad schedule. */
public final class ReplayChooser implements Chooser {
    private final int[] choices;
    private int step;
    private String error;

    public ReplayChooser(int[] choices) {
        this.choices = choices;
    }

    @Override
    public Proc choose(Execution x, List<Proc> enabled) {
        if (step >= choices.length) {
            error = "the schedule ends after " + choices.length + " steps but the execution goes on";
            return null;
        }
        int want = choices[step++];
        for (Proc p : enabled) {
            if (p.index == want) {
                return p;
            }
        }
        error = "step " + step + " of the schedule picks context " + want + ", which cannot run there";
        return null;
    }

    /** Why the replay stopped early, or null if it followed the schedule to the end. */
    public String error() {
        if (error == null && step < choices.length) {
            return "the execution ended after " + step + " of the schedule's " + choices.length + " steps";
        }
        return error;
    }
}
