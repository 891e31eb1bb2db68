package mmrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.samples.Sample;
import mmrace.engine.samples.Samples;
import mmrace.scenarios.Ast;
import mmrace.scenarios.Catalog;
import mmrace.scenarios.ScenarioError;
import mmrace.scenarios.ScenarioRun;

/**
 * Finds the runs a command line names: a scenario file, a folder of them, or a built-in engine
 * program by name. {@code --all} is the catalog under {@code races/} (found from the current
 * directory upwards, or {@code -Dmmrace.root}) plus the built-in programs. A target that is not
 * found, or a scenario file with a mistake, is bad input: one line, exit 2.
 */
final class Targets {
    private Targets() {
    }

    /** Every run of the whole catalog ({@code check --all}): the scenarios, then the built-in programs. */
    static List<Run> all(ExecConfig base) throws BadInput {
        List<Run> runs = new ArrayList<>();
        Path root = root();
        if (root != null) {
            runs.addAll(scenarioRuns(load(() -> Catalog.all(root)), base));
        }
        for (Sample s : Samples.all()) {
            runs.add(builtin(s, base));
        }
        return runs;
    }

    /** The scenarios of the catalog, for {@code list}; empty if no {@code races/} is found. */
    static List<Ast.Scenario> catalog() throws BadInput {
        Path root = root();
        return root == null ? List.of() : load(() -> Catalog.all(root));
    }

    /** The runs of one named target. */
    static List<Run> resolve(String name, ExecConfig base) throws BadInput {
        for (Sample s : Samples.all()) {
            if (s.name().equals(name)) {
                return List.of(builtin(s, base));
            }
        }
        Path p = scenarioPath(name);
        if (p != null) {
            return scenarioRuns(load(() -> Catalog.load(p)), base);
        }
        throw new BadInput("unknown target '" + name + "'; valid names: " + String.join(", ", names())
                + ", or a scenario file or folder");
    }

    /** Finds a run again from its replay key: a built-in name, or {@code path#arch/variants}. */
    static Run byReplayKey(String key, ExecConfig base) throws BadInput {
        int hash = key.indexOf('#');
        for (Run r : resolve(hash < 0 ? key : key.substring(0, hash), base)) {
            if (r.replayKey().equals(key) || hash >= 0 && r.label().equals(key.substring(hash + 1))) {
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

    private static List<Run> scenarioRuns(List<Ast.Scenario> scenarios, ExecConfig base) {
        List<Run> runs = new ArrayList<>();
        for (ScenarioRun r : Catalog.runs(scenarios)) {
            runs.add(new Run(r.scenario().path(), r.label(), r.replayKey(), r.world(), r.config(base), r.expected(),
                    r.expectedExecutions(), r.decl().arch(), r.decl().variantColumn(), r.expectedCheck()));
        }
        return runs;
    }

    /** A path as given, or relative to the repository root (replay keys name catalog files that way). */
    private static Path scenarioPath(String name) {
        Path p = Path.of(name);
        if (Files.exists(p)) {
            return p;
        }
        Path root = root();
        if (root != null && Files.exists(root.resolve(name))) {
            return root.resolve(name);
        }
        return name.endsWith(".mm") ? p : null;
    }

    private static Path root() {
        String given = System.getProperty("mmrace.root");
        return given != null ? Path.of(given) : Catalog.findRoot(Path.of(""));
    }

    /** Loading that may meet a scenario error. */
    private interface Load {
        List<Ast.Scenario> get() throws ScenarioError;
    }

    private static List<Ast.Scenario> load(Load l) throws BadInput {
        try {
            return l.get();
        } catch (ScenarioError e) {
            throw new BadInput(e.getMessage());
        }
    }
}
