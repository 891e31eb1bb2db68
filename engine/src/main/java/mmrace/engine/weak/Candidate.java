package mmrace.engine.weak;

import mmrace.engine.exec.Execution;
import mmrace.engine.graph.ExecutionGraph;
import mmrace.engine.graph.Verdict;
import mmrace.engine.mem.Loc;

/**
 * One candidate execution a weak model allows: what herd7 counts as an execution. Each run of
 * the program under a weak model that the model allows gives one.
 *
 * @param execution the run (its registers and status; its memory gives final values)
 * @param graph the execution graph the model checked
 * @param verdict the model's verdict: allowed, with its flags (LKMM's data-race ...)
 * @param key the candidate's identity: equal keys are the same candidate execution
 */
public record Candidate(Execution execution, ExecutionGraph graph, Verdict verdict, String key) {
    /** Whether every context ran to its end (no bug, no deadlock stopped it). */
    public boolean complete() {
        return execution.status() == null || execution.status() == Execution.Status.COMPLETE;
    }

    /** The final value of a location: its coherence-last write's. */
    public long finalValue(Loc loc) {
        return execution.memory().peek(loc);
    }
}
