package mmrace.engine.weak;

import java.util.Arrays;

/**
 * Per-location coherence, checked while the graph grows: {@code acyclic po-loc | rf | co | fr}
 * over one location's events, which every model here requires (LKMM's "coherence", TSO's
 * "uniproc", and SC a fortiori). Reads whose source is not known yet contribute only their
 * program order; since later events only add edges, a cycle now means no completion of this
 * execution is consistent, so the explorer never offers such a choice.
 */
final class Coherence {
    private Coherence() {
    }

    /** Whether location {@code l} of {@code g} is coherent so far. */
    static boolean ok(WeakGraph g, WeakGraph.Location l) {
        IntList acc = l.accesses;
        int k = acc.size() + 1;
        int[] ev = new int[k];
        ev[0] = l.init;
        for (int i = 0; i < acc.size(); i++) {
            ev[i + 1] = acc.get(i);
        }
        int[][] succ = new int[k][];
        int[] deg = new int[k];
        for (int i = 0; i < k; i++) {
            succ[i] = new int[4];
        }
        // co: init -> co[0] -> co[1] ...
        int prev = 0;
        for (int i = 0; i < l.co.size(); i++) {
            int j = local(ev, l.co.get(i));
            edge(succ, deg, prev, j);
            prev = j;
        }
        // po-loc: consecutive accesses of each thread (accesses are in program order per thread)
        int[] lastOf = new int[Math.max(1, g.threads())];
        Arrays.fill(lastOf, -1);
        for (int i = 1; i < k; i++) {
            int t = g.thread[ev[i]];
            if (lastOf[t] >= 0) {
                edge(succ, deg, lastOf[t], i);
            }
            lastOf[t] = i;
        }
        // rf and fr
        for (int i = 1; i < k; i++) {
            int r = ev[i];
            if (!g.isRead(r) || g.rf[r] < 0) {
                continue;
            }
            int w = g.rf[r];
            edge(succ, deg, local(ev, w), i);
            int next = g.coNext(w);
            if (next >= 0) {
                edge(succ, deg, i, local(ev, next));
            }
        }
        return acyclic(succ, deg, k);
    }

    private static int local(int[] ev, int e) {
        for (int i = 0; i < ev.length; i++) {
            if (ev[i] == e) {
                return i;
            }
        }
        throw new IllegalStateException("event " + e + " is not at this location");
    }

    private static void edge(int[][] succ, int[] deg, int a, int b) {
        if (deg[a] == succ[a].length) {
            succ[a] = Arrays.copyOf(succ[a], deg[a] * 2);
        }
        succ[a][deg[a]++] = b;
    }

    /** Kahn's algorithm: acyclic iff every node can be removed. */
    private static boolean acyclic(int[][] succ, int[] deg, int k) {
        int[] in = new int[k];
        for (int a = 0; a < k; a++) {
            for (int j = 0; j < deg[a]; j++) {
                in[succ[a][j]]++;
            }
        }
        int[] queue = new int[k];
        int head = 0;
        int tail = 0;
        for (int a = 0; a < k; a++) {
            if (in[a] == 0) {
                queue[tail++] = a;
            }
        }
        while (head < tail) {
            int a = queue[head++];
            for (int j = 0; j < deg[a]; j++) {
                if (--in[succ[a][j]] == 0) {
                    queue[tail++] = succ[a][j];
                }
            }
        }
        return tail == k;
    }
}
