package mmrace.engine.explore;

import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Execution;

/**
 * A way of choosing executions one after another. The contract each implementation documents:
 * whether it is deterministic (same program, same options: same executions in the same order)
 * and what running out of executions promises about coverage.
 */
public interface Strategy {
    /** The chooser for the next execution; null once there is nothing left to run. */
    Chooser next();

    /** Told how the execution it chose for ended, before {@link #next} is asked again. */
    void finished(Execution x);

    /**
     * True once the strategy has covered its whole space: every behaviour within the program's
     * bounds has been run. Only then may a verdict say VERIFIED.
     */
    boolean covered();

    /** The fraction of the space covered so far, in [0, 1], or -1 if unknown. */
    double progress();

    /**
     * The settings every execution of this strategy runs with: a strategy that steers more than
     * the schedule (a weak memory model's choices of values) binds the memory model to itself.
     */
    default mmrace.engine.exec.ExecConfig configure(mmrace.engine.exec.ExecConfig c) {
        return c;
    }

    /**
     * The replay string of the execution that just ran, from its schedule: enough, with the
     * program and options, to run it again ({@link Schedule}'s form unless the strategy made
     * other choices too).
     */
    default String schedule(int[] choices) {
        return Schedule.encode(choices);
    }
}
