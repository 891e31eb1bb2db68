package mmrace.engine.weak;

import java.util.List;
import java.util.Locale;
import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.Strategy;
import mmrace.engine.explore.StrategyKind;
import mmrace.engine.explore.StrategyProvider;
import mmrace.engine.graph.AlphaChecker;
import mmrace.engine.graph.LkmmChecker;
import mmrace.engine.graph.MemoryModelChecker;
import mmrace.engine.graph.ScChecker;
import mmrace.engine.graph.TsoChecker;
import mmrace.engine.mem.Memory;
import mmrace.engine.mem.MemoryModel;

/**
 * A memory model decided by an axiomatic checker over execution graphs: LKMM (what arm64 and
 * power run), Alpha (LKMM without dependency ordering), x86-TSO and SC. Selecting one in
 * {@link mmrace.engine.exec.ExecConfig} is all a program needs: {@link
 * mmrace.engine.explore.Explorer} then explores with this model's own strategy ({@link WeakDfs}
 * exhaustively, a random walk for RANDOM and PCT). Immutable; the {@code with*} methods copy.
 */
public final class WeakModel implements MemoryModel, StrategyProvider {
    private final String name;
    private final MemoryModelChecker checker;
    private final boolean readBarrierDepends;
    private final Speculation speculation;
    private final boolean dataRaces;
    private final CandidateListener listener;
    private final Session session;
    private final int staleReads;

    private WeakModel(String name, MemoryModelChecker checker, boolean readBarrierDepends, Speculation speculation,
                      boolean dataRaces, CandidateListener listener, Session session, int staleReads) {
        this.staleReads = staleReads;
        this.name = name;
        this.checker = checker;
        this.readBarrierDepends = readBarrierDepends;
        this.speculation = speculation;
        this.dataRaces = dataRaces;
        this.listener = listener;
        this.session = session;
    }

    private static WeakModel of(String name, MemoryModelChecker c, boolean rbDep) {
        return new WeakModel(name, c, rbDep, Speculation.OBSERVED, true, null, null, -1);
    }

    /** The Linux-kernel memory model (linux-kernel.cat), for arm64 and power. */
    public static WeakModel lkmm() {
        return of("lkmm", new LkmmChecker(), false);
    }

    /** x86-TSO (x86tso.cat with the kernel's primitives as x86 implements them). */
    public static WeakModel tso() {
        return of("tso", new TsoChecker(), false);
    }

    /** Sequential consistency as an axiomatic model: for litmus tests (herd-style counts). */
    public static WeakModel sc() {
        return of("sc", new ScChecker(), false);
    }

    /**
     * Alpha: LKMM where an address dependency orders a later load only through
     * smp_read_barrier_depends() (which rcu_dereference() always implied). READ_ONCE() has its
     * pre-4.15 meaning: no barrier.
     */
    public static WeakModel alpha() {
        return of("alpha", new AlphaChecker(false, true), true);
    }

    /** Alpha with kernels from 4.15 on, where READ_ONCE() issues smp_read_barrier_depends(). */
    public static WeakModel alpha415() {
        return of("alpha-4.15", new AlphaChecker(true, true), true);
    }

    /** Every model, by name. */
    public static List<WeakModel> all() {
        return List.of(lkmm(), tso(), sc(), alpha(), alpha415());
    }

    /** The model called {@code name} (lkmm, tso, sc, alpha, alpha-4.15), or null. */
    public static WeakModel byName(String name) {
        for (WeakModel m : all()) {
            if (m.name.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        return null;
    }

    public WeakModel withSpeculation(Speculation s) {
        return new WeakModel(name, checker, readBarrierDepends, s, dataRaces, listener, session, staleReads);
    }

    /** Whether an execution LKMM flags with data-race is a finding (DATA_RACE); default true. */
    public WeakModel withDataRaces(boolean report) {
        return new WeakModel(name, checker, readBarrierDepends, speculation, report, listener, session, staleReads);
    }

    /** Who is told of each distinct candidate execution found. */
    public WeakModel withListener(CandidateListener l) {
        return new WeakModel(name, checker, readBarrierDepends, speculation, dataRaces, l, session, staleReads);
    }

    /**
     * How many times one context may read the same overwritten write of a location (-1: no
     * limit). Axiomatic models let a load keep reading a stale value forever, so a retry loop
     * that re-reads a location (a fault retried because the PTE changed, a seqcount) would
     * unroll without end under them; with a bound, each stale value is seen at most that many
     * times by a context, which is what eventual visibility gives on real hardware. Litmus tests
     * use no limit (their loops have herd's unrolling bound instead).
     */
    public WeakModel withStaleReads(int bound) {
        return new WeakModel(name, checker, readBarrierDepends, speculation, dataRaces, listener, session, bound);
    }

    public int staleReads() {
        return staleReads;
    }

    /** The default bound of {@link #withStaleReads}. */
    public static final int DEFAULT_STALE_READS = 2;

    /** This model with its choices made by {@code s}: one exploration's (or one replay's). */
    WeakModel bind(Session s) {
        return new WeakModel(name, checker, readBarrierDepends, speculation, dataRaces, listener, s, staleReads);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Memory create(Execution x) {
        return new WeakMemory(x, this, session == null ? Session.firstChoice() : session);
    }

    @Override
    public Strategy strategy(ExploreOptions o, int worker) {
        if (o.strategy() == StrategyKind.RANDOM || o.strategy() == StrategyKind.PCT) {
            return new WeakRandom(this, o.seed() + worker);
        }
        return new WeakDfs(this);
    }

    public MemoryModelChecker checker() {
        return checker;
    }

    public Speculation speculation() {
        return speculation;
    }

    public boolean reportsDataRaces() {
        return dataRaces;
    }

    CandidateListener listener() {
        return listener;
    }

    /** Whether smp_read_barrier_depends() orders anything here (Alpha): otherwise it is no event. */
    boolean keepsReadBarrierDepends() {
        return readBarrierDepends;
    }

    /** A replay of one weak execution: its data choices as {@link WeakDfs#schedule} printed them. */
    public WeakModel replaying(String dataChoices) {
        return bind(new ReplaySession(dataChoices));
    }

    @Override
    public String toString() {
        return name;
    }
}
