package mmrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import mmrace.engine.weak.Speculation;
import mmrace.engine.weak.WeakModel;
import mmrace.litmus.herd.HerdPrinter;
import mmrace.litmus.herd.Judge;
import mmrace.litmus.run.LitmusOutcome;
import mmrace.litmus.run.LitmusRunException;
import mmrace.litmus.run.LitmusRunner;
import mmrace.litmus.syntax.LitmusParser;
import mmrace.litmus.syntax.LitmusSyntaxException;
import mmrace.litmus.syntax.LitmusTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmrace litmus}: runs C litmus tests exhaustively on the engine and prints, for each,
 * exactly what herd7 prints, so the kernel's scripts that read herd7's output
 * ({@code judgelitmus.sh}) work unchanged; then one summary line judging each test against its
 * {@code Result:} comment as judgelitmus.sh does. With {@code --bench}, a table of times instead.
 * Exit codes: 0 every test as its Result: says (or has none), 1 some test not, 2 bad input
 * (the file's diagnostic {@code FILE:LINE:COLUMN: error: what} is printed; the other files run).
 */
@Command(name = "litmus", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run C litmus tests exhaustively and print herd7's output for each, then a summary line.")
final class LitmusCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "C litmus tests (herdtools' format).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "lkmm",
            description = "lkmm (linux-kernel.cat; arm64, power), tso (x86), sc, alpha (LKMM without "
                    + "dependency ordering; READ_ONCE as before 4.15), alpha-4.15. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--unroll", paramLabel = "N", defaultValue = "2",
            description = "Iterations of a while loop before the execution is cut, as herd7's -unroll. Default: ${DEFAULT-VALUE}.")
    int unroll;

    @Option(names = "--bench", description = "Instead of herd7's output: time per test (after a warm-up) and for all.")
    boolean bench;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "With --bench: measured runs of each test, the median is shown. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--speculation", paramLabel = "HOW", defaultValue = "domain", hidden = true,
            description = "domain, observed or none (see mmrace.engine.weak.Speculation).")
    String speculation;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInput {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WeakModel m = model();
        if (unroll < 0 || rounds < 1) {
            throw new BadInput("--unroll must be at least 0 and --rounds at least 1");
        }
        Summary sum = new Summary(m.name());
        if (bench) {
            out.printf("%-58s %-9s %-19s %10s %8s %10s%n", "test", "expected", "observation", "executions", "runs",
                    "ms/test");
        }
        for (Path f : files) {
            String source;
            LitmusTest t;
            try {
                source = Files.readString(f, StandardCharsets.UTF_8);
                t = LitmusParser.parse(f.toString(), source);
            } catch (IOException e) {
                err.println(f + ": error: cannot read the file (" + e.getMessage() + ")");
                sum.bad++;
                continue;
            } catch (LitmusSyntaxException e) {
                err.println(e.getMessage());
                sum.bad++;
                continue;
            }
            try {
                LitmusOutcome o = bench ? Bench.median(t, m, unroll, rounds) : LitmusRunner.run(t, m, unroll);
                String herd = HerdPrinter.print(o.herd());
                Judge.Outcome j = Judge.judge(source, herd);
                sum.add(Judge.expected(source).isPresent() ? j : null, o);
                if (bench) {
                    out.printf("%-58s %-9s %-19s %10d %8d %10.2f%n", t.name(), Judge.expected(source).orElse("-"),
                            o.herd().observation() + " " + o.herd().positive() + " " + o.herd().negative(),
                            o.executions(), o.runs(), o.time().toNanos() / 1e6);
                } else {
                    out.print(herd);
                }
            } catch (LitmusRunException e) {
                err.println(e.getMessage());
                sum.bad++;
            }
            out.flush();
        }
        out.println(sum.line(bench));
        return sum.bad > 0 ? Main.BAD_INPUT : sum.mismatch > 0 ? Main.BUG : Main.OK;
    }

    private WeakModel model() throws BadInput {
        WeakModel m = WeakModel.byName(model);
        if (m == null) {
            throw new BadInput("unknown memory model '" + model + "'; valid: lkmm, tso, sc, alpha, alpha-4.15");
        }
        try {
            return m.withSpeculation(Speculation.valueOf(speculation.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadInput("unknown speculation '" + speculation + "'; valid: domain, observed, none");
        }
    }

    /** The counts of the summary line. */
    private static final class Summary {
        final String model;
        int tests;
        int ok;
        int mismatch;
        int noResult;
        int bad;
        long executions;
        long runs;
        long nanos;

        Summary(String model) {
            this.model = model;
        }

        void add(Judge.Outcome j, LitmusOutcome o) {
            tests++;
            if (j == null) {
                noResult++;
            } else if (j == Judge.Outcome.OK) {
                ok++;
            } else {
                mismatch++;
            }
            executions += o.executions();
            runs += o.runs();
            nanos += o.time().toNanos();
        }

        String line(boolean bench) {
            return String.format(Locale.ROOT, "%s: %d tests (%s): %d as their Result: says, %d not, %d without Result:, "
                            + "%d bad input; %d executions, %d runs explored, %.2f s%s",
                    bench ? "Bench" : "Summary", tests, model, ok, mismatch, noResult, bad, executions, runs,
                    nanos / 1e9, bench ? " (sum of the medians)" : "");
        }
    }

    /** Timing: a warm-up run, then the run with the median time of {@code rounds}. */
    private static final class Bench {
        private Bench() {
        }

        static LitmusOutcome median(LitmusTest t, WeakModel m, int unroll, int rounds) {
            LitmusRunner.run(t, m, unroll);
            List<LitmusOutcome> all = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                all.add(LitmusRunner.run(t, m, unroll));
            }
            all.sort((a, b) -> a.time().compareTo(b.time()));
            return all.get(rounds / 2);
        }
    }
}
