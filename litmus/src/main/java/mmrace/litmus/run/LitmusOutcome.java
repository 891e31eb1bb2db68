package mmrace.litmus.run;

import java.time.Duration;
import mmrace.litmus.herd.HerdResult;

/**
 * What running one test gave: herd7's result, and how much exploring it took.
 *
 * @param herd       the result to print with {@link mmrace.litmus.herd.HerdPrinter}
 * @param executions distinct candidate executions the model allows (herd7's count: the
 *                   positive and negative ones plus those the filter removed)
 * @param runs       executions of the program the explorer ran, inconsistent and repeated ones
 *                   included (the explorer's own cost)
 * @param time       wall time of the exploration
 */
public record LitmusOutcome(HerdResult herd, long executions, long runs, Duration time) {
}
