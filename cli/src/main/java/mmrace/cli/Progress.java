package mmrace.cli;

import java.io.Console;
import java.io.PrintStream;
import mmrace.engine.explore.ProgressListener;

/**
 * The progress line on stderr, only when stderr is a terminal: executions, rate, elapsed time
 * and, for exhaustive strategies, an estimate of how much of the tree is done.
 */
final class Progress implements ProgressListener {
    private final String title;
    private final PrintStream err = System.err;
    private boolean shown;

    private Progress(String title) {
        this.title = title;
    }

    /** A progress line, or null when stderr is not a terminal (CI logs stay clean). */
    static Progress forTerminal(String title) {
        Console c = System.console();
        return c != null && c.isTerminal() ? new Progress(title) : null;
    }

    @Override
    public void progress(long executions, long events, long elapsedNanos, double fraction) {
        double s = elapsedNanos / 1e9;
        String pct = fraction < 0 ? "" : String.format(", ~%.0f%% of the tree", fraction * 100);
        err.printf("\r\033[K%s: %,d executions, %,.0f/s, %.1f s%s", title, executions, executions / s, s, pct);
        err.flush();
        shown = true;
    }

    void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
