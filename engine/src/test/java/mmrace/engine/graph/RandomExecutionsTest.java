package mmrace.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random sequentially consistent executions of ~100 events: every model must allow them (SC is
 * the strongest model here), which also exercises every relation of LKMM on big graphs; and a
 * throughput figure for the "millions of checks" use.
 */
class RandomExecutionsTest {

    /** An SC run of random programs: {@code threads} threads of {@code perThread} operations. */
    static ExecutionGraph randomScExecution(Random rnd, int threads, int perThread, int locs, boolean rcu) {
        var b = ExecutionGraph.builder();
        int[] loc = new int[locs];
        for (int i = 0; i < locs; i++) loc[i] = b.location("x" + i);
        int lock = b.location("lock");
        long[] mem = new long[locs];
        int[] lastWrite = new int[locs];
        for (int i = 0; i < locs; i++) lastWrite[i] = b.initOf(loc[i]);
        List<List<Integer>> coOrderPerLoc = new ArrayList<>();
        for (int i = 0; i < locs; i++) coOrderPerLoc.add(new ArrayList<>());
        List<Integer> lkwOrder = new ArrayList<>();
        int[] done = new int[threads];
        int[] lastRead = new int[threads];
        java.util.Arrays.fill(lastRead, -1);
        boolean[] inCs = new boolean[threads];
        boolean[] inRcu = new boolean[threads];
        int holder = -1;
        int lastUnlock = -1;
        long val = 1;
        int remaining = threads * perThread;
        while (remaining > 0) {
            int t = rnd.nextInt(threads);
            if (done[t] == perThread) continue;
            int left = perThread - done[t];
            int op = rnd.nextInt(12);
            int l = rnd.nextInt(locs);
            int added = 1;
            if (inCs[t] && (op == 0 || left <= 2)) {
                lastUnlock = b.unlock(t, lock);
                inCs[t] = false;
                holder = -1;
            } else if (inRcu[t] && (op == 1 || left <= 1)) {
                b.rcuReadUnlock(t);
                inRcu[t] = false;
            } else if (op <= 3) {
                Tag tag = switch (rnd.nextInt(4)) { case 0 -> Tag.ACQUIRE; case 1 -> null; default -> Tag.ONCE; };
                int r = tag == null ? b.read(t, loc[l]) : b.read(t, loc[l], tag);
                b.rf(lastWrite[l], r);
                if (lastRead[t] >= 0 && rnd.nextInt(3) == 0) b.addr(lastRead[t], r);
                lastRead[t] = r;
            } else if (op <= 6) {
                Tag tag = switch (rnd.nextInt(4)) { case 0 -> Tag.RELEASE; case 1 -> null; default -> Tag.ONCE; };
                long v = val++;
                int w = tag == null ? b.write(t, loc[l], v) : b.write(t, loc[l], v, tag);
                if (lastRead[t] >= 0 && rnd.nextInt(3) == 0) b.data(lastRead[t], w);
                coOrderPerLoc.get(l).add(w);
                lastWrite[l] = w;
                mem[l] = v;
            } else if (op == 7) {
                b.fence(t, switch (rnd.nextInt(4)) { case 0 -> Tag.MB; case 1 -> Tag.WMB; case 2 -> Tag.RMB; default -> Tag.BARRIER; });
            } else if (op == 8 && left >= 2) {
                int[] rw = b.rmw(t, loc[l], val++, rnd.nextBoolean() ? Tag.MB : Tag.ONCE);
                b.rf(lastWrite[l], rw[0]);
                coOrderPerLoc.get(l).add(rw[1]);
                lastWrite[l] = rw[1];
                added = 2;
            } else if (op == 9 && holder < 0 && left >= 4) {
                int[] lk = b.lock(t, lock);
                lkwOrder.add(lk[1]);
                holder = t;
                inCs[t] = true;
                added = 2;
            } else if (op == 10 && rcu && !inRcu[t] && left >= 3) {
                b.rcuReadLock(t);
                inRcu[t] = true;
            } else if (op == 11 && rcu && !inRcu[t] && !inCs[t]) {
                // a grace period may only pass when no reader is inside a critical section
                boolean readers = false;
                for (boolean x : inRcu) readers |= x;
                if (readers) continue;
                b.synchronizeRcu(t);
            } else {
                continue;
            }
            done[t] += added;
            remaining -= added;
        }
        for (int i = 0; i < locs; i++) {
            int[] ws = coOrderPerLoc.get(i).stream().mapToInt(Integer::intValue).toArray();
            b.coOrder(ws);
        }
        b.coOrder(lkwOrder.stream().mapToInt(Integer::intValue).toArray());
        return b.build();
    }

    @Test
    void everyModelAllowsSequentiallyConsistentRuns() {
        Random rnd = new Random(42);
        MemoryModelChecker[] models = {new ScChecker(), new TsoChecker(), new LkmmChecker(), new AlphaChecker()};
        for (int i = 0; i < 200; i++) {
            ExecutionGraph g = randomScExecution(rnd, 2 + rnd.nextInt(3), 4 + rnd.nextInt(20), 1 + rnd.nextInt(5), i % 2 == 0);
            for (MemoryModelChecker m : models) {
                Verdict v = m.check(g);
                assertTrue(v.allowed(), () -> v.explain(g) + "\n" + g);
            }
        }
    }

    /** Random programs with random rf and co: mostly forbidden, some allowed, many with plain accesses. */
    static ExecutionGraph randomExecution(Random rnd, int threads, int perThread, int locs) {
        while (true) {
            var b = ExecutionGraph.builder();
            int[] loc = new int[locs];
            for (int i = 0; i < locs; i++) loc[i] = b.location("x" + i);
            int lock = b.location("lock"), srcu = b.location("srcu");
            List<Integer> reads = new ArrayList<>();
            List<List<Integer>> writes = new ArrayList<>();
            for (int i = 0; i <= locs + 1; i++) writes.add(new ArrayList<>());
            List<Integer> lkws = new ArrayList<>();
            Tag[] rTags = {null, Tag.ONCE, Tag.ONCE, Tag.ACQUIRE};
            Tag[] wTags = {null, Tag.ONCE, Tag.ONCE, Tag.RELEASE};
            Tag[] fences = {Tag.MB, Tag.WMB, Tag.RMB, Tag.BARRIER, Tag.SYNC_RCU, Tag.BEFORE_ATOMIC, Tag.AFTER_ATOMIC,
                            Tag.AFTER_SPINLOCK, Tag.AFTER_UNLOCK_LOCK};
            for (int t = 0; t < threads; t++) {
                int last = -1, srcuIdx = -1;
                boolean cs = false, rcs = false;
                for (int k = 0; k < perThread; k++) {
                    int l = rnd.nextInt(locs);
                    int op = rnd.nextInt(14);
                    if (op < 4) {
                        Tag tg = rTags[rnd.nextInt(4)];
                        int r = tg == null ? b.read(t, loc[l]) : b.read(t, loc[l], tg);
                        reads.add(r);
                        if (last >= 0 && rnd.nextInt(3) == 0) b.addr(last, r);
                        last = r;
                    } else if (op < 8) {
                        Tag tg = wTags[rnd.nextInt(4)];
                        int w = tg == null ? b.write(t, loc[l], k + 1) : b.write(t, loc[l], k + 1, tg);
                        writes.get(l).add(w);
                        if (last >= 0 && rnd.nextInt(2) == 0) {
                            if (rnd.nextBoolean()) b.data(last, w); else b.ctrl(last, w);
                        }
                    } else if (op < 10) {
                        b.fence(t, fences[rnd.nextInt(fences.length)]);
                    } else if (op == 10) {
                        int[] rw = b.rmw(t, loc[l], 100 + k, new Tag[] {Tag.MB, Tag.ONCE, Tag.ACQUIRE, Tag.RELEASE, Tag.NORETURN}[rnd.nextInt(5)]);
                        reads.add(rw[0]);
                        writes.get(l).add(rw[1]);
                    } else if (op == 11) {
                        if (!cs) { lkws.add(b.lock(t, lock)[1]); cs = true; }
                        else { writes.get(locs).add(b.unlock(t, lock)); cs = false; }
                    } else if (op == 12) {
                        if (!rcs) b.rcuReadLock(t); else b.rcuReadUnlock(t);
                        rcs = !rcs;
                    } else {
                        if (srcuIdx < 0) { srcuIdx = b.srcuReadLock(t, srcu); reads.add(srcuIdx); }
                        else { writes.get(locs + 1).add(b.srcuReadUnlock(t, srcu, srcuIdx)); srcuIdx = -1; }
                        if (rnd.nextInt(4) == 0) b.synchronizeSrcu(t, srcu);
                    }
                }
                if (cs) writes.get(locs).add(b.unlock(t, lock));
                if (rcs) b.rcuReadUnlock(t);
            }
            for (int r : reads) {
                int l = b.loc(r);
                List<Integer> src = new ArrayList<>();
                src.add(b.initOf(l));
                for (List<Integer> ws : writes) for (int w : ws) if (b.loc(w) == l && !b.has(w, Tag.UL)) src.add(w);
                for (List<Integer> ws : writes) for (int w : ws) if (b.loc(w) == l && b.has(w, Tag.UL)) src.add(w);
                b.rf(src.get(rnd.nextInt(src.size())), r);
            }
            for (int l = 0; l < locs + 2; l++) {
                List<Integer> ws = new ArrayList<>(writes.get(l));
                ws.removeIf(w -> b.has(w, Tag.UL));
                java.util.Collections.shuffle(ws, rnd);
                b.coOrder(ws.stream().mapToInt(Integer::intValue).toArray());
            }
            java.util.Collections.shuffle(lkws, rnd);
            b.coOrder(lkws.stream().mapToInt(Integer::intValue).toArray());
            try {
                return b.strictValues(false).build();
            } catch (MalformedGraphException e) {
                // e.g. a lock read from something else than an unlock: draw again
            }
        }
    }

    @Test
    void rowWiseDataRaceEvaluationMatchesWholeRelations() {
        Random rnd = new Random(1);
        LkmmChecker fast = new LkmmChecker(true, false), reference = new LkmmChecker(true, true);
        int allowed = 0, races = 0, incoherent = 0;
        for (int i = 0; i < 3000; i++) {
            ExecutionGraph g = randomExecution(rnd, 2 + rnd.nextInt(3), 2 + rnd.nextInt(7), 1 + rnd.nextInt(3));
            Verdict a = fast.check(g), b = reference.check(g);
            assertEquals(b.allowed(), a.allowed(), () -> g.toString());
            assertEquals(b.failedAxiom(), a.failedAxiom(), () -> g.toString());
            assertEquals(b.flags(), a.flags(), () -> g.toString());
            if (a.allowed()) allowed++;
            if (a.flagged("data-race")) races++;
            if ("plain-coherence".equals(a.failedAxiom())) incoherent++;
        }
        assertTrue(allowed > 100 && races > 20 && incoherent > 0, allowed + " " + races + " " + incoherent);
    }

    @Test
    void throughputOnHundredEventGraphs() {
        Random rnd = new Random(7);
        List<ExecutionGraph> gs = new ArrayList<>();
        for (int i = 0; i < 50; i++) gs.add(randomScExecution(rnd, 4, 25, 8, i % 2 == 0));
        int total = 0;
        for (ExecutionGraph g : gs) total += g.size();
        MemoryModelChecker[] models = {new ScChecker(), new TsoChecker(), new LkmmChecker(false), new LkmmChecker()};
        String[] labels = {"sc", "tso", "lkmm (no flags)", "lkmm (flags)"};
        for (int k = 0; k < models.length; k++) {
            MemoryModelChecker m = models[k];
            int reps = 0;
            long t0 = System.nanoTime(), deadline = t0 + 300_000_000L;
            int allowed = 0;
            while (System.nanoTime() < deadline) {
                for (ExecutionGraph g : gs) if (m.check(g).allowed()) allowed++;
                reps++;
            }
            double perCheck = (System.nanoTime() - t0) / 1e3 / (reps * gs.size());
            System.out.printf("graph throughput: %-16s %.1f us per check of ~%d events%n", labels[k], perCheck, total / gs.size());
            assertEquals(reps * gs.size(), allowed);
        }
        long t0 = System.nanoTime();
        int builds = 0;
        while (System.nanoTime() - t0 < 200_000_000L) {
            randomScExecution(new Random(builds), 4, 25, 8, true);
            builds++;
        }
        System.out.printf("graph throughput: build %.1f us per ~100-event graph (generation included)%n",
                (System.nanoTime() - t0) / 1e3 / builds);
    }
}
