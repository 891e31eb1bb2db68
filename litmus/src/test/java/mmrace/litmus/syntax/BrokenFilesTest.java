package mmrace.litmus.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code src/test/resources/broken/NAME.litmus} must fail with exactly the diagnostic in
 * {@code NAME.err} ({@code FILE:LINE:COLUMN: error: what}), the file being named
 * {@code broken/NAME.litmus}. The list of cases is in {@code broken/INDEX}.
 */
class BrokenFilesTest {

    @Test
    void everyCaseIsListed() throws IOException {
        assertEquals(35, cases().size(), "a case was added or lost: update broken/INDEX and this count");
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenFileFailsWithItsMessage() throws IOException {
        return cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String file = "broken/" + name + ".litmus";
            String text = read("/" + file);
            String expected = read("/broken/" + name + ".err").strip();
            LitmusSyntaxException e = assertThrows(LitmusSyntaxException.class, () -> LitmusParser.parse(file, text));
            assertEquals(expected, e.getMessage());
            assertEquals(file + ":" + e.getLine() + ":" + e.getColumn() + ": error: " + e.getReason(), e.getMessage());
            assertEquals(file, e.getFile());
            assertTrue(e.getLine() >= 1 && e.getColumn() >= 1);
        }));
    }

    private static List<String> cases() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : read("/broken/INDEX").split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = BrokenFilesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
