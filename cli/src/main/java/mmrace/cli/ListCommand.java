package mmrace.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import mmrace.engine.samples.Sample;
import mmrace.engine.samples.Samples;
import picocli.CommandLine.Command;

/** {@code mmrace list}: what can be checked, with the verdict each must reach. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the targets mmrace knows.")
final class ListCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInput {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Scenarios (races/; runs as arch/variants: expected verdict):");
        for (mmrace.scenarios.Ast.Scenario s : Targets.catalog()) {
            out.printf("  %-44s %s%n", s.path(), s.summary());
            for (mmrace.scenarios.Ast.RunDecl r : s.runs()) {
                out.printf("      %-50s %s%s%n", r.label(), r.expected().replace('_', ' '),
                        r.check() == null ? "" : " (" + r.check() + ")");
            }
        }
        out.println("Built-in programs (engine demos and classic DPOR benchmarks):");
        for (Sample s : Samples.all()) {
            out.printf("  %-22s expected %-9s %s%n", s.name(), s.expected().text(), s.summary());
        }
        return Main.OK;
    }
}
