package mmrace.engine.graph;

import static mmrace.engine.graph.Tag.ACQUIRE;
import static mmrace.engine.graph.Tag.ONCE;
import static mmrace.engine.graph.Tag.RELEASE;
import static mmrace.engine.graph.Tag.RMB;
import static mmrace.engine.graph.Tag.WMB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flags (data races, mixed accesses, RCU/SRCU nesting), plain-coherence, SRCU and lock.cat's axioms. */
class LkmmFeaturesTest {
    final LkmmChecker lkmm = new LkmmChecker();

    /** MP with a plain payload, on the candidate where the reader sees the flag and the payload. */
    static ExecutionGraph mpPlainPayload(Tag wFence, Tag rFence, boolean relAcq) {
        var b = ExecutionGraph.builder();
        int buf = b.location("buf"), flag = b.location("flag");
        int wb = b.write(0, buf, 1);                          // buf = 1 (plain)
        if (wFence != null) b.fence(0, wFence);
        int wf = b.write(0, flag, 1, relAcq ? RELEASE : ONCE);
        int rf = b.read(1, flag, relAcq ? ACQUIRE : ONCE);
        if (rFence != null) b.fence(1, rFence);
        int rb = b.read(1, buf);                              // r1 = buf (plain)
        b.rf(wf, rf).rf(wb, rb);
        return b.build();
    }

    @Test
    void unorderedPlainAccessesRace() {
        Verdict v = lkmm.check(mpPlainPayload(null, null, false));
        assertTrue(v.allowed());
        assertEquals(Set.of("data-race"), v.flags());
    }

    @Test
    void releaseAcquireOrWmbRmbMakeThePayloadRaceFree() {
        assertEquals(Set.of(), lkmm.check(mpPlainPayload(null, null, true)).flags());
        assertEquals(Set.of(), lkmm.check(mpPlainPayload(WMB, RMB, false)).flags());
        assertTrue(lkmm.check(mpPlainPayload(WMB, null, false)).flagged("data-race"));
    }

    @Test
    void readerWhoMissesTheFlagStillRacesOnAnUnguardedPlainRead() {
        var b = ExecutionGraph.builder();
        int buf = b.location("buf"), flag = b.location("flag");
        b.write(0, buf, 1);
        b.write(0, flag, 1, RELEASE);
        b.read(1, flag, ACQUIRE);                             // reads 0 (init)
        b.read(1, buf);                                       // reads 0: fr to the plain write
        Verdict v = lkmm.check(b.build());
        assertTrue(v.allowed());
        assertTrue(v.flagged("data-race"));
    }

    @Test
    void flagsCanBeSwitchedOff() {
        Verdict v = new LkmmChecker(false).check(mpPlainPayload(null, null, false));
        assertTrue(v.allowed());
        assertEquals(Set.of(), v.flags());
    }

    @Test
    void plainCoherence() {
        // LB with plain accesses ordered by release/acquire: hb cannot see the plain events, but
        // plain-coherence forbids the read from a write that executes after it.
        var b = ExecutionGraph.builder();
        int x = b.location("x"), y = b.location("y");
        int rx = b.read(0, x);                                // r = x (plain)
        int wy = b.write(0, y, 1, RELEASE);
        int ry = b.read(1, y, ACQUIRE);
        int wx = b.write(1, x, 1);                            // x = 1 (plain)
        b.rf(wx, rx).rf(wy, ry);
        Verdict v = lkmm.check(b.build());
        assertFalse(v.allowed());
        assertEquals("plain-coherence", v.failedAxiom());
        assertEquals(java.util.List.of(wx, rx), v.witness());
    }

    @Test
    void mixedAccesses() {
        var b = ExecutionGraph.builder();
        int x = b.location("x");
        int w1 = b.write(0, x, 1);                            // x = 1
        int w2 = b.write(0, x, 2, ONCE);                      // WRITE_ONCE(x, 2)
        b.co(w1, w2);
        assertEquals(Set.of("mixed-accesses"), lkmm.check(b.build()).flags());

        var c = ExecutionGraph.builder();
        int y = c.location("y");
        int v1 = c.write(0, y, 1);
        c.fence(0, Tag.BARRIER);                              // barrier() separates them
        int v2 = c.write(0, y, 2, ONCE);
        c.co(v1, v2);
        assertEquals(Set.of(), lkmm.check(c.build()).flags());
    }

    @Test
    void rcuNestingFlags() {
        var b = ExecutionGraph.builder();
        int x = b.location("x");
        b.rcuReadLock(0);
        b.rcuReadLock(0);
        b.read(0, x, ONCE);
        b.rcuReadUnlock(0);
        b.rcuReadUnlock(0);
        assertEquals(Set.of(), lkmm.check(b.build()).flags());

        var c = ExecutionGraph.builder();
        int y = c.location("y");
        c.rcuReadLock(0);
        c.read(0, y, ONCE);
        assertEquals(Set.of("unmatched-rcu-lock"), lkmm.check(c.build()).flags());

        var d = ExecutionGraph.builder();
        d.rcuReadUnlock(0);
        assertEquals(Set.of("unmatched-rcu-unlock"), lkmm.check(d.build()).flags());
    }

    @Test
    void rcuReaderWithoutCriticalSectionIsNotProtected() {
        Litmus t = new Litmus("RCU+sync+read without rcu_read_lock");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        b.write(0, y, 1, ONCE);
        int r0 = b.read(1, x, ONCE);
        b.synchronizeRcu(1);
        int r1 = b.read(1, y, ONCE);
        t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
        assertEquals("Sometimes", t.result(lkmm));
        assertEquals("Sometimes", t.result(new ScChecker()));
        assertEquals("Sometimes", t.result(new TsoChecker()));
    }

    /** RCU+sync+read with SRCU: same or different srcu_struct. */
    static Litmus srcuSyncRead(boolean sameStruct) {
        Litmus t = new Litmus("SRCU+sync+read");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y"), s1 = t.loc("s1"), s2 = t.loc("s2");
        int lk = b.srcuReadLock(0, s1);
        b.write(0, x, 1, ONCE);
        b.write(0, y, 1, ONCE);
        b.srcuReadUnlock(0, s1, lk);
        int r0 = b.read(1, x, ONCE);
        b.synchronizeSrcu(1, sameStruct ? s1 : s2);
        int r1 = b.read(1, y, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
    }

    @Test
    void srcuGracePeriodsOnlyWaitForTheirOwnStruct() {
        for (MemoryModelChecker m : new MemoryModelChecker[] {lkmm, new ScChecker(), new TsoChecker(), new AlphaChecker()}) {
            assertEquals("Never", srcuSyncRead(true).result(m), m.name());
            assertEquals("Sometimes", srcuSyncRead(false).result(m), m.name());
        }
    }

    @Test
    void srcuMatchingFollowsTheIndexThroughMemory() {
        // srcu_down_read() on one thread, index stored to p, srcu_up_read() on another
        var b = ExecutionGraph.builder();
        int s = b.location("s"), p = b.location("p");
        int lk = b.srcuReadLock(0, s);
        int wp = b.write(0, p, 0, ONCE);
        b.data(lk, wp);
        int rp = b.read(1, p, ONCE);
        int ul = b.event(EventKind.WRITE, 1, s, ExecutionGraph.UNKNOWN, Tag.SRCU_UNLOCK.bit());
        b.data(rp, ul);
        b.rf(wp, rp);
        ExecutionGraph g = b.build();
        assertTrue(Axioms.srcuRscs(g).has(lk, ul));
        assertEquals(Set.of(), lkmm.check(g).flags());

        // without the handoff the lock and the unlock are both unmatched
        var c = ExecutionGraph.builder();
        int s2 = c.location("s");
        c.srcuReadLock(0, s2);
        c.event(EventKind.WRITE, 1, s2, 0, Tag.SRCU_UNLOCK.bit());
        assertEquals(Set.of("unmatched-srcu-lock", "unmatched-srcu-unlock"), lkmm.check(c.build()).flags());
    }

    @Test
    void lockNest() {
        var b = ExecutionGraph.builder();
        int l = b.location("l");
        int[] a = b.lock(0, l);
        int[] c = b.lock(0, l);
        b.co(a[1], c[1]);
        Verdict v = lkmm.check(b.build());
        assertEquals("lock-nest", v.failedAxiom());
    }

    @Test
    void twoUnreleasedLocksDeadlock() {
        var b = ExecutionGraph.builder();
        int l = b.location("l");
        int[] a = b.lock(0, l);
        int[] c = b.lock(1, l);
        b.co(a[1], c[1]);
        assertEquals("unmatched-locks", lkmm.check(b.build()).failedAxiom());
    }

    @Test
    void isLockedInsideOwnCriticalSectionMustBeTrue() {
        var b = ExecutionGraph.builder();
        int l = b.location("l");
        b.lock(0, l);
        b.isLocked(0, l, false);
        b.unlock(0, l);
        assertEquals("nested-is-locked", lkmm.check(b.build()).failedAxiom());

        var c = ExecutionGraph.builder();
        int l2 = c.location("l");
        int[] lk = c.lock(0, l2);
        int rl = c.isLocked(0, l2, true);
        c.unlock(0, l2);
        ExecutionGraph g = c.build();
        assertEquals(lk[1], g.rfSource(rl));                // rfi-lf: reads its own LKW
        assertTrue(lkmm.check(g).allowed());
    }

    @Test
    void failedTrylockReadsAnotherThreadsLock() {
        // P0 holds the lock while P1's spin_trylock() fails; nothing orders P1's later read
        Litmus t = new Litmus("trylock");
        var b = t.b;
        int l = t.loc("l"), x = t.loc("x");
        b.lock(0, l);
        b.write(0, x, 1, ONCE);
        b.unlock(0, l);
        int lf = b.trylockFail(1, l);
        int r = b.read(1, x, ONCE);
        t.exists(g -> g.value(r) == 0);
        assertEquals("Sometimes", t.result(lkmm));
        for (ExecutionGraph g : t.candidates()) assertTrue(g.isWrite(g.rfSource(lf)) && g.has(g.rfSource(lf), Tag.LKW));
    }

    @Test
    void unmatchedUnlockIsFlagged() {
        var b = ExecutionGraph.builder();
        int l = b.location("l");
        b.unlock(0, l);
        assertEquals(Set.of("unmatched-unlock"), lkmm.check(b.build()).flags());
    }

    @Test
    void plainAccessToALockIsFlagged() {
        var b = ExecutionGraph.builder();
        int l = b.location("l");
        int[] lk = b.lock(0, l);
        b.unlock(0, l);
        int r = b.read(1, l, ONCE);
        b.rf(lk[1], r);
        Verdict v = lkmm.check(b.build());
        assertTrue(v.allowed());
        assertTrue(v.flagged("mixed-lock-accesses"));
    }

    @Test
    void explanationNamesTheAxiomAndTheCycle() {
        ExecutionGraph g = KernelLitmus.sb(true).candidates().get(0);
        Verdict v = lkmm.check(g);
        assertEquals("propagation", v.failedAxiom());
        String text = v.explain(g);
        assertTrue(text.contains("forbidden by axiom propagation"), text);
        assertFalse(v.witness().isEmpty());
        assertTrue(lkmm.check(KernelLitmus.sb(false).candidates().get(0)).explain(g).contains("allowed"));
    }
}
