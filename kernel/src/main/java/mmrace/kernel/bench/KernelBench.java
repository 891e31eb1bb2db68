package mmrace.kernel.bench;

import java.io.PrintStream;
import java.util.List;
import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.world.MmWorld;

/**
 * Speed of the mm model: simulated page faults per second in plain mode (one random schedule per
 * execution, no exploration), and executions per second exploring a write fault against munmap
 * with DPOR. JUnit-free, so {@code mmrace bench} can call {@link #run}; {@link #main} prints the
 * same table.
 */
public final class KernelBench {
    private KernelBench() {
    }

    /** Pages the plain-mode world touches per round. */
    static final int PAGES = 8;

    /** One measured benchmark: how many units (faults, executions) and scheduling points per second. */
    public record Result(String name, String unit, long units, double unitsPerSecond, long events,
                         double eventsPerSecond) {
    }

    /**
     * Plain mode: one CPU writes {@link #PAGES} pages of an anonymous VMA (each write misses in
     * the TLB, walks, faults, allocates, maps, retries) and zaps them with MADV_DONTNEED,
     * {@code rounds} times per execution. Few rounds measure setup (a new machine per execution)
     * as much as faults; many rounds measure faults.
     */
    public static MmWorld faultLoop(int rounds) {
        return MmWorld.builder()
                .name("fault loop")
                .process("P", p -> p.anon(0x0, PAGES))
                .cpu("P", t -> {
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < PAGES; i++) {
                            t.write(i * 0x1000L, r);
                        }
                        t.madviseDontneed(0x0, PAGES * 0x1000L);
                    }
                })
                .build();
    }

    /** The exploration benchmark: a write fault in one thread, munmap of its VMA in another. */
    public static MmWorld faultVsMunmap() {
        return MmWorld.builder()
                .name("fault vs munmap")
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).inTlbOf(0);
                })
                .cpu("P", t -> {
                    t.write(0x2000, 1);
                    t.read(0x1000);
                })
                .cpu("P", t -> t.munmap(0x0, 0x4000))
                .build();
    }

    static Result plainFaults(int rounds, int warmup, int executions) {
        MmWorld w = faultLoop(rounds);
        for (int i = 0; i < warmup; i++) {
            w.run(i);
        }
        long events = 0;
        long start = System.nanoTime();
        for (int i = 0; i < executions; i++) {
            Execution x = w.run(i);
            if (x.status() != Execution.Status.COMPLETE) {
                throw new IllegalStateException("fault loop did not complete: " + x.findings());
            }
            events += x.events().size();
        }
        double s = (System.nanoTime() - start) / 1e9;
        long faults = (long) executions * PAGES * rounds;
        return new Result("plain: " + PAGES * rounds + " faults/execution", "faults", faults, faults / s, events,
                events / s);
    }

    static Result exploreFaultVsMunmap(int warmup, int rounds) {
        MmWorld w = faultVsMunmap();
        var o = w.options().withMinimize(false);
        for (int i = 0; i < warmup; i++) {
            w.explore(o);
        }
        long execs = 0;
        long events = 0;
        long nanos = 0;
        for (int i = 0; i < rounds; i++) {
            ExploreResult r = w.explore(o);
            if (r.verdict() != Verdict.VERIFIED) {
                throw new IllegalStateException("fault vs munmap: " + r.verdict());
            }
            execs += r.executions();
            events += r.events();
            nanos += r.time().toNanos();
        }
        double s = nanos / 1e9;
        return new Result("dpor: fault vs munmap", "executions", execs / rounds, execs / s, events, events / s);
    }

    /** Both benchmarks, after warm-up. */
    public static List<Result> run(int warmup, int rounds) {
        return List.of(plainFaults(4, warmup * 100, rounds * 400), plainFaults(16, warmup * 25, rounds * 100),
                exploreFaultVsMunmap(warmup, rounds));
    }

    public static void print(List<Result> results, PrintStream out) {
        out.printf("%-28s %12s %14s %16s%n", "benchmark", "count", "per second", "sched points/s");
        for (Result r : results) {
            out.printf("%-28s %12d %14.0f %16.0f   (%s)%n", r.name(), r.units(), r.unitsPerSecond(), r.eventsPerSecond(),
                    r.unit());
        }
    }

    /** {@code KernelBench [warmup rounds]}: defaults 3 and 5. */
    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        print(run(warmup, rounds), System.out);
    }
}
