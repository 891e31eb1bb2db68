package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/guide/functions.md lists every kernel function the model follows, with the kernel file
 * and version, taken from the {@code @see FILE FUNCTION() (VERSION)} line of each Javadoc, so
 * the list cannot drift from the code. Regenerate with {@code -Dmmrace.docs.update=true}.
 */
class FunctionListDocTest {
    private static final Path DOC = Path.of("..", "docs", "guide", "functions.md");
    private static final Pattern SEE = Pattern.compile(
            "@see ((?:[a-z0-9_]+/)*[a-z0-9_]+\\.[ch]) ([^.(]*\\(\\)(?:[ ,]+(?:[a-z0-9_/]+\\.[ch] )?[A-Za-z_0-9]+\\(\\))*)(?: \\(([^)]+)\\))?");

    @Test
    void functionListMatchesTheJavadoc() throws IOException {
        TreeSet<String> rows = new TreeSet<>();
        for (Path root : List.of(Path.of("src", "main", "java"), Path.of("..", "engine", "src", "main", "java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = SEE.matcher(Files.readString(f));
                    while (m.find()) {
                        String version = m.group(3) == null ? "see the class" : m.group(3);
                        rows.add("| `" + m.group(1) + "` | " + m.group(2).trim() + " | " + version + " | `"
                                + f.getFileName().toString().replace(".java", "") + "` |");
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add("# Kernel functions the model follows");
        out.add("");
        out.add("Generated from the `@see` line of each modelled function's Javadoc by");
        out.add("`kernel/src/test/java/mmrace/kernel/FunctionListDocTest.java` (which fails when this page");
        out.add("is stale; regenerate with `mvn -B -pl kernel test -Dtest=FunctionListDocTest -Dmmrace.docs.update=true`).");
        out.add("");
        out.add("| kernel file | function(s) | version | class |");
        out.add("|---|---|---|---|");
        out.addAll(rows);
        String text = String.join("\n", out) + "\n";
        if (Boolean.getBoolean("mmrace.docs.update")) {
            Files.writeString(DOC, text);
        }
        assertEquals(text, Files.readString(DOC), "docs/guide/functions.md is stale");
    }
}
