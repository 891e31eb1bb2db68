package mmrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mmrace.engine.trace.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --json} then {@code report}: the report is rendered from the file alone and
 * prints what {@code check} printed, byte for byte; damaged files are bad input (exit 2) that
 * name the file and line.
 */
class ReportCommandTest {
    @TempDir
    Path dir;

    /** Exit code and standard output of one command line. */
    record Out(int code, String out, String err) {
    }

    static Out mmrace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Out(code, out.toString(), err.toString());
    }

    @Test
    void reportPrintsWhatCheckPrinted() throws Exception {
        Path jsonl = dir.resolve("r.jsonl");
        Out check = mmrace("check", "abba", "uaf", "uaf-call-rcu", "--json", jsonl.toString());
        assertEquals(Main.OK, check.code(), check.err());
        assertEquals(check.out(), mmrace("report", jsonl.toString(), "--format", "diagram").out());
        Out quiet = mmrace("check", "abba", "uaf", "uaf-call-rcu", "-q");
        Out text = mmrace("report", jsonl.toString());
        assertEquals(Main.OK, text.code());
        // Times differ from one run to the next; everything else is the same text.
        assertEquals(quiet.out().replaceAll(" *\\d+ ms", " T"), text.out().replaceAll(" *\\d+ ms", " T"));
    }

    @Test
    void everyRecordIsOneVersionedJsonObjectPerLine() throws Exception {
        Path jsonl = dir.resolve("r.jsonl");
        mmrace("check", "abba", "abba-fixed", "--json", jsonl.toString());
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(2, lines.size());
        for (String l : lines) {
            @SuppressWarnings("unchecked")
            var m = (java.util.Map<String, Object>) JsonReader.parse(l);
            assertEquals(ResultRecord.FORMAT, m.get("format"));
            for (String k : List.of("target", "arch", "variant", "strategy", "verdict", "executions", "timeMs",
                    "asExpected", "otherFindings")) {
                assertTrue(m.containsKey(k), k + " in " + l);
            }
        }
        assertTrue(lines.get(0).contains("\"replay\":\"abba;sc;consolidated;"), "the bug's replay string");
        assertTrue(lines.get(0).contains("\"check\":\"deadlock\""));
        assertTrue(lines.get(0).contains("\"events\":[{"), "the counterexample's events");
    }

    @Test
    void htmlGoesToTheOutputFile() throws Exception {
        Path jsonl = dir.resolve("r.jsonl");
        mmrace("check", "uaf", "--json", jsonl.toString(), "--html", dir.resolve("from-check.html").toString());
        Path html = dir.resolve("out/report.html");
        Out r = mmrace("report", jsonl.toString(), "--format", "html", "-o", html.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals("", r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("<svg class=\"timeline\""));
        assertTrue(page.contains("from r.jsonl"));
        assertEquals(page.replace("from r.jsonl", "").replaceAll(" *\\d+ ms", " T"),
                Files.readString(dir.resolve("from-check.html")).replace("from mmrace check", "").replaceAll(" *\\d+ ms", " T"));
    }

    @Test
    void aMismatchInTheFileIsExitCodeOne() throws Exception {
        Path jsonl = dir.resolve("r.jsonl");
        mmrace("check", "uaf", "--json", jsonl.toString());
        Files.writeString(jsonl, Files.readString(jsonl).replace("\"asExpected\":true", "\"asExpected\":false"));
        Out r = mmrace("report", jsonl.toString());
        assertEquals(Main.BUG, r.code());
        assertTrue(r.out().contains("MISMATCH"));
    }

    @Test
    void badFilesAreBadInputNamingFileAndLine() throws Exception {
        Path jsonl = dir.resolve("r.jsonl");
        mmrace("check", "abba", "uaf", "--json", jsonl.toString());
        List<String> lines = Files.readAllLines(jsonl);
        // A run killed while writing its record: the second line is cut short.
        Files.writeString(jsonl, lines.get(0) + "\n\n" + lines.get(1).substring(0, 100) + "\n");
        Out r = mmrace("report", jsonl.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("r.jsonl:3: bad JSON"), r.err());

        Files.writeString(jsonl, "{\"format\":\"mmrace-result/9\",\"target\":\"x\"}\n");
        r = mmrace("report", jsonl.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("r.jsonl:1: unknown record format 'mmrace-result/9'"), r.err());

        Files.writeString(jsonl, lines.get(0).replace("\"verdict\":\"BUG\"", "\"verdict\":7") + "\n");
        r = mmrace("report", jsonl.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("r.jsonl:1: record.verdict should be a string"), r.err());

        r = mmrace("report", dir.resolve("missing.jsonl").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("no such results file"), r.err());

        r = mmrace("report", jsonl.toString(), "--format", "pdf");
        assertEquals(Main.BAD_INPUT, r.code());
    }

    @Test
    void blankLinesAreSkippedAndAnEmptyFileIsAnEmptyReport() throws Exception {
        Path jsonl = dir.resolve("empty.jsonl");
        Files.writeString(jsonl, "\n  \n");
        Out r = mmrace("report", jsonl.toString());
        assertEquals(Main.OK, r.code());
        assertTrue(r.out().contains("0 runs, 0 as expected, 0 not"));
    }
}
