package mmrace.litmus.syntax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kernel's litmus tests in {@code shared/litmus/kernel/}, found by walking up from the
 * working directory (the repository is a clone with {@code shared/} beside it).
 */
public final class KernelCorpus {

    /** One row of {@code EXPECTED.tsv}. */
    public record Entry(Path file, String relative, String expected, Set<String> primitives) {
    }

    private KernelCorpus() {
    }

    /** {@return the {@code shared/litmus/kernel} directory, if there is one above the working directory} */
    public static Optional<Path> directory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/litmus/kernel");
            if (Files.isRegularFile(candidate.resolve("EXPECTED.tsv"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@return the rows of {@code EXPECTED.tsv}} */
    public static List<Entry> entries(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("EXPECTED.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t");
            out.add(new Entry(dir.resolve(cols[0]), cols[0], cols[1],
                    new TreeSet<>(Arrays.asList(cols[2].split(",")))));
        }
        return out;
    }
}
