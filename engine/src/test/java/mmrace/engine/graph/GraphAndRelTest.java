package mmrace.engine.graph;

import static mmrace.engine.graph.Tag.ONCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The relation algebra, the graph builder's checks and completions, and model lookup. */
class GraphAndRelTest {

    static Rel rel(int n, int... pairs) {
        Rel r = Rel.empty(n);
        for (int i = 0; i < pairs.length; i += 2) r.add(pairs[i], pairs[i + 1]);
        return r;
    }

    @Test
    void relationOperators() {
        Rel a = rel(4, 0, 1, 1, 2);
        assertEquals(rel(4, 0, 2), a.seq(a));
        assertEquals(rel(4, 0, 1, 1, 2, 0, 2), a.plus());
        assertEquals(rel(4, 0, 1, 1, 2, 0, 2, 0, 0, 1, 1, 2, 2, 3, 3), a.star());
        assertEquals(rel(4, 1, 0, 2, 1), a.inverse());
        assertEquals(rel(4, 0, 1), a.ran(Bits.of(4, 1)));
        assertEquals(rel(4, 1, 2), a.dom(Bits.of(4, 1)));
        assertArrayEquals(Bits.of(4, 0, 1), a.domain());
        assertArrayEquals(Bits.of(4, 1, 2), a.range());
        assertEquals(rel(4, 0, 3, 1, 3), Rel.cross(4, Bits.of(4, 0, 1), Bits.of(4, 3)));
        assertEquals(rel(4, 1, 2), a.minus(rel(4, 0, 1)));
        assertEquals(rel(4, 0, 1), a.inter(rel(4, 0, 1, 3, 3)));
        assertTrue(a.isAcyclic());
        assertNull(a.findCycle());
        assertTrue(a.isIrreflexive());
        assertEquals(rel(4, 0, 1, 1, 2, 3, 3), a.union(Rel.identityOn(4, Bits.of(4, 3))));
    }

    static boolean[][] naive(Rel r) {
        int n = r.size();
        boolean[][] m = new boolean[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] = r.has(i, j);
        return m;
    }

    static Rel fromNaive(boolean[][] m) {
        Rel r = Rel.empty(m.length);
        for (int i = 0; i < m.length; i++) for (int j = 0; j < m.length; j++) if (m[i][j]) r.add(i, j);
        return r;
    }

    static Rel random(java.util.Random rnd, int n, double density, boolean dag, boolean withIdentity) {
        Rel r = Rel.empty(n);
        for (int i = 0; i < n; i++) {
            if (withIdentity && rnd.nextInt(3) > 0) r.add(i, i);
            for (int j = 0; j < n; j++)
                if ((!dag || i < j) && rnd.nextDouble() < density) r.add(i, j);
        }
        return r;
    }

    @Test
    void algebraAgreesWithNaiveMatrices() {
        java.util.Random rnd = new java.util.Random(3);
        for (int round = 0; round < 300; round++) {
            int n = new int[] {1, 5, 63, 64, 65, 130}[round % 6];
            double d = new double[] {0.0, 0.02, 0.1, 0.5}[rnd.nextInt(4)];
            Rel a = random(rnd, n, d, rnd.nextBoolean(), false);
            Rel b = random(rnd, n, d, rnd.nextBoolean(), rnd.nextBoolean());
            boolean[][] x = naive(a), y = naive(b);
            boolean[][] seq = new boolean[n][n], plus = naive(a);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < n; k++)
                    if (x[i][k]) for (int j = 0; j < n; j++) seq[i][j] |= y[k][j];
            for (int k = 0; k < n; k++)
                for (int i = 0; i < n; i++)
                    if (plus[i][k]) for (int j = 0; j < n; j++) plus[i][j] |= plus[k][j];
            assertEquals(fromNaive(seq), a.seq(b));
            assertEquals(fromNaive(plus), a.plus());
            boolean cyclic = false;
            for (int i = 0; i < n; i++) cyclic |= plus[i][i];
            assertEquals(!cyclic, a.isAcyclic());
            Rel star = a.starIfAcyclic();
            if (cyclic) {
                assertNull(star);
                int[] c = a.findCycle();
                for (int k = 0; k < c.length; k++) assertTrue(a.has(c[k], c[(k + 1) % c.length]));
            } else {
                assertEquals(fromNaive(plus).union(Rel.identity(n)), star);
                assertNull(a.findCycle());
            }
            assertEquals(a, a.inverse().inverse());
            long[] s1 = a.domain(), s2 = b.range();
            assertEquals(Rel.identityOn(n, s1).seq(b).seq(Rel.identityOn(n, s2)), b.restrict(s1, s2));
        }
    }

    @Test
    void cyclesAcrossWordBoundaries() {
        int n = 150;
        Rel r = Rel.empty(n);
        for (int i = 0; i + 1 < n; i++) r.add(i, i + 1);
        assertTrue(r.isAcyclic());
        assertTrue(r.plus().has(0, 149));
        assertFalse(r.plus().has(149, 0));
        r.add(140, 60);
        assertFalse(r.isAcyclic());
        int[] cyc = r.findCycle();
        assertEquals(81, cyc.length);
        for (int k = 0; k < cyc.length; k++) assertTrue(r.has(cyc[k], cyc[(k + 1) % cyc.length]));
        assertFalse(r.plus().isIrreflexive());
        assertEquals(149 + 1, r.count());
    }

    @Test
    void builderDefaultsAndLockDerivation() {
        var b = ExecutionGraph.builder();
        int x = b.location("x", 7), l = b.location("l");
        int r = b.read(0, x, ONCE);
        int[] lk0 = b.lock(0, l);
        int ul0 = b.unlock(0, l);
        int[] lk1 = b.lock(1, l);
        int ul1 = b.unlock(1, l);
        b.co(lk1[1], lk0[1]);                                  // P1's critical section first
        ExecutionGraph g = b.build();
        assertEquals(g.initOf(x), g.rfSource(r));
        assertEquals(7, g.value(r));
        int iw = g.initOf(l);
        // co: IW < LKW1 < UL1 < LKW0 < UL0, and each LKR reads its LKW's co-predecessor
        int[] order = {iw, lk1[1], ul1, lk0[1], ul0};
        for (int i = 0; i < order.length; i++)
            for (int j = i + 1; j < order.length; j++) assertTrue(g.co().has(order[i], order[j]), i + "<" + j);
        assertEquals(iw, g.rfSource(lk1[0]));
        assertEquals(ul1, g.rfSource(lk0[0]));
        assertTrue(g.rmw().has(lk0[0], lk0[1]));
        assertTrue(new LkmmChecker().allows(g));
    }

    @Test
    void builderRejectsWhatIsNoExecution() {
        var b = ExecutionGraph.builder();
        int x = b.location("x"), y = b.location("y");
        int wx = b.write(0, x, 1, ONCE);
        int ry = b.read(1, y, ONCE);
        b.rf(wx, ry);
        assertThrows(MalformedGraphException.class, b::build);         // rf across locations

        var c = ExecutionGraph.builder();
        int z = c.location("z");
        c.write(0, z, 1, ONCE);
        c.write(1, z, 2, ONCE);
        assertThrows(MalformedGraphException.class, c::build);         // co does not order them

        var d = ExecutionGraph.builder();
        int v = d.location("v");
        int w1 = d.write(0, v, 1, ONCE), w2 = d.write(1, v, 2, ONCE);
        d.co(w1, w2).co(w2, w1);
        assertThrows(MalformedGraphException.class, d::build);         // co cyclic

        var e = ExecutionGraph.builder();
        int u = e.location("u");
        int wu = e.write(0, u, 1, ONCE);
        int ru = e.read(1, u, 2, ONCE);
        e.rf(wu, ru);
        assertThrows(MalformedGraphException.class, e::build);         // value mismatch
        e.strictValues(false).build();

        var f = ExecutionGraph.builder();
        int l = f.location("l");
        f.lock(0, l);
        int ul = f.unlock(0, l);
        int[] lk = f.lock(1, l);
        f.rf(f.initOf(l), lk[0]);                                      // must read the unlock
        assertThrows(MalformedGraphException.class, f::build);
        f.rf(ul, lk[0]);
        f.build();

        var h = ExecutionGraph.builder();
        int m = h.location("m");
        assertThrows(IllegalArgumentException.class, () -> h.event(EventKind.FENCE, 0, -1, 0, Tag.mask(Tag.MB, Tag.WMB)));
        assertThrows(IllegalArgumentException.class, () -> h.read(0, m, Tag.RELEASE, Tag.WMB));
        assertThrows(IllegalArgumentException.class, () -> h.write(0, m, 0, Tag.LKR));
        int r0 = h.read(0, m, ONCE);
        int w0 = h.write(1, m, 1, ONCE);
        h.data(w0, r0);
        assertThrows(MalformedGraphException.class, h::build);         // dependency not along po
    }

    @Test
    void modelsByName() {
        assertInstanceOf(LkmmChecker.class, MemoryModelChecker.byName("lkmm"));
        assertInstanceOf(ScChecker.class, MemoryModelChecker.byName("SC"));
        assertInstanceOf(TsoChecker.class, MemoryModelChecker.byName("tso"));
        MemoryModelChecker alpha = MemoryModelChecker.byName("Alpha");
        assertInstanceOf(AlphaChecker.class, alpha);
        assertEquals("alpha", alpha.name());
        assertTrue(((AlphaChecker) alpha).readOnceImpliesRbDep());
        assertThrows(IllegalArgumentException.class, () -> MemoryModelChecker.byName("power"));
        assertThrows(IllegalArgumentException.class, () -> MemoryModelChecker.byName("../x"));
    }

    @Test
    void graphDescribesItself() {
        ExecutionGraph g = KernelLitmus.mpPolocks().candidates().get(0);
        String s = g.toString();
        assertTrue(s.contains("LKR") && s.contains("UL") && s.contains("co:"), s);
        assertEquals(g.size(), Bits.count(g.all()));
        assertEquals(Bits.count(g.reads()) + Bits.count(g.writes()) + Bits.count(g.fences()), g.size());
    }
}
