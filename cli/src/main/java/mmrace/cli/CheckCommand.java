package mmrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.explore.Counterexample;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.explore.Verdict;
import mmrace.engine.trace.Diagram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmrace check}: explores each run of each target and prints its verdict, and for a BUG
 * the mailing-list diagram and the replay string. Runs with an expected verdict pass when they
 * reach it; the exit code is 0 when all pass (and, for runs with no expectation, none is a BUG).
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Explore targets and print a verdict for each run.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "Scenario files (*.mm) or folders of them, or built-in programs by name (see 'mmrace list').")
    List<String> targets = new ArrayList<>();

    @Option(names = "--all", description = "Check the whole catalog: every scenario under races/ (but races/pending/) and the built-in programs.")
    boolean all;

    @Mixin
    ExploreMixin explore = new ExploreMixin();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write one JSON record per run to FILE (JSON Lines).")
    Path json;

    @Option(names = {"-q", "--quiet"}, description = "Only the table: no diagrams, no progress line.")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInput, IOException {
        PrintWriter out = spec.commandLine().getOut();
        ExecConfig config = explore.execConfig();
        List<Run> runs = new ArrayList<>();
        if (all) {
            runs.addAll(Targets.all(config));
        }
        for (String t : targets) {
            runs.addAll(Targets.resolve(t, config));
        }
        if (runs.isEmpty()) {
            throw new BadInput("nothing to check: name a TARGET or use --all (see 'mmrace list')");
        }
        ExploreOptions base = explore.options(config);
        List<Row> rows = new ArrayList<>();
        try (Writer jsonl = json == null ? null : Files.newBufferedWriter(json);
             Interruption stop = Interruption.install()) {
            for (Run run : runs) {
                Progress progress = quiet ? null : Progress.forTerminal(run.title());
                ExploreOptions o = base.withExec(run.config()).withCancel(stop.flag()).withProgress(progress);
                ExploreResult r = Explorer.explore(run.program(), o);
                if (progress != null) {
                    progress.clear();
                }
                Row row = new Row(run, r);
                rows.add(row);
                out.println(row.line());
                if (r.counterexample() != null && !quiet) {
                    printBug(out, run, r.counterexample());
                }
                if (!quiet) {
                    for (Counterexample c : r.otherFindings()) {
                        out.println("also found, in another execution:");
                        printBug(out, run, c);
                    }
                }
                if (jsonl != null) {
                    jsonl.write(ResultRecord.json(run, r));
                    jsonl.write('\n');
                }
                if (stop.flag().get()) {
                    out.println("interrupted: the verdicts above are partial; " + (runs.size() - rows.size())
                            + " run(s) not started");
                    break;
                }
            }
        }
        return summary(out, rows);
    }

    static void printBug(PrintWriter out, Run run, Counterexample c) {
        out.println();
        out.print(Diagram.render(c.execution()));
        out.println("replay: mmrace replay '" + ReplayString.of(run, c.schedule()) + "'"
                + "   (" + c.preemptions() + " preemption" + (c.preemptions() == 1 ? "" : "s") + ")");
        out.println();
    }

    private static int summary(PrintWriter out, List<Row> rows) {
        int failed = 0;
        for (Row r : rows) {
            if (!r.passed()) {
                failed++;
            }
        }
        out.println();
        out.println(rows.size() + " runs, " + (rows.size() - failed) + " as expected, " + failed + " not");
        return failed == 0 ? Main.OK : Main.BUG;
    }

    /** One line of the verdict table. */
    record Row(Run run, ExploreResult result) {
        boolean passed() {
            Verdict expected = run.expected();
            if (expected == null) {
                return result.verdict() != Verdict.BUG && result.verdict() != Verdict.ERROR;
            }
            boolean countOk = run.expectedExecutions() == 0 || result.executions() == run.expectedExecutions()
                    || result.verdict() != Verdict.VERIFIED;
            boolean checkOk = run.expectedCheck() == null || result.counterexample() == null
                    || run.expectedCheck().equals(result.counterexample().mainFinding().check());
            return result.verdict() == expected && countOk && checkOk;
        }

        String line() {
            ExploreResult r = result;
            String how = r.stoppedBy() != null ? " (stopped: " + r.stoppedBy() + ")" : "";
            String exp = run.expected() == null ? "-" : run.expected().text();
            String got = r.verdict().text();
            if (r.counterexample() != null) {
                got += " (" + r.counterexample().mainFinding().check() + ")";
            }
            int slash = run.label().indexOf('/');
            String arch = slash < 0 ? "" : run.label().substring(0, slash);
            String variant = slash < 0 ? run.label() : run.label().substring(slash + 1);
            return String.format("%-44s %-6s %-40s expected %-12s got %-28s %9d executions %9s  %s%s", run.target(),
                    arch, variant, exp, got, r.executions(), Durations.show(r.time()), passed() ? "ok" : "MISMATCH", how);
        }
    }
}
