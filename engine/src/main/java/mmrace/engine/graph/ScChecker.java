package mmrace.engine.graph;

import java.util.Set;

/**
 * Sequential consistency (herd's sc.cat): {@code acyclic po | rf | co | fr as sc}, plus the
 * atomicity of RMWs, {@code empty rmw & (fre ; coe) as atomic}. Every annotation is ignored; lock
 * operations are an RMW (LKR, LKW) and a write (UL) whose rf/co the graph already fixes.
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
        return OK;
    }
}
