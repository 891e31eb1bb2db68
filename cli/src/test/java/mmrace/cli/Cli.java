package mmrace.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Runs the {@code mmrace} command line in-process, and finds the files the tests need. */
final class Cli {
    /** What one command printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** The repository's root: the directory above the working directory holding the parent pom and docs/. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("cli"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * The kernel's litmus tests: {@code -Dmmrace.litmus.kernel=DIR}, else {@code shared/litmus/kernel}
     * found beside the repository (or above it).
     */
    static Optional<Path> kernelLitmus() {
        String prop = System.getProperty("mmrace.litmus.kernel");
        if (prop != null) {
            return Optional.of(Path.of(prop));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared/litmus/kernel");
            if (Files.isRegularFile(c.resolve("EXPECTED.tsv"))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
