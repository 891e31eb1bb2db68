package mmrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mmrace.litmus.herd.Judge;
import org.junit.jupiter.api.Test;

/**
 * The conformance table: every test of the kernel's litmus suite ({@code shared/litmus/kernel},
 * listed with herd7's verdict in EXPECTED.tsv) goes through the real front end, {@code mmrace
 * litmus FILE} (parse, run on the engine under LKMM, print herd7's output), and its output is
 * judged as {@code judgelitmus.sh} judges it. Every test must agree: a disagreement, or a
 * missing suite, is a failure. The table is written to {@code target/litmus-conformance.md} and
 * to {@code docs/LITMUS.md}.
 */
class LitmusConformanceTest {
    record Row(String test, String expected, String ours, long executions, long runs, double ms, Judge.Outcome judged) {
    }

    @Test
    void everyKernelLitmusTestAgreesWithHerd() throws IOException {
        Path dir = Cli.kernelLitmus().orElseThrow(() -> new AssertionError(
                "shared/litmus/kernel/EXPECTED.tsv not found (set -Dmmrace.litmus.kernel=DIR)"));
        List<String> lines = Files.readAllLines(dir.resolve("EXPECTED.tsv"));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            Path file = dir.resolve(f[0]);
            String source = Files.readString(file, StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            Cli.Result r = Cli.run("litmus", file.toString());
            double ms = (System.nanoTime() - t0) / 1e6;
            String herd = r.out().substring(0, r.out().lastIndexOf("Summary:"));
            Judge.Outcome j = Judge.judge(source, herd);
            rows.add(new Row(name(f[0]), f[1], observation(herd), count(r.out(), " executions,"),
                    count(r.out(), " runs explored"), ms, j));
            assertEquals(Judge.expected(source).orElse(null), f[1], "EXPECTED.tsv and the test's Result: line");
            assertEquals("", r.err(), f[0]);
            assertEquals(Main.OK, r.exitCode(), f[0] + "\n" + r.out());
        }
        String table = table(rows);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/litmus-conformance.md"), table);
        Files.writeString(Cli.repositoryRoot().resolve("docs/LITMUS.md"), document(table, rows));
        assertEquals(47, rows.size(), "the kernel suite has 47 tests");
        for (Row row : rows) {
            assertEquals(Judge.Outcome.OK, row.judged(), row.test() + " expected " + row.expected() + ", got " + row.ours());
        }
        assertTrue(rows.stream().allMatch(x -> x.executions() > 0 || x.expected().equals("DEADLOCK")));
    }

    private static String name(String path) {
        String n = Path.of(path).getFileName().toString();
        return n.substring(0, n.length() - ".litmus".length());
    }

    private static String observation(String herd) {
        for (String l : herd.split("\n")) {
            if (l.startsWith("Observation ")) {
                String[] w = l.split(" ");
                return w[2] + " " + w[3] + " " + w[4];
            }
        }
        return "(none)";
    }

    /** The number before {@code label} in the summary line. */
    private static long count(String out, String label) {
        String s = out.substring(out.lastIndexOf("Summary:"));
        int end = s.indexOf(label);
        int start = s.lastIndexOf(' ', end - 1) + 1;
        return Long.parseLong(s.substring(start, end));
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| test | expected (herd7) | ours: Observation P N | executions | runs explored | time (ms) | judgelitmus |\n");
        sb.append("|---|---|---|---:|---:|---:|---|\n");
        long ex = 0;
        long runs = 0;
        double ms = 0;
        int ok = 0;
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %.0f | %s |%n", r.test(), r.expected(),
                    r.ours(), r.executions(), r.runs(), r.ms(), r.judged() == Judge.Outcome.OK ? "ok" : "**" + r.judged() + "**"));
            ex += r.executions();
            runs += r.runs();
            ms += r.ms();
            ok += r.judged() == Judge.Outcome.OK ? 1 : 0;
        }
        sb.append(String.format(Locale.ROOT, "| **all %d** | | **%d/%d agree** | %d | %d | %.0f | |%n", rows.size(), ok,
                rows.size(), ex, runs, ms));
        return sb.toString();
    }

    private static String document(String table, List<Row> rows) {
        return """
                # Litmus conformance

                Generated by `cli/src/test/java/mmrace/cli/LitmusConformanceTest.java` (run by
                `mvn -B -q -pl engine,litmus,cli -am test`); do not edit by hand.

                Each of the kernel's litmus tests in `shared/litmus/kernel/` (EXPECTED.tsv lists herd7's
                verdict with linux-kernel.cat) went through `mmrace litmus FILE` under LKMM: parsed,
                run exhaustively on the engine, printed as herd7 prints it, then judged as
                `tools/memory-model/scripts/judgelitmus.sh` judges herd7's output (RM-broken's DEADLOCK
                is an `Observation ... Never 0 0` line: no execution survives its filter).

                Columns: *ours* is our Observation line (verdict, positive and negative executions);
                *executions* are the distinct candidate executions LKMM allows, what herd7 counts
                (including those the filter removes); *runs explored* are the runs of the program
                the weak explorer made, including those it discarded (inconsistent, repeated, cut by
                sleep sets); *time* is the wall time of the whole command, JVM warm-up included for
                the first test.

                """ + table + "\n" + rows.size() + " tests.\n";
    }
}
