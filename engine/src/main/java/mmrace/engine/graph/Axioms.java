package mmrace.engine.graph;

import java.util.ArrayList;
import java.util.List;

/** Small pieces shared by several models. */
final class Axioms {
    private Axioms() {}

    /** herd's {@code ext}: pairs of events on different threads (initial writes are on none). */
    static Rel ext(ExecutionGraph g) {
        int n = g.size();
        return Rel.cross(n, g.allView(), g.allView()).minus(g.internal());
    }

    /** {@code fencerel(S) = po ; [S] ; po}. */
    static Rel fencerel(ExecutionGraph g, long[] s) {
        Rel po = g.po();
        return po.ran(s).seq(po);
    }

    /** A pair violating {@code empty rmw & (fre ; coe) as atomic}, or null. */
    static int[] atomicity(ExecutionGraph g) {
        Rel rmw = g.rmw();
        if (rmw.isEmpty()) return null;
        Rel ext = ext(g);
        Rel bad = rmw.inter(g.fr().inter(ext).seq(g.co().inter(ext)));
        return bad.anyPair();
    }

    /**
     * linux-kernel.bell's rcu-rscs: matching pairs of properly nested rcu_read_lock/unlock, by
     * iterating its let rec from the empty relation to the fixpoint.
     */
    static Rel rcuRscs(ExecutionGraph g) {
        int n = g.size();
        long[] rcuLock = g.tagView(Tag.RCU_LOCK), rcuUnlock = g.tagView(Tag.RCU_UNLOCK);
        Rel matched = Rel.empty(n);
        if (Bits.isEmpty(rcuLock) || Bits.isEmpty(rcuUnlock)) return matched;
        Rel po = g.po();
        while (true) {
            long[] unmatchedLocks = Bits.minus(rcuLock, matched.domain());
            long[] unmatchedUnlocks = Bits.minus(rcuUnlock, matched.range());
            long[] unmatched = Bits.union(unmatchedLocks, unmatchedUnlocks);
            Rel unmatchedPo = po.restrict(unmatched, unmatched);
            Rel locksToUnlocks = po.restrict(unmatchedLocks, unmatchedUnlocks);
            Rel next = matched.union(locksToUnlocks.minus(unmatchedPo.seq(unmatchedPo)));
            if (next.equals(matched)) return matched;
            matched = next;
        }
    }

    /**
     * linux-kernel.bell's srcu-rscs: srcu_read_lock to the srcu_read_unlock its index reaches by
     * data (possibly through memory: {@code carry-srcu-data = (data ; [~Srcu-unlock] ; rf)*}),
     * on the same srcu_struct.
     */
    static Rel srcuRscs(ExecutionGraph g) {
        int n = g.size();
        long[] srcuLock = g.tagView(Tag.SRCU_LOCK), srcuUnlock = g.tagView(Tag.SRCU_UNLOCK);
        if (Bits.isEmpty(srcuLock) || Bits.isEmpty(srcuUnlock)) return Rel.empty(n);
        Rel data = g.data();
        Rel carrySrcuData = data.ran(Bits.complement(n, srcuUnlock)).seq(g.rf()).star();
        return carrySrcuData.dom(srcuLock).seq(data).ran(srcuUnlock).inter(g.sameLoc());
    }

    /**
     * RCU's fundamental law for the operational models (SC, TSO), which know no rb relation: a
     * read-side critical section (L, U) and a grace period G of another thread are ordered one way
     * or the other, U before G or G before L. Finds a choice of these edges keeping
     * {@code base} acyclic; a grace period inside a critical section of its own thread
     * (po-between L and U) can never end. SRCU sections only meet synchronize_srcu() of their
     * srcu_struct.
     *
     * @return null if some choice works, else a witness (a cycle, or the sleeping grace period)
     */
    static int[] rcuGracePeriods(ExecutionGraph g, Rel base) {
        long[] syncRcu = g.tagView(Tag.SYNC_RCU), syncSrcu = g.tagView(Tag.SYNC_SRCU);
        if (Bits.isEmpty(syncRcu) && Bits.isEmpty(syncSrcu)) return null;
        Rel po = g.po();
        List<int[]> choices = new ArrayList<>();
        Rel fixed = base;
        for (int pass = 0; pass < 2; pass++) {
            Rel cs = pass == 0 ? rcuRscs(g) : srcuRscs(g);
            long[] gps = pass == 0 ? syncRcu : syncSrcu;
            for (int l = 0; l < g.size(); l++) {
                for (int u = Bits.next(cs.row(l), 0); u >= 0; u = Bits.next(cs.row(l), u + 1)) {
                    for (int gp = Bits.first(gps); gp >= 0; gp = Bits.next(gps, gp + 1)) {
                        if (pass == 1 && g.loc(gp) != g.loc(l)) continue;
                        if (g.thread(gp) == g.thread(l)) {
                            if (po.has(l, gp) && po.has(gp, u)) return new int[] {l, gp, u};
                            continue;
                        }
                        choices.add(new int[] {u, gp, gp, l});
                    }
                }
            }
        }
        return choose(fixed, choices, 0);
    }

    private static int[] choose(Rel rel, List<int[]> choices, int k) {
        if (!rel.isAcyclic()) return rel.findCycle();
        if (k == choices.size()) return null;
        int[] c = choices.get(k);
        int[] witness = null;
        for (int side = 0; side < 2; side++) {
            Rel r = rel.copy();
            r.add(c[2 * side], c[2 * side + 1]);
            int[] w = choose(r, choices, k + 1);
            if (w == null) return null;
            witness = w;
        }
        return witness;
    }
}
