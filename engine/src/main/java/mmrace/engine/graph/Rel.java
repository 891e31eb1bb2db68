package mmrace.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary relation over the events {@code 0..n-1} of one graph, stored as one bitset row per
 * event (row {@code i} holds the {@code j} with {@code i -> j}). The operations mirror herd's cat
 * operators and return fresh relations; a {@code Rel} handed out by a graph or a checker is never
 * changed afterwards.
 *
 * <pre>
 *   cat          here
 *   r | s        r.union(s)          r &amp; s      r.inter(s)        r \ s   r.minus(s)
 *   r ; s        r.seq(s)            r^-1       r.inverse()
 *   r+           r.plus()            r*         r.star()          r?      r.opt()
 *   [S]          Rel.identityOn(n,S) S1 * S2    Rel.cross(n,S1,S2)
 *   [S] ; r      r.dom(S)            r ; [S]    r.ran(S)
 *   domain(r)    r.domain()          range(r)   r.range()
 *   acyclic r    r.isAcyclic()       irreflexive r  r.isIrreflexive()  empty r  r.isEmpty()
 * </pre>
 */
public final class Rel {
    final int n;
    final int w;
    final long[] b;

    Rel(int n) {
        this.n = n;
        this.w = Bits.words(n);
        this.b = new long[n * w];
    }

    private Rel(int n, long[] bits) {
        this.n = n;
        this.w = Bits.words(n);
        this.b = bits;
    }

    public static Rel empty(int n) {
        return new Rel(n);
    }

    public static Rel identity(int n) {
        Rel r = new Rel(n);
        for (int i = 0; i < n; i++) r.add(i, i);
        return r;
    }

    /** {@code [S]}: the identity restricted to the set {@code s}. */
    public static Rel identityOn(int n, long[] s) {
        Rel r = new Rel(n);
        for (int i = Bits.first(s); i >= 0; i = Bits.next(s, i + 1)) r.add(i, i);
        return r;
    }

    /** {@code S1 * S2}: every pair from {@code a} to {@code c}. */
    public static Rel cross(int n, long[] a, long[] c) {
        Rel r = new Rel(n);
        for (int i = Bits.first(a); i >= 0; i = Bits.next(a, i + 1))
            System.arraycopy(c, 0, r.b, i * r.w, r.w);
        return r;
    }

    public int size() {
        return n;
    }

    public boolean has(int i, int j) {
        return (b[i * w + (j >>> 6)] & (1L << j)) != 0;
    }

    void add(int i, int j) {
        b[i * w + (j >>> 6)] |= 1L << j;
    }

    void remove(int i, int j) {
        b[i * w + (j >>> 6)] &= ~(1L << j);
    }

    /** The successors of {@code i}, as a fresh set. */
    public long[] row(int i) {
        return Arrays.copyOfRange(b, i * w, i * w + w);
    }

    boolean rowIsEmpty(int i) {
        for (int k = i * w, e = k + w; k < e; k++) if (b[k] != 0) return false;
        return true;
    }

    Rel copy() {
        return new Rel(n, b.clone());
    }

    public Rel union(Rel o) {
        long[] r = b.clone();
        for (int k = 0; k < r.length; k++) r[k] |= o.b[k];
        return new Rel(n, r);
    }

    public Rel inter(Rel o) {
        long[] r = b.clone();
        for (int k = 0; k < r.length; k++) r[k] &= o.b[k];
        return new Rel(n, r);
    }

    public Rel minus(Rel o) {
        long[] r = b.clone();
        for (int k = 0; k < r.length; k++) r[k] &= ~o.b[k];
        return new Rel(n, r);
    }

    void orInPlace(Rel o) {
        for (int k = 0; k < b.length; k++) b[k] |= o.b[k];
    }

    /**
     * {@code this ; o}. Rows of {@code o} that are exactly {@code {j}} (identity rows, common in
     * {@code r?} and {@code r*}) are handled a word at a time, so a sparse closure on the right
     * costs little.
     */
    public Rel seq(Rel o) {
        Rel r = new Rel(n);
        if (isEmpty() || o.isEmpty()) return r;
        long[] idRows = new long[w], nonEmpty = new long[w];
        for (int j = 0; j < n; j++) {
            int jb = j * w;
            boolean any = false, onlySelf = true;
            for (int k = 0; k < w; k++) {
                long word = o.b[jb + k];
                if (word != 0) any = true;
                long self = k == (j >>> 6) ? 1L << j : 0L;
                if (word != self) onlySelf = false;
            }
            if (onlySelf) idRows[j >>> 6] |= 1L << j;
            else if (any) nonEmpty[j >>> 6] |= 1L << j;
        }
        for (int i = 0; i < n; i++) {
            int base = i * w;
            for (int wi = 0; wi < w; wi++) {
                long row = b[base + wi];
                r.b[base + wi] |= row & idRows[wi];
                long word = row & nonEmpty[wi];
                while (word != 0) {
                    int j = (wi << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    int ob = j * w;
                    for (int k = 0; k < w; k++) r.b[base + k] |= o.b[ob + k];
                }
            }
        }
        return r;
    }

    /** {@code this ; o1 ; o2 ; ...}. */
    public Rel seq(Rel o1, Rel... more) {
        Rel r = seq(o1);
        for (Rel m : more) r = r.seq(m);
        return r;
    }

    public Rel inverse() {
        Rel r = new Rel(n);
        for (int i = 0; i < n; i++) {
            int base = i * w;
            for (int wi = 0; wi < w; wi++) {
                long word = b[base + wi];
                while (word != 0) {
                    int j = (wi << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    r.add(j, i);
                }
            }
        }
        return r;
    }

    /** {@code [s] ; this}. */
    public Rel dom(long[] s) {
        Rel r = new Rel(n);
        for (int i = Bits.first(s); i >= 0; i = Bits.next(s, i + 1))
            System.arraycopy(b, i * w, r.b, i * w, w);
        return r;
    }

    /** {@code this ; [s]}. */
    public Rel ran(long[] s) {
        long[] r = b.clone();
        for (int i = 0; i < n; i++) for (int k = 0; k < w; k++) r[i * w + k] &= s[k];
        return new Rel(n, r);
    }

    /** {@code [s1] ; this ; [s2]}. */
    public Rel restrict(long[] s1, long[] s2) {
        Rel r = new Rel(n);
        for (int i = Bits.first(s1); i >= 0; i = Bits.next(s1, i + 1))
            for (int k = 0, base = i * w; k < w; k++) r.b[base + k] = b[base + k] & s2[k];
        return r;
    }

    /** {@code this?}: adds the identity over all events. */
    public Rel opt() {
        Rel r = copy();
        for (int i = 0; i < n; i++) r.add(i, i);
        return r;
    }

    /**
     * {@code this+}: transitive closure. An acyclic relation (the usual case: hb, pb, prop are
     * checked acyclic before they are closed) is closed in reverse topological order in
     * O(edges * words); a cyclic one by Warshall over bit rows.
     */
    public Rel plus() {
        Rel r = copy();
        if (isEmpty()) return r;
        int[] order = topologicalOrder();
        if (order != null) return closeInOrder(order);
        long[] a = r.b;
        for (int k = 0; k < n; k++) {
            int kb = k * w, kw = k >>> 6;
            long kbit = 1L << k;
            for (int i = 0; i < n; i++) {
                int ib = i * w;
                if ((a[ib + kw] & kbit) != 0) for (int x = 0; x < w; x++) a[ib + x] |= a[kb + x];
            }
        }
        return r;
    }

    /** Transitive closure given a topological order: rows filled from the sinks back. */
    private Rel closeInOrder(int[] order) {
        Rel r = copy();
        long[] a = r.b;
        for (int x = n - 1; x >= 0; x--) {
            int i = order[x], ib = i * w;
            for (int wi = 0; wi < w; wi++) {
                long word = b[ib + wi];
                while (word != 0) {
                    int j = (wi << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    int jb = j * w;
                    for (int k = 0; k < w; k++) a[ib + k] |= a[jb + k];
                }
            }
        }
        return r;
    }

    /** The events in an order where every edge goes forward, or null when there is a cycle. */
    private int[] topologicalOrder() {
        int[] indeg = new int[n];
        for (int i = 0; i < n; i++) {
            int base = i * w;
            for (int wi = 0; wi < w; wi++) {
                long word = b[base + wi];
                while (word != 0) {
                    indeg[(wi << 6) + Long.numberOfTrailingZeros(word)]++;
                    word &= word - 1;
                }
            }
        }
        int[] order = new int[n];
        int head = 0, tail = 0;
        for (int i = 0; i < n; i++) if (indeg[i] == 0) order[tail++] = i;
        while (head < tail) {
            int i = order[head++];
            int base = i * w;
            for (int wi = 0; wi < w; wi++) {
                long word = b[base + wi];
                while (word != 0) {
                    int j = (wi << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    if (--indeg[j] == 0) order[tail++] = j;
                }
            }
        }
        return tail == n ? order : null;
    }

    /** {@code this*} if the relation is acyclic, else null (one topological sort for both questions). */
    public Rel starIfAcyclic() {
        Rel r;
        if (isEmpty()) {
            r = copy();
        } else {
            int[] order = topologicalOrder();
            if (order == null) return null;
            r = closeInOrder(order);
        }
        for (int i = 0; i < n; i++) r.add(i, i);
        return r;
    }

    /** {@code this*}: reflexive transitive closure. */
    public Rel star() {
        Rel r = plus();
        for (int i = 0; i < n; i++) r.add(i, i);
        return r;
    }

    public long[] domain() {
        long[] s = new long[w];
        for (int i = 0; i < n; i++) if (!rowIsEmpty(i)) s[i >>> 6] |= 1L << i;
        return s;
    }

    public long[] range() {
        long[] s = new long[w];
        for (int i = 0; i < n; i++) for (int k = 0; k < w; k++) s[k] |= b[i * w + k];
        return s;
    }

    public boolean isEmpty() {
        for (long x : b) if (x != 0) return false;
        return true;
    }

    public boolean isIrreflexive() {
        for (int i = 0; i < n; i++) if (has(i, i)) return false;
        return true;
    }

    /** A reflexive event, or -1. */
    public int reflexiveEvent() {
        for (int i = 0; i < n; i++) if (has(i, i)) return i;
        return -1;
    }

    public int count() {
        int c = 0;
        for (long x : b) c += Long.bitCount(x);
        return c;
    }

    /** Some pair {@code {i, j}} of the relation, or null when it is empty. */
    public int[] anyPair() {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < w; k++) {
                long word = b[i * w + k];
                if (word != 0) return new int[] {i, (k << 6) + Long.numberOfTrailingZeros(word)};
            }
        }
        return null;
    }

    /** Acyclicity by repeatedly peeling events without predecessors (Kahn), O(n^2 / 64 + edges). */
    public boolean isAcyclic() {
        return isEmpty() || topologicalOrder() != null;
    }

    /** The events of one cycle in edge order, or null when the relation is acyclic. */
    public int[] findCycle() {
        int[] color = new int[n]; // 0 white, 1 on stack, 2 done
        int[] parent = new int[n];
        int[] stack = new int[n];
        int[] cursor = new int[n];
        for (int root = 0; root < n; root++) {
            if (color[root] != 0) continue;
            int sp = 0;
            stack[sp++] = root;
            color[root] = 1;
            cursor[root] = 0;
            parent[root] = -1;
            while (sp > 0) {
                int i = stack[sp - 1];
                int j = nextSucc(i, cursor[i]);
                if (j < 0) {
                    color[i] = 2;
                    sp--;
                    continue;
                }
                cursor[i] = j + 1;
                if (color[j] == 1) {
                    List<Integer> cyc = new ArrayList<>();
                    for (int v = i; v != j; v = parent[v]) cyc.add(v);
                    cyc.add(j);
                    int[] out = new int[cyc.size()];
                    for (int k = 0; k < out.length; k++) out[k] = cyc.get(out.length - 1 - k);
                    return out;
                }
                if (color[j] == 0) {
                    color[j] = 1;
                    parent[j] = i;
                    cursor[j] = 0;
                    stack[sp++] = j;
                }
            }
        }
        return null;
    }

    private int nextSucc(int i, int from) {
        if (from >= n) return -1;
        int base = i * w;
        int wi = from >>> 6;
        long word = b[base + wi] & (-1L << from);
        while (true) {
            if (word != 0) return (wi << 6) + Long.numberOfTrailingZeros(word);
            if (++wi == w) return -1;
            word = b[base + wi];
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rel r && r.n == n && Arrays.equals(r.b, b);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            for (int j = nextSucc(i, 0); j >= 0; j = nextSucc(i, j + 1)) {
                if (sb.length() > 1) sb.append(", ");
                sb.append(i).append("->").append(j);
            }
        }
        return sb.append('}').toString();
    }
}
