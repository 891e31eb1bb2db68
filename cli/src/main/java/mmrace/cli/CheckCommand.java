package mmrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mmrace.cli.report.DiagramText;
import mmrace.cli.report.HtmlReport;
import mmrace.cli.report.Result;
import mmrace.cli.report.VerdictTable;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmrace check}: explores each run of each target and prints its verdict, and for a BUG
 * the mailing-list diagram and the replay string. Runs with an expected verdict pass when they
 * reach it; the exit code is 0 when all pass (and, for runs with no expectation, none is a BUG).
 * Each run's result is first a {@link ResultRecord}; the table, the diagrams, the optional
 * JSON Lines file and the optional HTML report are all rendered from that record.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        // The option groups would otherwise each appear twice in the generated synopsis.
        customSynopsis = "mmrace check [OPTIONS] (TARGET... | --all)",
        description = "Explore targets and print a verdict for each run.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "Scenario files (*.mm) or folders of them, or built-in programs by name (see 'mmrace list').")
    List<String> targets = new ArrayList<>();

    @Option(names = "--all", description = "Check the whole catalog: every scenario under races/ (but races/pending/) and the built-in programs.")
    boolean all;

    @Mixin
    ExploreMixin explore = new ExploreMixin();

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write one JSON record per run to FILE (JSON Lines; 'mmrace report' renders it).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the HTML report of these runs to FILE.")
    Path html;

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
        List<Result> results = new ArrayList<>();
        try (Writer jsonl = json == null ? null : Files.newBufferedWriter(json);
             Interruption stop = Interruption.install()) {
            for (Run run : runs) {
                Progress progress = quiet ? null : Progress.forTerminal(run.title());
                ExploreOptions o = base.withExec(run.config()).withCancel(stop.flag()).withProgress(progress);
                ExploreResult r = Explorer.explore(run.program(), o);
                if (progress != null) {
                    progress.clear();
                }
                // Data first: the record is written, then everything printed is rendered from
                // it, so 'mmrace report' on the results file shows exactly this output.
                String record = ResultRecord.json(run, r, o);
                Result result = Result.parse(record, run.title());
                results.add(result);
                DiagramText.printRun(out, result, !quiet);
                if (jsonl != null) {
                    jsonl.write(record);
                    jsonl.write('\n');
                    // Each finished run is on disk at once: a killed check leaves whole lines.
                    jsonl.flush();
                }
                if (stop.flag().get()) {
                    out.println("interrupted: the verdicts above are partial; " + (runs.size() - results.size())
                            + " run(s) not started");
                    break;
                }
            }
        }
        if (html != null) {
            HtmlReport.write(html, results, "mmrace check");
        }
        out.println();
        out.println(VerdictTable.summary(results));
        return results.stream().allMatch(Result::asExpected) ? Main.OK : Main.BUG;
    }
}
