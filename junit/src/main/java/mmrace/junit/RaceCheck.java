package mmrace.junit;

import java.time.Duration;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.ProcNames;
import mmrace.engine.exec.Program;
import mmrace.engine.exec.RcuFlavour;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.explore.ReplayChooser;
import mmrace.engine.explore.Schedule;
import mmrace.engine.explore.StrategyKind;
import mmrace.engine.explore.Verdict;
import mmrace.engine.mem.MemoryModel;
import mmrace.engine.trace.Diagram;
import org.opentest4j.AssertionFailedError;

/**
 * Explores a program and asserts its verdict, from any test: the engine behind
 * {@link RaceTest}, and the way to reach settings the annotation lacks.
 *
 * <pre>{@code
 * @Test
 * void uafUnderPb() {
 *     RaceCheck.of(Demos.useAfterFree(FreeMode.IMMEDIATE))
 *             .strategy(StrategyKind.PB)
 *             .budget(Duration.ofSeconds(10))
 *             .expect(Verdict.BUG);
 * }
 * }</pre>
 *
 * A builder: each setter changes this check and returns it. When the verdict is not the
 * expected one, {@link #expect} throws an {@link AssertionFailedError} whose message has the
 * counterexample's diagram and replay string ({@link RaceMessages}).
 */
public final class RaceCheck {
    private final Program program;
    private String name;
    private ExploreOptions options = ExploreOptions.defaults();
    private long executions;

    private RaceCheck(Program program) {
        this.program = program;
        this.name = program.name();
    }

    public static RaceCheck of(Program program) {
        return new RaceCheck(program);
    }

    /** The name failures and replay strings use (the test, e.g. {@code DemoRaceTest#abba}). */
    public RaceCheck named(String n) {
        name = n;
        return this;
    }

    public RaceCheck strategy(StrategyKind s) {
        options = options.withStrategy(s);
        return this;
    }

    public RaceCheck maxExecutions(long n) {
        options = options.withMaxExecutions(n);
        return this;
    }

    /** A time budget (null: none). */
    public RaceCheck budget(Duration d) {
        options = options.withBudget(d);
        return this;
    }

    public RaceCheck seed(long s) {
        options = options.withSeed(s);
        return this;
    }

    public RaceCheck jobs(int n) {
        options = options.withJobs(n);
        return this;
    }

    /** All settings of each execution at once (memory model, RCU flavour, step limit). */
    public RaceCheck config(ExecConfig c) {
        options = options.withExec(c);
        return this;
    }

    public RaceCheck memoryModel(MemoryModel m) {
        return config(options.exec().withMemoryModel(m));
    }

    public RaceCheck rcu(RcuFlavour r) {
        return config(options.exec().withRcu(r));
    }

    /** For an exhaustive VERIFIED run: the exact execution count it must take (0: not pinned). */
    public RaceCheck executions(long n) {
        executions = n;
        return this;
    }

    public String name() {
        return name;
    }

    public ExecConfig config() {
        return options.exec();
    }

    /** Explores and returns the result, asserting nothing. */
    public ExploreResult explore() {
        return Explorer.explore(program, options);
    }

    /** Explores and asserts the verdict (and the pinned count); returns the result for more checks. */
    public ExploreResult expect(Verdict expected) {
        ExploreResult r = explore();
        boolean countOk = executions == 0 || r.verdict() != Verdict.VERIFIED || r.executions() == executions;
        if (r.verdict() != expected || !countOk) {
            throw new AssertionFailedError(RaceMessages.failure(this, expected, executions, r), expected.text(),
                    r.verdict().text());
        }
        return r;
    }

    /**
     * Runs only the execution {@code schedule} names (the last field of a replay string is
     * enough) and returns it; a schedule that does not fit the program fails.
     */
    public Execution replay(String schedule) {
        String s = schedule.substring(schedule.lastIndexOf(';') + 1).trim();
        int[] choices;
        try {
            choices = Schedule.decode(s);
        } catch (IllegalArgumentException e) {
            throw new AssertionFailedError(name + ": bad schedule '" + s + "': " + e.getMessage());
        }
        Execution x = new Execution(program, options.exec(), new ProcNames());
        ReplayChooser chooser = new ReplayChooser(choices);
        Execution.Status status = x.run(chooser);
        if (chooser.error() != null && status != Execution.Status.BUG && status != Execution.Status.DEADLOCK) {
            throw new AssertionFailedError(name + ": the schedule '" + s + "' does not fit this program: "
                    + chooser.error() + "\n\n" + Diagram.render(x));
        }
        return x;
    }

    /** Replays {@code schedule} and asserts it fails a check exactly when {@code expected} is BUG. */
    public Execution expectReplay(String schedule, Verdict expected) {
        Execution x = replay(schedule);
        boolean failed = !x.findings().isEmpty();
        if (failed != (expected == Verdict.BUG)) {
            throw new AssertionFailedError(name + ": expected " + (expected == Verdict.BUG ? "a failed check" : "no failed check")
                    + " in the replayed execution, got " + (failed ? "one" : "none") + "\n\n" + Diagram.render(x));
        }
        return x;
    }
}
