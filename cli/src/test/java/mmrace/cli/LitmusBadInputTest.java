package mmrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Broken litmus files through the command line: each prints its diagnostic
 * {@code FILE:LINE:COLUMN: error: what} on stderr (and nothing else there: no stack trace),
 * the run goes on with the other files, the summary counts it as bad input and the exit code
 * is 2. The cases are the litmus module's {@code broken/} files (syntax errors, unknown
 * primitives, undeclared variables and registers, malformed conditions ...) plus a test that
 * parses but cannot run.
 */
class LitmusBadInputTest {
    private static final Path BROKEN = Cli.repositoryRoot().resolve("litmus/src/test/resources/broken");

    @TestFactory
    Stream<DynamicTest> eachBrokenFileIsReportedWithItsPosition() throws IOException {
        List<String> cases = new ArrayList<>();
        for (String l : Files.readAllLines(BROKEN.resolve("INDEX"))) {
            if (!l.isBlank()) {
                cases.add(l.strip());
            }
        }
        assertEquals(35, cases.size());
        return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path file = BROKEN.resolve(name + ".litmus");
            String want = Files.readString(BROKEN.resolve(name + ".err")).strip()
                    .replace("broken/" + name + ".litmus", file.toString());
            assertBad(Cli.run("litmus", file.toString()), want);
        }));
    }

    /** The kinds of mistakes the issue names, each with its exact message. */
    @Test
    void theNamedKindsOfMistakes() {
        assertBad(run("missing-semicolon"), ":10:2: error: expected ';' after the assignment, found 'WRITE_ONCE'");
        assertBad(run("unknown-primitive"), ":8:2: error: unknown primitive 'smp_store_relase' (not in "
                + "linux-kernel.def); did you mean 'smp_store_release'?");
        assertBad(run("undeclared-local"), ":7:17: error: 'r0' is not declared in P0: declare a local ('int r0;') "
                + "or add a parameter ('int *r0')");
        assertBad(run("condition-unknown-register"), ":17:19: error: '1:r0' in the condition: P1 has no local or "
                + "parameter named 'r0'");
        assertBad(run("condition-unclosed"), ":13:1: error: expected ')', '/\\' or '\\/', found end of file");
    }

    @Test
    void aTestThatCannotRunIsBadInputToo() throws URISyntaxException, IOException {
        Path file = resource("deref-integer.litmus");
        String want = Files.readString(resource("deref-integer.err")).strip()
                .replace("deref-integer.litmus", file.toString());
        assertBad(Cli.run("litmus", file.toString()), want);
    }

    @Test
    void goodFilesStillRunBesideABrokenOne() throws URISyntaxException {
        Path good = resource("while-unrolled.litmus");
        Cli.Result r = Cli.run("litmus", BROKEN.resolve("wrong-arity.litmus").toString(), good.toString());
        assertEquals(Main.BAD_INPUT, r.exitCode());
        assertTrue(r.out().contains("Observation while-unrolled "), r.out());
        assertTrue(r.out().contains("Summary: 1 tests (lkmm): 1 as their Result: says, 0 not, 0 without Result:, "
                + "1 bad input;"), r.out());
        assertTrue(r.err().startsWith(BROKEN.resolve("wrong-arity.litmus") + ":"), r.err());
    }

    @Test
    void badOptionsAndMissingFiles() {
        Cli.Result r = Cli.run("litmus", "--model", "arm", "x.litmus");
        assertEquals(Main.BAD_INPUT, r.exitCode());
        assertEquals("mmrace: unknown memory model 'arm'; valid: lkmm, tso, sc, alpha, alpha-4.15", r.err().strip());
        r = Cli.run("litmus", "no-such-file.litmus");
        assertEquals(Main.BAD_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("no-such-file.litmus: error: cannot read the file"), r.err());
        r = Cli.run("litmus");
        assertEquals(Main.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("Missing required parameter"), r.err());
    }

    private static Cli.Result run(String broken) {
        return Cli.run("litmus", BROKEN.resolve(broken + ".litmus").toString());
    }

    private static void assertBad(Cli.Result r, String message) {
        assertEquals(Main.BAD_INPUT, r.exitCode(), r.out() + r.err());
        String err = r.err().strip();
        assertTrue(err.endsWith(message), "got: " + err + "\nwant: ..." + message);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("    at "), err);
        assertTrue(r.out().strip().startsWith("Summary: 0 tests"), r.out());
        assertTrue(r.out().contains(" 1 bad input;"), r.out());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LitmusBadInputTest.class.getResource("/litmus/" + name).toURI());
    }
}
