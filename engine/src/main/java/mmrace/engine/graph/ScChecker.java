package mmrace.engine.graph;

import java.util.Set;

/**
 * Sequential consistency (herd's sc.cat): {@code acyclic po | rf | co | fr as sc}, plus the
 * atomicity of RMWs, {@code empty rmw & (fre ; coe) as atomic}. Every annotation is ignored; lock
 * operations are an RMW (LKR, LKW) and a write (UL) whose rf/co the graph already fixes.
 *
 * <p>sc.cat knows no RCU, so that RCU litmus tests keep their meaning one more axiom, "rcu", states
 * RCU's fundamental law operationally: each read-side critical section (L, U) and each grace
 * period G of another thread can be placed in the total order with U before G or G before L
 * (SRCU: only for synchronize_srcu() on the same srcu_struct).
 */
public final class ScChecker implements MemoryModelChecker {
    private static final Verdict OK = Verdict.allow("sc", Set.of());

    @Override
    public String name() {
        return "sc";
    }

    @Override
    public Verdict check(ExecutionGraph g) {
        Rel com = g.rf().union(g.co()).union(g.fr());
        Rel sc = g.po().union(com);
        if (!sc.isAcyclic()) return Verdict.forbid(name(), "sc", sc.findCycle());
        int[] bad = Axioms.atomicity(g);
        if (bad != null) return Verdict.forbid(name(), "atomic", bad);
        bad = Axioms.rcuGracePeriods(g, sc);
        if (bad != null) return Verdict.forbid(name(), "rcu", bad);
        return OK;
    }
}
