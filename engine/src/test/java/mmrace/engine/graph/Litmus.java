package mmrace.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A tiny herd for tests: the events of one control-flow path of a litmus test are added to
 * {@link #b}; {@link #candidates()} then completes them in every way herd would (each read from
 * any write of its location, each order of the writes of each location; lock rf/co as lock.cat
 * derives them) and keeps the graphs that are well formed and satisfy the test's condition.
 */
final class Litmus {
    final String name;
    final ExecutionGraph.Builder b = ExecutionGraph.builder();
    private Predicate<ExecutionGraph> cond = g -> true;

    Litmus(String name) {
        this.name = name;
    }

    int loc(String n) {
        return b.location(n);
    }

    int loc(String n, long init) {
        return b.location(n, init);
    }

    /** The condition (herd's exists, or filter /\ exists) on a candidate. */
    Litmus exists(Predicate<ExecutionGraph> c) {
        cond = c;
        return this;
    }

    /** Final value of location {@code l}: the co-last write's. */
    static long fin(ExecutionGraph g, int l) {
        int last = g.initOf(l);
        for (int e = 0; e < g.size(); e++)
            if (g.isWrite(e) && g.loc(e) == l && g.co().has(last, e)) last = e;
        return g.value(last);
    }

    /** Every well-formed completion satisfying the condition. */
    List<ExecutionGraph> candidates() {
        int n = b.size();
        List<Integer> reads = new ArrayList<>();
        List<int[]> sources = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            if (b.kind(e) != EventKind.READ || b.has(e, Tag.LKR)) continue;
            List<Integer> src = new ArrayList<>();
            for (int w = 0; w < n; w++) if (b.kind(w).isWrite() && b.loc(w) == b.loc(e)) src.add(w);
            reads.add(e);
            sources.add(src.stream().mapToInt(Integer::intValue).toArray());
        }
        List<List<int[]>> orders = new ArrayList<>();
        for (int l = 0; l < b.locations(); l++) {
            List<Integer> ws = new ArrayList<>();
            for (int w = 0; w < n; w++)
                if (b.kind(w) == EventKind.WRITE && b.loc(w) == l && !b.has(w, Tag.UL)) ws.add(w);
            if (ws.size() > 1) orders.add(permutations(ws.stream().mapToInt(Integer::intValue).toArray()));
        }
        List<ExecutionGraph> out = new ArrayList<>();
        int[] rfChoice = new int[reads.size()];
        int[] coChoice = new int[orders.size()];
        while (true) {
            ExecutionGraph.Builder c = b.copy().strictValues(false);
            for (int i = 0; i < rfChoice.length; i++) c.rf(sources.get(i)[rfChoice[i]], reads.get(i));
            for (int i = 0; i < coChoice.length; i++) c.coOrder(orders.get(i).get(coChoice[i]));
            try {
                ExecutionGraph g = c.build();
                if (cond.test(g)) out.add(g);
            } catch (MalformedGraphException e) {
                // not a candidate herd would build
            }
            int k = 0;
            for (; k < rfChoice.length; k++) {
                if (++rfChoice[k] < sources.get(k).length) break;
                rfChoice[k] = 0;
            }
            if (k < rfChoice.length) continue;
            k = 0;
            for (; k < coChoice.length; k++) {
                if (++coChoice[k] < orders.get(k).size()) break;
                coChoice[k] = 0;
            }
            if (k == coChoice.length) return out;
        }
    }

    private static List<int[]> permutations(int[] a) {
        List<int[]> out = new ArrayList<>();
        permute(a.clone(), 0, out);
        return out;
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k]; a[k] = a[i]; a[i] = t;
            permute(a, k + 1, out);
            t = a[k]; a[k] = a[i]; a[i] = t;
        }
    }

    /** herd's answer for the condition: "Sometimes" if some candidate is allowed, else "Never". */
    String result(MemoryModelChecker m) {
        return result(m, candidates());
    }

    static String result(MemoryModelChecker m, List<ExecutionGraph> cands) {
        if (cands.isEmpty()) throw new AssertionError("no candidate satisfies the condition");
        for (ExecutionGraph g : cands) if (m.check(g).allowed()) return "Sometimes";
        return "Never";
    }
}
