package mmrace.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.ProcNames;
import mmrace.engine.explore.ReplayChooser;
import mmrace.engine.explore.Schedule;
import mmrace.engine.trace.Diagram;
import mmrace.engine.trace.TraceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmrace replay}: re-runs the one execution a replay string names and prints the same
 * trace as {@code check} printed, byte for byte.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run one execution from the replay string printed with a BUG.")
final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "REPLAY", description = "TARGET;MODEL;RCU;SCHEDULE, as printed after 'replay:'.")
    String replay;

    @Option(names = "--json", description = "Print the trace as JSON instead of the diagram.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInput {
        PrintWriter out = spec.commandLine().getOut();
        ReplayString rs = ReplayString.parse(replay);
        ExecConfig config = rs.apply(ExecConfig.defaults());
        Run run = Targets.byReplayKey(rs.key(), config);
        // A weak model's schedule is "SCHEDULE/DATA": the data choices (which write each load
        // read, where each store went in coherence order) replay through the run's own model.
        String schedule = rs.schedule();
        int slash = schedule.indexOf('/');
        ExecConfig runConfig = run.config();
        if (slash >= 0) {
            if (!(runConfig.memoryModel() instanceof mmrace.engine.weak.WeakModel w)) {
                throw new BadInput("the schedule has data choices, but " + run.title() + " runs under "
                        + runConfig.memoryModel().name() + ", which makes none");
            }
            runConfig = runConfig.withMemoryModel(w.replaying(schedule.substring(slash + 1)));
            schedule = schedule.substring(0, slash);
        }
        int[] choices;
        try {
            choices = Schedule.decode(schedule);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        Execution x = new Execution(run.program(), runConfig, new ProcNames());
        ReplayChooser chooser = new ReplayChooser(choices);
        Execution.Status status = x.run(chooser);
        if (chooser.error() != null && status != Execution.Status.BUG && status != Execution.Status.DEADLOCK) {
            throw new BadInput("the schedule does not fit " + run.title() + ": " + chooser.error());
        }
        if (json) {
            out.println(TraceJson.write(x, rs.schedule()));
        } else {
            out.print(Diagram.render(x));
        }
        return x.findings().isEmpty() ? Main.OK : Main.BUG;
    }
}
