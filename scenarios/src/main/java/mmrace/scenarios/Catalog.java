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

    /** The scenario files at {@code path} (a file, or every {@code *.mm} below a folder), parsed. */
    public static List<Ast.Scenario> load(Path path) throws ScenarioError {
        List<Ast.Scenario> out = new ArrayList<>();
        for (Path f : files(path, false)) {
            out.add(parse(f));
        }
        return out;
    }

    /**
     * The whole catalog: every scenario under {@code root/races}, without {@code pending/}, its
     * path shown relative to {@code root} ({@code races/seeds/s003-....mm}).
     */
    public static List<Ast.Scenario> all(Path root) throws ScenarioError {
        List<Ast.Scenario> out = new ArrayList<>();
        Path races = root.resolve(RACES);
        for (Path f : files(races, true)) {
            out.add(parse(f, root.relativize(f).toString().replace('\\', '/')));
        }
        return out;
    }

    /** The catalog's folder, below the repository root. */
    public static final String RACES = "races";

    /**
     * The repository root holding {@code races/}: {@code start} or its nearest ancestor that has
     * one, or null.
     */
    public static Path findRoot(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(RACES))) {
                return p;
            }
        }
        return null;
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
        return parse(f, f.toString().replace('\\', '/'));
    }

    /** Parses {@code f}, naming it {@code shown} in errors, tables and replay keys. */
    public static Ast.Scenario parse(Path f, String shown) throws ScenarioError {
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
