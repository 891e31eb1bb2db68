package mmrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mmrace.scenarios.Registry;
import org.junit.jupiter.api.Test;

/**
 * Scenario files through the command line: a broken file is one line on stderr with
 * file:line:column and exit 2, never a stack trace; a scenario's BUG prints its diagram and a
 * replay string that {@code replay} finds again; {@code list} shows the catalog.
 */
class ScenarioCliTest {
    static final Path BROKEN = Path.of("src", "test", "resources", "broken");

    record Out(int code, String out, String err) {
    }

    static Out run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Out(code, out.toString(), err.toString());
    }

    /** Each broken file says on its first line ({@code # error: LINE:COL: MESSAGE}) what the CLI must print. */
    @Test
    void brokenScenariosExitTwoWithThePositionAndTheValidNames() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(BROKEN)) {
            files = s.filter(p -> p.toString().endsWith(".mm")).sorted().toList();
        }
        assertEquals(10, files.size(), "broken scenario files");
        for (Path f : files) {
            String first = Files.readAllLines(f).get(0);
            String want = first.substring("# error: ".length())
                    .replace("<VARIANTS>", variants())
                    .replace("<CONSTANTS>", String.join(", ", Registry.CONSTANTS.keySet()));
            Out o = run("check", f.toString());
            assertEquals(2, o.code(), f + ": " + o);
            assertEquals("mmrace: " + f + ":" + want + System.lineSeparator(), o.err(), f.toString());
            assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
        }
    }

    private static String variants() {
        StringBuilder sb = new StringBuilder("default");
        for (var axis : mmrace.kernel.variant.Variants.axes()) {
            for (var c : mmrace.kernel.variant.Variants.constants(axis)) {
                sb.append(", ").append(mmrace.kernel.variant.Variants.axisName(axis)).append('=').append(c.id());
            }
        }
        return sb.toString();
    }

    @Test
    void aMissingScenarioFileIsBadInput() {
        Out o = run("check", "no/such/file.mm");
        assertEquals(2, o.code());
        assertEquals("mmrace: no/such/file.mm:1:1: no such file or directory" + System.lineSeparator(), o.err());
    }

    @Test
    void aScenarioBugPrintsItsDiagramAndAReplayStringThatReplaysIt() {
        Out o = run("check", "../races/model/read-vs-munmap.mm");
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().contains("==> CHECK [stale-tlb]"), o.out());
        int end = o.out().indexOf("replay: ");
        String replay = o.out().substring(end + "replay: mmrace replay '".length(), o.out().indexOf("'", end + 24));
        assertTrue(replay.startsWith("../races/model/read-vs-munmap.mm#x86/ZapFlush=counterfactual-free-before-flush;"),
                replay);
        int start = o.out().lastIndexOf("\nCPU0", end) + 1;
        Out again = run("replay", replay);
        assertEquals(1, again.code(), again.toString());
        assertEquals(o.out().substring(start, end), again.out());
    }

    @Test
    void anUnexpectedVerdictExitsOne() throws Exception {
        Path f = Files.createTempFile("wrong", ".mm");
        Files.writeString(f, Files.readString(Path.of("../races/model/read-vs-munmap.mm"))
                .replace("run x86   default                                   expect VERIFIED",
                        "run x86 default expect BUG"));
        Out o = run("check", "-q", f.toString());
        assertEquals(1, o.code(), o.toString());
        assertTrue(o.out().contains("MISMATCH"), o.out());
        Files.delete(f);
    }

    /** Two runs that differ only by a run's own {@code rcu F} must not look alike in the table. */
    @Test
    void theVariantColumnShowsARunsRcuOverride() {
        Out o = run("check", "-q", "../races/seeds/s002-isolate-vs-truncate.mm");
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().contains(" IsolateDirty=4.15 rcu=consolidated "), o.out());
        assertTrue(o.out().contains(" IsolateDirty=4.15 "), o.out());
    }

    @Test
    void listShowsTheCatalog() {
        Out o = run("list");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("races/seeds/s001-page-lock-anon-vma.mm"), o.out());
        assertTrue(o.out().contains("arm64/PageLockAnonVma=2.6.34-rc,AnonVmaImpl=2.6.34"), o.out());
        assertFalse(o.out().contains("pending"), o.out());
    }
}
