package mmrace.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import mmrace.engine.exec.Program;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.explore.StrategyKind;
import mmrace.engine.samples.Classic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmrace bench}: scheduling points (events) per second and executions per second of the
 * engine on the classic benchmarks, exhaustive DPOR and plain enumeration, after a warm-up.
 * One thread unless the case says -j2, so the figures are per core.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the engine's speed.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3", description = "Measured time per benchmark. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "2", description = "Warm-up time per benchmark (JIT). Default: ${DEFAULT-VALUE}.")
    double warmup;

    @Option(names = "--engine-only", description = "Only the engine benchmarks, not the mm model's.")
    boolean engineOnly;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record Case(String name, Program program, StrategyKind strategy, int jobs) {
        Case(String name, Program program, StrategyKind strategy) {
            this(name, program, strategy, 1);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Case> cases = List.of(
                new Case("readers(8) dpor", Classic.readers(8), StrategyKind.DPOR),
                new Case("readers(10) dpor", Classic.readers(10), StrategyKind.DPOR),
                new Case("lastzero(8) dpor", Classic.lastzero(8), StrategyKind.DPOR),
                new Case("fib_bench(4) dpor", Classic.fibBench(4, true), StrategyKind.DPOR),
                new Case("readers(4) all", Classic.readers(4), StrategyKind.ALL),
                new Case("lastzero(3) all", Classic.lastzero(3), StrategyKind.ALL),
                new Case("lastzero(12) dpor", Classic.lastzero(12), StrategyKind.DPOR),
                new Case("lastzero(12) dpor -j2", Classic.lastzero(12), StrategyKind.DPOR, 2));
        out.printf("%-20s %12s %14s %16s %12s%n", "benchmark", "executions", "exec/s", "sched points/s", "ns/point");
        for (Case c : cases) {
            ExploreOptions o = ExploreOptions.defaults().withStrategy(c.strategy()).withMinimize(false).withJobs(c.jobs());
            long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
            while (System.nanoTime() < warmEnd) {
                Explorer.explore(c.program(), o);
            }
            long execs = 0;
            long events = 0;
            long nanos = 0;
            int rounds = 0;
            while (nanos < seconds * 1e9) {
                rounds++;
                ExploreResult r = Explorer.explore(c.program(), o);
                execs += r.executions();
                events += r.events();
                nanos += r.time().toNanos();
            }
            double s = nanos / 1e9;
            out.flush();
            out.printf("%-20s %12d %14.0f %16.0f %12.0f%n", c.name(), execs / rounds, execs / s, events / s,
                    nanos / (double) events);
        }
        if (!engineOnly) {
            out.println();
            out.println("mm model (kernel module):");
            out.flush();
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            mmrace.kernel.bench.KernelBench.print(mmrace.kernel.bench.KernelBench.run(3, 5),
                    new java.io.PrintStream(buf, true));
            out.print(buf);
            out.flush();
        }
        return Main.OK;
    }
}
