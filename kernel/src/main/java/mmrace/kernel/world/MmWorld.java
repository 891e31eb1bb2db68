package mmrace.kernel.world;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Program;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.explore.StrategyKind;
import mmrace.kernel.Geometry;
import mmrace.kernel.KernelConfig;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.variant.Variant;

/**
 * A world to run the mm model in: the configuration, files, processes with their VMAs and
 * pages, and the CPUs with what each one does. It is a {@link Program}: its setup builds a new
 * machine for every execution. Explore it with {@link #explore}, or run one random schedule with
 * {@link #runOnce} (plain mode, for sanity and speed).
 *
 * <pre>{@code
 * MmWorld w = MmWorld.builder()
 *     .process("P", p -> { p.anon(0x0, 4); p.present(0x1000, 7).inTlbOf(0); })
 *     .cpu("P", t -> t.record("r", t.read(0x1000)))
 *     .cpu("P", t -> t.munmap(0x0, 0x4000))
 *     .build();
 * ExploreResult r = w.explore();
 * }</pre>
 */
public final class MmWorld implements Program {
    /** What runs on one CPU: a task of a process, or a kernel thread (possibly borrowing an mm lazily). */
    record CpuSpec(String process, boolean kthread, String lazyMm, Consumer<Task> body) {
    }

    final String name;
    final KernelConfig cfg;
    final Map<String, FileSpec> files;
    final Map<String, ProcessSpec> processes;
    final List<CpuSpec> cpus;
    final List<Consumer<WorldState>> endChecks;

    private MmWorld(Builder b) {
        this.name = b.name;
        this.cfg = b.cfg;
        this.files = b.files;
        this.processes = b.processes;
        this.cpus = b.cpus;
        this.endChecks = b.endChecks;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    public KernelConfig config() {
        return cfg;
    }

    @Override
    public void setup(Execution x) {
        Populate.build(this, x);
    }

    /** Exploration options for this world: DPOR, or the arch's weak model where the config asks for it. */
    public ExploreOptions options() {
        ExploreOptions o = ExploreOptions.defaults();
        return o.withExec(o.exec().withMemoryModel(cfg.memoryModel()));
    }

    /** Exhaustive exploration (optimal DPOR). */
    public ExploreResult explore() {
        return Explorer.explore(this, options());
    }

    public ExploreResult explore(ExploreOptions o) {
        return Explorer.explore(this, o);
    }

    /**
     * Plain mode, lowest level: runs one execution with a random schedule from {@code seed} and
     * returns it (its events, findings and final state), without an explorer around it.
     */
    public Execution run(long seed) {
        Execution x = new Execution(this, options().exec(), new mmrace.engine.exec.ProcNames());
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        x.run((ex, enabled) -> enabled.get(r.nextInt(enabled.size())));
        return x;
    }

    /** Plain mode: one execution with a random schedule from {@code seed}. */
    public ExploreResult runOnce(long seed) {
        return Explorer.explore(this, options().withStrategy(StrategyKind.RANDOM).withSeed(seed).withMaxExecutions(1)
                .withMinimize(false));
    }

    /** Builds a world; the methods may be called in any order except that CPUs are numbered as added. */
    public static final class Builder {
        private String name = "world";
        private KernelConfig cfg = KernelConfig.defaults();
        private final Map<String, FileSpec> files = new LinkedHashMap<>();
        private final Map<String, ProcessSpec> processes = new LinkedHashMap<>();
        private final List<CpuSpec> cpus = new ArrayList<>();
        private final List<Consumer<WorldState>> endChecks = new ArrayList<>();

        public Builder name(String n) {
            this.name = n;
            return this;
        }

        public Builder config(KernelConfig c) {
            this.cfg = c;
            return this;
        }

        public Builder arch(Arch a) {
            cfg = cfg.withArch(a);
            return this;
        }

        public Builder variant(Variant v) {
            cfg = cfg.withVariant(v);
            return this;
        }

        public Builder geometry(int ptrsPerPte, int ptrsPerPmd) {
            cfg = cfg.withGeometry(new Geometry(ptrsPerPte, ptrsPerPmd));
            return this;
        }

        /** A regular file of {@code pages} pages. */
        public Builder file(String fileName, int pages, Consumer<FileSpec> setup) {
            FileSpec f = new FileSpec(fileName, pages, false);
            setup.accept(f);
            files.put(fileName, f);
            return this;
        }

        /** A shmem (tmpfs) file: its pages are swap-backed. */
        public Builder shmem(String fileName, int pages, Consumer<FileSpec> setup) {
            FileSpec f = new FileSpec(fileName, pages, true);
            setup.accept(f);
            files.put(fileName, f);
            return this;
        }

        public Builder process(String processName, Consumer<ProcessSpec> setup) {
            ProcessSpec p = new ProcessSpec(processName);
            setup.accept(p);
            processes.put(processName, p);
            return this;
        }

        /** A CPU running a thread of {@code process} (each such CPU is one mm user). */
        public Builder cpu(String process, Consumer<Task> body) {
            cpus.add(new CpuSpec(process, false, null, body));
            return this;
        }

        /** A CPU running a kernel thread (kswapd, khugepaged) with no mm loaded. */
        public Builder kthread(Consumer<Task> body) {
            cpus.add(new CpuSpec(null, true, null, body));
            return this;
        }

        /** A kernel thread on a CPU that still has {@code process}'s mm loaded, in lazy TLB mode. */
        public Builder kthreadLazy(String process, Consumer<Task> body) {
            cpus.add(new CpuSpec(null, true, process, body));
            return this;
        }

        /** A scenario's own check of the final state. */
        public Builder atEnd(Consumer<WorldState> check) {
            endChecks.add(check);
            return this;
        }

        public MmWorld build() {
            return new MmWorld(this);
        }
    }
}
