package mmrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, error messages, replay round-trip. */
class CliTest {
    record Out(int code, String out, String err) {
    }

    static Out run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Out(code, out.toString(), err.toString());
    }

    @Test
    void checkPrintsVerdictDiagramAndReplayString() {
        Out o = run("check", "abba");
        assertEquals(0, o.code(), "BUG was expected, so the check passes: " + o);
        assertTrue(o.out().contains("expected BUG"), o.out());
        assertTrue(o.out().contains("==> DEADLOCK [deadlock]"), o.out());
        assertTrue(o.out().contains("--> LOCK_ORDER [lock-order]"), o.out());
        assertTrue(o.out().contains("replay: mmrace replay 'abba;sc;consolidated;"), o.out());
    }

    @Test
    void replayPrintsTheSameTraceByteForByte() {
        Out check = run("check", "uaf");
        String out = check.out();
        int start = out.indexOf("\nCPU0") + 1;
        int end = out.indexOf("replay: ");
        String diagram = out.substring(start, end);
        String replay = out.substring(end + "replay: mmrace replay '".length(), out.indexOf("'", end + 24));
        Out again = run("replay", replay);
        assertEquals(1, again.code(), "a replayed BUG exits 1");
        assertEquals(diagram, again.out());
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        Out unknown = run("check", "no-such-target");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("mmrace: unknown target 'no-such-target'; valid names: abba"), unknown.err());
        assertFalse(unknown.err().contains("Exception"), unknown.err());
        assertEquals(2, run("check", "abba", "--strategy", "bogus").code());
        assertEquals(2, run("check", "abba", "--budget", "ten").code());
        assertEquals(2, run("replay", "abba;sc;consolidated;0*x").code());
        assertEquals(2, run("replay", "garbage").code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("check").code());
    }

    @Test
    void unexpectedVerdictExitsOne() {
        Out o = run("check", "abba-fixed", "--max-executions", "1");
        assertEquals(1, o.code(), o.out());
        assertTrue(o.out().contains("got NO BUG FOUND"), o.out());
        assertTrue(o.out().contains("MISMATCH (stopped: max-executions)"), o.out());
    }

    @Test
    void jsonLinesRecordPerRun(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.jsonl");
        assertEquals(0, run("check", "abba", "abba-fixed", "--json", f.toString(), "-q").code());
        var lines = Files.readAllLines(f);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"verdict\":\"BUG\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"verdict\":\"VERIFIED\""), lines.get(1));
    }

    @Test
    void versionAndList() {
        assertEquals(0, run("--version").code());
        Out l = run("list");
        assertTrue(l.out().contains("readers-8"), l.out());
    }
}
