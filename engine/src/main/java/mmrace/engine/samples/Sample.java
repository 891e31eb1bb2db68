package mmrace.engine.samples;

import mmrace.engine.exec.Program;
import mmrace.engine.explore.Verdict;

/**
 * A built-in program with the verdict exploring it must give and, for exhaustive DPOR, the
 * exact number of executions (0 if not pinned).
 */
public record Sample(String name, String summary, Program program, Verdict expected, long executions) {
}
