package mmrace.engine.graph;

/**
 * LKMM as it would be on DEC Alpha, whose split caches let a read that depends by address on an
 * earlier read see an older value: an address dependency to a read orders nothing unless a
 * read-barrier-depends separates the two reads. Everything else is {@link LkmmChecker}
 * (dependencies to writes, control dependencies, fences, release/acquire, locks, RCU).
 *
 * <p>Concretely the {@code addr} of linux-kernel.cat (after carry-dep) is replaced by
 *
 * <pre>
 *   let rb-dep = ([R] ; fencerel(Rb-dep) ; [R]) | ([Once-read] ; po ; [R])   (second part optional)
 *   let addr   = (addr ; [~R]) | ((addr ; [R]) &amp; rb-dep)
 * </pre>
 *
 * which changes {@code to-r} (ppo) and {@code r-pre-bounded} (data races) only. The optional part
 * models kernels from 4.15 on, where READ_ONCE() (and so rcu_dereference() and atomic_read())
 * issues smp_read_barrier_depends() on Alpha: a read carrying {@link Tag#ONCE} that is not part of
 * an RMW then orders the reads that depend on it. Before 4.15 only an explicit
 * {@link Tag#RB_DEP} fence did; rcu_dereference() of those kernels, which issued the barrier itself
 * while READ_ONCE() did not, is then a ONCE read followed by an RB_DEP fence.
 */
public final class AlphaChecker extends LkmmChecker {
    private final boolean readOnceImpliesRbDep;

    /** The 4.15+ kernel: READ_ONCE() carries smp_read_barrier_depends(). */
    public AlphaChecker() {
        this(true, true);
    }

    /**
     * @param readOnceImpliesRbDep whether READ_ONCE() carries smp_read_barrier_depends() (4.15+)
     * @param computeFlags         as for {@link LkmmChecker#LkmmChecker(boolean)}
     */
    public AlphaChecker(boolean readOnceImpliesRbDep, boolean computeFlags) {
        super(computeFlags);
        this.readOnceImpliesRbDep = readOnceImpliesRbDep;
    }

    public boolean readOnceImpliesRbDep() {
        return readOnceImpliesRbDep;
    }

    @Override
    public String name() {
        return "alpha";
    }

    @Override
    protected Rel orderingAddr(ExecutionGraph g, Rel addr) {
        int n = g.size();
        long[] R = g.readsView();
        Rel po = g.po();
        Rel rbDep = po.ran(g.tagView(Tag.RB_DEP)).seq(po).restrict(R, R);
        if (readOnceImpliesRbDep) {
            long[] onceReads = Bits.minus(Bits.inter(g.tagView(Tag.ONCE), R), g.tagView(Tag.RMW));
            rbDep = rbDep.union(po.restrict(onceReads, R));
        }
        return addr.ran(Bits.complement(n, R)).union(addr.ran(R).inter(rbDep));
    }
}
