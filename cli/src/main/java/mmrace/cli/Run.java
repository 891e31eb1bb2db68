package mmrace.cli;

import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Program;
import mmrace.engine.explore.Verdict;

/**
 * One run of a check target: a program under one configuration (arch, variant, RCU flavour),
 * with the verdict it must reach (null if the user gave none) and, for exhaustive runs, the
 * exact execution count it must explore (0 if not pinned).
 *
 * @param target the name of what is checked (a built-in program, a scenario file)
 * @param label the configuration, e.g. {@code arm64/v5.6}; empty for a single-run target
 * @param replayKey what {@code mmrace replay} needs to find this run again
 * @param arch the architecture this run models, or null where that does not apply (built-in programs)
 * @param variant the named variant of the kernel code it runs, or null where there is none
 * @param expectedCheck the check a BUG must fail (null: any)
 */
public record Run(String target, String label, String replayKey, Program program, ExecConfig config,
                  Verdict expected, long expectedExecutions, String arch, String variant,
                  String expectedCheck) {
    /** A run of something with no arch or variant, such as a built-in program. */
    public Run(String target, String label, String replayKey, Program program, ExecConfig config, Verdict expected,
               long expectedExecutions) {
        this(target, label, replayKey, program, config, expected, expectedExecutions, null, null, null);
    }

    public String title() {
        return label.isEmpty() ? target : target + " [" + label + "]";
    }
}
