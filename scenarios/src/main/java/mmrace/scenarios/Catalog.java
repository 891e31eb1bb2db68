package mmrace.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and parses scenario files: one file, or every {@code *.mm} under a directory (sorted,
 * so tables come out in the same order). {@code races/pending/} holds scenarios whose entry
 * points the model lacks yet; {@link #all} leaves it out.
 */
public final class Catalog {
    /** The folder of scenarios waiting for kernel paths; never part of {@code check --all}. */
    public static final String PENDING = "pending";

    private Catalog() {
    }

    /** The scenario files at {@code path}, parsed; {@code shown} is how paths are printed. */
    public static List<Ast.Scenario> load(Path path) throws ScenarioError {
        List<Ast.Scenario> out = new ArrayList<>();
        for (Path f : files(path, false)) {
            out.add(parse(f));
        }
        return out;
    }

    /** The whole catalog under {@code racesDir}, without {@code pending/}. */
    public static List<Ast.Scenario> all(Path racesDir) throws ScenarioError {
        List<Ast.Scenario> out = new ArrayList<>();
        for (Path f : files(racesDir, true)) {
            out.add(parse(f));
        }
        return out;
    }

    /** Every run of {@code scenarios}, in order. */
    public static List<ScenarioRun> runs(List<Ast.Scenario> scenarios) {
        List<ScenarioRun> out = new ArrayList<>();
        for (Ast.Scenario s : scenarios) {
            for (Ast.RunDecl r : s.runs()) {
                out.add(new ScenarioRun(s, r));
            }
        }
        return out;
    }

    public static Ast.Scenario parse(Path f) throws ScenarioError {
        String shown = f.toString().replace('\\', '/');
        try {
            return Parser.parse(shown, Files.readString(f));
        } catch (IOException e) {
            throw new ScenarioError(shown, 1, 1, "cannot read: " + e.getMessage());
        }
    }

    private static List<Path> files(Path path, boolean skipPending) throws ScenarioError {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new ScenarioError(path.toString(), 1, 1, "no such file or directory");
            }
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(p -> p.toString().endsWith(".mm"))
                    .filter(p -> !skipPending || !path.relativize(p).startsWith(PENDING))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
