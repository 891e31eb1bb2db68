package mmrace.cli.report;

import java.io.PrintWriter;
import java.util.List;
import mmrace.engine.trace.Diagram;

/**
 * The text output of a run set, as {@code mmrace check} prints it: each run's table line and,
 * for a bug, the mailing-list diagram of each counterexample with its replay command. {@code
 * mmrace report --format diagram} prints the same from a results file.
 */
public final class DiagramText {
    private DiagramText() {
    }

    /** Everything {@code check} prints about one run after exploring it. */
    public static void printRun(PrintWriter out, Result r, boolean diagrams) {
        out.println(VerdictTable.line(r));
        if (!diagrams) {
            return;
        }
        for (Result.Counterexample c : r.counterexamples()) {
            if (!c.main()) {
                out.println("also found, in another execution:");
            }
            printCounterexample(out, c);
        }
    }

    /** The whole text report: every run, then the closing count. */
    public static void printAll(PrintWriter out, List<Result> results, boolean diagrams) {
        for (Result r : results) {
            printRun(out, r, diagrams);
        }
        out.println();
        out.println(VerdictTable.summary(results));
    }

    static void printCounterexample(PrintWriter out, Result.Counterexample c) {
        out.println();
        out.print(Diagram.render(c.trace()));
        out.println("replay: mmrace replay '" + c.replay() + "'"
                + "   (" + c.preemptions() + " preemption" + (c.preemptions() == 1 ? "" : "s") + ")");
        out.println();
    }
}
