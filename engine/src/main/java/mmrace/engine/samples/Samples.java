package mmrace.engine.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mmrace.engine.explore.Verdict;

/** The built-in programs, by name: the engine's demos and the classic DPOR benchmarks. */
public final class Samples {
    private Samples() {
    }

    public static List<Sample> all() {
        List<Sample> s = new ArrayList<>();
        s.add(new Sample("abba", "spinlocks A and B taken in opposite orders: deadlock", Demos.abba(false),
                Verdict.BUG, 0));
        s.add(new Sample("abba-fixed", "the same, both in the order A then B", Demos.abba(true), Verdict.VERIFIED, 2));
        s.add(new Sample("uaf", "a reader follows a pointer to an object freed at once", Demos.useAfterFree(
                Demos.FreeMode.IMMEDIATE), Verdict.BUG, 0));
        s.add(new Sample("uaf-call-rcu", "the reader in rcu_read_lock(), the free deferred with call_rcu()",
                Demos.useAfterFree(Demos.FreeMode.CALL_RCU), Verdict.VERIFIED, 0));
        s.add(new Sample("uaf-synchronize-rcu", "the reader in rcu_read_lock(), synchronize_rcu() before the free",
                Demos.useAfterFree(Demos.FreeMode.SYNCHRONIZE_RCU), Verdict.VERIFIED, 0));
        s.add(new Sample("uaf-typesafe", "SLAB_TYPESAFE_BY_RCU: the reader may see a recycled object, never a fault",
                Demos.useAfterFree(Demos.FreeMode.TYPESAFE), Verdict.VERIFIED, 0));
        s.add(new Sample("readers-8", "readers(8): one writer, eight readers", Classic.readers(8), Verdict.VERIFIED, 256));
        s.add(new Sample("lastzero-5", "lastzero(5)", Classic.lastzero(5), Verdict.VERIFIED, 64));
        s.add(new Sample("lastzero-15", "lastzero(15): a larger exhaustive run (progress line, Ctrl-C)",
                Classic.lastzero(15), Verdict.VERIFIED, 147456));
        s.add(new Sample("indexer-13", "indexer(13): CAS hash table", Classic.indexer(13), Verdict.VERIFIED, 64));
        s.add(new Sample("filesystem-16", "filesystem(16): inode/block mutexes", Classic.filesystem(16),
                Verdict.VERIFIED, 8));
        s.add(new Sample("fib-bench-3", "fib_bench(3)", Classic.fibBench(3, true), Verdict.VERIFIED, 1698));
        s.add(new Sample("sigma-4", "sigma(4): threads spawned after an index update", Classic.sigma(4),
                Verdict.VERIFIED, 105));
        return s;
    }

    public static Optional<Sample> byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
