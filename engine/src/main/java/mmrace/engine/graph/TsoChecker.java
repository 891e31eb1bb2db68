package mmrace.engine.graph;

import java.util.Set;

/**
 * x86-TSO as herd's x86tso.cat states it, over the kernel primitives as x86 implements them:
 *
 * <pre>
 *   acyclic po-loc | rf | co | fr                          as uniproc
 *   empty rmw &amp; (fre ; coe)                                as atomic
 *   let po-ghb  = ([W] ; po ; [W]) | ([R] ; po ; [M])        (all but store-to-load order)
 *   let mfence  = fencerel(MFENCE)
 *   let implied = ([W] ; po ; [R]) &amp; ((_ * X) | (X * _))     (locked instructions)
 *   acyclic mfence | implied | po-ghb | rfe | fr | co      as tso
 * </pre>
 *
 * MFENCE events are smp_mb() ({@link Tag#MB} fences), synchronize_rcu() and synchronize_srcu().
 * The locked set X is every event of an atomic RMW (failed cmpxchg included: lock cmpxchg is
 * locked either way), the LKR/LKW of spin_lock, and srcu_read_lock/unlock (whose implementation
 * has full barriers). smp_rmb, smp_wmb, barrier, smp_mb__{before,after}_atomic,
 * smp_mb__after_spinlock, rcu_read_lock/unlock are compiler barriers on x86 and order nothing
 * more; acquire/release/ONCE accesses and spin_unlock are plain MOVs.
 *
 * <p>For RCU (which x86tso.cat does not know) one more axiom, "rcu", states the fundamental law:
 * with rcu_read_lock/unlock and synchronize_rcu/srcu ordered like full fences, each read-side
 * critical section (L, U) and grace period G of another thread must fit in ghb as U before G or
 * G before L (on x86 the quiescent state that ends a grace period is a full barrier).
 */
public final class TsoChecker implements MemoryModelChecker {
    private static final Verdict OK = Verdict.allow("tso", Set.of());

    @Override
    public String name() {
        return "tso";
    }

    @Override
    public Verdict check(ExecutionGraph g) {
        int n = g.size();
        Rel po = g.po(), rf = g.rf(), co = g.co(), fr = g.fr();
        Rel uniproc = po.inter(g.sameLoc()).union(rf).union(co).union(fr);
        if (!uniproc.isAcyclic()) return Verdict.forbid(name(), "uniproc", uniproc.findCycle());
        int[] bad = Axioms.atomicity(g);
        if (bad != null) return Verdict.forbid(name(), "atomic", bad);

        long[] R = g.readsView(), W = g.writesView(), M = Bits.union(R, W);
        long[] mfenceEvents = Bits.union(g.tagView(Tag.MB), g.tagView(Tag.SYNC_RCU), g.tagView(Tag.SYNC_SRCU));
        mfenceEvents = Bits.inter(mfenceEvents, g.fencesView());
        long[] X = Bits.union(g.tagView(Tag.RMW), g.tagView(Tag.LKR), g.tagView(Tag.LKW),
                g.tagView(Tag.SRCU_LOCK), g.tagView(Tag.SRCU_UNLOCK));
        Rel poGhb = po.restrict(W, W).union(po.restrict(R, M));
        Rel mfence = Axioms.fencerel(g, mfenceEvents).restrict(M, M);
        Rel poWR = po.restrict(W, R);
        Rel implied = poWR.inter(Rel.cross(n, g.allView(), X).union(Rel.cross(n, X, g.allView())));
        Rel ghb = mfence.union(implied).union(poGhb).union(rf.inter(Axioms.ext(g))).union(fr).union(co);
        if (!ghb.isAcyclic()) return Verdict.forbid(name(), "tso", ghb.findCycle());
        if (!Bits.isEmpty(g.tagView(Tag.SYNC_RCU)) || !Bits.isEmpty(g.tagView(Tag.SYNC_SRCU))) {
            // rcu_read_lock/unlock and grace periods as full fences that are events of ghb themselves
            long[] rcuF = Bits.union(Bits.union(g.tagView(Tag.RCU_LOCK), g.tagView(Tag.RCU_UNLOCK)),
                    Bits.union(g.tagView(Tag.SYNC_RCU), g.tagView(Tag.SYNC_SRCU)));
            long[] ends = Bits.union(M, rcuF);
            Rel withRcu = ghb.union(po.restrict(ends, rcuF)).union(po.restrict(rcuF, ends));
            int[] bad2 = Axioms.rcuGracePeriods(g, withRcu);
            if (bad2 != null) return Verdict.forbid(name(), "rcu", bad2);
        }
        return OK;
    }
}
