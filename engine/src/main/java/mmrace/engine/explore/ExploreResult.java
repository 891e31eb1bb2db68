package mmrace.engine.explore;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What an exploration found and how far it got.
 *
 * @param executions executions run to their end (abandoned ones not counted)
 * @param abandoned executions cut short because they could only repeat explored behaviour
 * @param events events executed over all executions (each one a scheduling point)
 * @param complete whether the strategy covered its whole space (false when stopped early)
 * @param stoppedBy why it stopped before the end: "budget", "max-executions", "interrupted", or null
 * @param counterexample the bug's execution, or null
 * @param otherFindings non-fatal findings (lock order) seen in other executions, one per check
 * @param finalStates distinct final states of complete executions, when asked for
 */
public record ExploreResult(Verdict verdict, StrategyKind strategy, long executions, long abandoned, long events,
                            Duration time, boolean complete, String stoppedBy, Counterexample counterexample,
                            List<Counterexample> otherFindings, Set<String> finalStates) {
    public double executionsPerSecond() {
        double s = time.toNanos() / 1e9;
        return s == 0 ? 0 : executions / s;
    }

    public double eventsPerSecond() {
        double s = time.toNanos() / 1e9;
        return s == 0 ? 0 : events / s;
    }
}
