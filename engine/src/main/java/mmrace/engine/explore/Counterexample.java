package mmrace.engine.explore;

import java.util.List;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Finding;

/**
 * An execution worth showing: the bug's execution with its schedule string (enough to replay
 * it) and how many preemptions it has.
 */
public record Counterexample(Execution execution, String schedule, int preemptions) {
    public List<Finding> findings() {
        return execution.findings();
    }

    /** The first fatal finding, or the first finding if none is fatal. */
    public Finding mainFinding() {
        for (Finding f : execution.findings()) {
            if (f.kind().fatal) {
                return f;
            }
        }
        return execution.findings().isEmpty() ? null : execution.findings().get(0);
    }
}
