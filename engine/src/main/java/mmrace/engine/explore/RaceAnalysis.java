package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.Proc;

/**
 * Happens-before and races of one finished execution, for DPOR. Items are the execution's
 * events, then the pending events of contexts left blocked (a deadlock): those never ran, but
 * running them earlier might have been possible, so they race too.
 *
 * <p>Happens-before is program order, spawning, and every conflicting pair in execution order.
 * A race is a conflicting pair of events of different contexts with no other happens-before
 * path between them, except that a RELEASE and the ACQUIRE it enabled (unlock then lock, IRQs
 * back on then the IPI handler) do not race: the explorer looks past them to the previous
 * ACQUIRE, which is the pair that can really be reversed.
 */
final class RaceAnalysis {
    /** A reversible race: {@code first} ran before {@code second}. */
    record Race(int first, int second) {
    }

    final int executed;
    final int size;
    final int[] gid;
    final int[] seq;
    final long[][] fp;
    final int[][] clock;
    final List<Race> races = new ArrayList<>();

    RaceAnalysis(Execution x, int procCount) {
        List<Event> events = x.events();
        List<Event> items = new ArrayList<>(events);
        if (x.status() == Execution.Status.DEADLOCK) {
            for (Proc p : x.procs()) {
                if (!p.isDone() && p.pending() != null) {
                    items.add(p.pending());
                }
            }
        }
        executed = events.size();
        size = items.size();
        gid = new int[size];
        seq = new int[size];
        fp = new long[size][];
        clock = new int[size][];
        int[] last = new int[procCount];
        int[] count = new int[procCount];
        Arrays.fill(last, -1);
        Map<Long, KeyHistory> byKey = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Event e = items.get(i);
            Proc p = e.proc();
            int g = p.gid;
            gid[i] = g;
            seq[i] = ++count[g];
            fp[i] = e.footprint();
            int[] po;
            if (last[g] >= 0) {
                po = clock[last[g]];
            } else if (p.spawnedBy() >= 0) {
                po = clock[p.spawnedBy()];
            } else {
                po = new int[procCount];
            }
            int[] c = po.clone();
            List<Integer> candidates = new ArrayList<>(4);
            for (long a : fp[i]) {
                KeyHistory h = byKey.get(Footprint.key(a));
                if (h != null) {
                    h.scan(Footprint.mode(a), g, c, candidates, clock, gid);
                }
            }
            c[g] = seq[i];
            clock[i] = c;
            for (int j : candidates) {
                if (immediate(j, po, candidates)) {
                    races.add(new Race(j, i));
                }
            }
            if (i < executed) {
                last[g] = i;
                for (long a : fp[i]) {
                    byKey.computeIfAbsent(Footprint.key(a), k -> new KeyHistory()).add(i, Footprint.mode(a));
                }
            }
        }
    }

    /** Candidate j races directly: it happens before neither the program-order predecessor nor another candidate. */
    private boolean immediate(int j, int[] po, List<Integer> candidates) {
        int pj = gid[j];
        if (po[pj] >= seq[j]) {
            return false;
        }
        for (int d : candidates) {
            if (d != j && clock[d][pj] >= seq[j]) {
                return false;
            }
        }
        return true;
    }

    /** Whether item {@code a} happens before item {@code b}. */
    boolean hb(int a, int b) {
        return clock[b][gid[a]] >= seq[a];
    }

    /** The events of one key in execution order, with how each touched it. */
    private static final class KeyHistory {
        private int[] idx = new int[4];
        private Mode[] modes = new Mode[4];
        private int n;

        void add(int i, Mode m) {
            if (n == idx.length) {
                idx = Arrays.copyOf(idx, n * 2);
                modes = Arrays.copyOf(modes, n * 2);
            }
            idx[n] = i;
            modes[n++] = m;
        }

        /**
         * Walks back from the newest event: joins the clocks of the conflicting ones into
         * {@code c} and collects race candidates from other contexts, up to the first
         * exclusive access that is not an enabling release (all before it happen before it).
         */
        void scan(Mode mode, int g, int[] c, List<Integer> candidates, int[][] clock, int[] gid) {
            for (int k = n - 1; k >= 0; k--) {
                Mode m = modes[k];
                if (!m.conflicts(mode)) {
                    continue;
                }
                int j = idx[k];
                join(c, clock[j]);
                boolean enabling = isRelease(m) && isAcquire(mode);
                if (enabling) {
                    continue;
                }
                if (gid[j] != g && !candidates.contains(j)) {
                    candidates.add(j);
                }
                if (m == Mode.WRITE || m == Mode.ACQUIRE || m == Mode.RELEASE) {
                    return;
                }
            }
        }

        private static boolean isRelease(Mode m) {
            return m == Mode.RELEASE || m == Mode.RELEASE_SHARED;
        }

        private static boolean isAcquire(Mode m) {
            return m == Mode.ACQUIRE || m == Mode.ACQUIRE_SHARED;
        }

        private static void join(int[] into, int[] from) {
            for (int i = 0; i < into.length; i++) {
                if (from[i] > into[i]) {
                    into[i] = from[i];
                }
            }
        }
    }
}
