package mmrace.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import mmrace.cli.BadInput;
import mmrace.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mmrace report}: renders a results file written by {@code mmrace check --json} as the
 * verdict table, as the mailing-list diagrams, or as an HTML page, without re-running
 * anything. The text formats are what {@code check} printed, byte for byte. Exit code 0 when
 * every run in the file was as expected, 1 when not, 2 for a bad file or option.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render a results file (from 'check --json') without re-running anything.")
public final class ReportCommand implements Callable<Integer> {
    /** What to render. */
    enum Format { text, diagram, html }

    @Parameters(paramLabel = "RESULTS", description = "A JSON Lines results file, as 'mmrace check --json FILE' writes.")
    Path results;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (the verdict table), diagram (the table and each counterexample's mailing-list "
                    + "diagram), html (one self-contained page with SVG timelines). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws BadInput, IOException {
        List<Result> rs = ResultFile.read(results);
        String text = switch (format) {
            case text -> capture(out -> DiagramText.printAll(out, rs, false));
            case diagram -> capture(out -> DiagramText.printAll(out, rs, true));
            case html -> HtmlReport.render(rs, results.getFileName().toString());
        };
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return rs.stream().allMatch(Result::asExpected) ? Main.OK : Main.BUG;
    }

    private static String capture(java.util.function.Consumer<PrintWriter> body) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        body.accept(pw);
        pw.flush();
        return sw.toString();
    }
}
