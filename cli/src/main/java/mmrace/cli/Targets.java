package mmrace.cli;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.samples.Sample;
import mmrace.engine.samples.Samples;

/**
 * Finds the runs a command line names. Today: the engine's built-in programs by name. A target
 * that is not found is bad input, reported with the list of valid names.
 */
final class Targets {
    private Targets() {
    }

    /** Every run of the whole catalog ({@code check --all}). */
    static List<Run> all(ExecConfig base) {
        List<Run> runs = new ArrayList<>();
        for (Sample s : Samples.all()) {
            runs.add(builtin(s, base));
        }
        return runs;
    }

    /** The runs of one named target. */
    static List<Run> resolve(String name, ExecConfig base) throws BadInput {
        for (Sample s : Samples.all()) {
            if (s.name().equals(name)) {
                return List.of(builtin(s, base));
            }
        }
        throw new BadInput("unknown target '" + name + "'; valid names: " + String.join(", ", names()));
    }

    /** Finds a run again from its replay key. */
    static Run byReplayKey(String key, ExecConfig base) throws BadInput {
        for (Run r : resolve(key, base)) {
            if (r.replayKey().equals(key)) {
                return r;
            }
        }
        throw new BadInput("no run '" + key + "'");
    }

    static List<String> names() {
        return Samples.all().stream().map(Sample::name).toList();
    }

    private static Run builtin(Sample s, ExecConfig base) {
        return new Run(s.name(), "", s.name(), s.program(), base, s.expected(), s.executions());
    }
}
