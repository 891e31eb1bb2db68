package mmrace.cli;

import java.io.PrintWriter;
import mmrace.cli.report.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mmrace} command. Exit codes: 0 no bug (or every verdict as expected), 1 a bug
 * (or a verdict other than expected), 2 bad input or usage, 3 an internal error of mmrace.
 */
@Command(name = "mmrace", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Explores every interleaving of Linux mm code paths and proves or refutes races.",
        subcommands = {CheckCommand.class, ReplayCommand.class, ReportCommand.class, ListCommand.class, BenchCommand.class,
                LitmusCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int BUG = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err);
        // print() does not auto-flush: without this, a last line without newline would be lost.
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs a command line; output and errors go to the given writers. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof BadInput b) {
                err.println("mmrace: " + b.getMessage());
                return BAD_INPUT;
            }
            err.println("mmrace: internal error: " + ex);
            for (StackTraceElement e : ex.getStackTrace()) {
                err.println("    at " + e);
            }
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("mmrace: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return BAD_INPUT;
        });
        return cl.execute(args);
    }
}
