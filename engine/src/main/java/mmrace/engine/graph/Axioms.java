package mmrace.engine.graph;

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
}
