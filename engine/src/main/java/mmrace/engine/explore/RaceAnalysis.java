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
 * back on then the IPI handler, a handler's end then its task's next event) do not race: the
 * explorer looks past them to the previous ACQUIRE, which is the pair that can really be
 * reversed. An enabling pair does not race on the other keys the two share either (IRQs back
 * on and the handler's entry both write the RCU nesting key): the later event could not have
 * run first. And an event that waited for a release is not racing with what happened before
 * that release: one event may be both the acquire and an access (a task's next event after a
 * handler both waits for the handler's end and reads what the handler wrote; it races with
 * the handler's start, not with the write).
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
            Candidates found = new Candidates();
            for (long a : fp[i]) {
                KeyHistory h = byKey.get(Footprint.key(a));
                if (h != null) {
                    h.scan(Footprint.mode(a), g, c, found, clock, gid);
                }
            }
            c[g] = seq[i];
            clock[i] = c;
            found.dropEnablers();
            for (int k = 0; k < found.size(); k++) {
                if (immediate(k, po, found)) {
                    races.add(new Race(found.at(k), i));
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

    /**
     * Candidate {@code k} races directly: it happens before neither the program-order
     * predecessor, nor another candidate that races, nor (unless it was found behind the
     * release) a release that enabled the event.
     */
    private boolean immediate(int k, int[] po, Candidates found) {
        int j = found.at(k);
        int pj = gid[j];
        if (po[pj] >= seq[j] || (!found.pastRelease(k) && orderedByEnabler(j, found))) {
            return false;
        }
        for (int m = 0; m < found.size(); m++) {
            int d = found.at(m);
            if (d != j && clock[d][pj] >= seq[j] && (found.pastRelease(m) || !orderedByEnabler(d, found))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code j} happens before a release that the event waited for. */
    private boolean orderedByEnabler(int j, Candidates found) {
        for (int en : found.enablers) {
            if (clock[en][gid[j]] >= seq[j]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The race candidates of one event, each found either directly (the newest conflicting
     * access of another context) or behind an enabling release (the previous ACQUIRE), and the
     * releases that enabled the event.
     */
    private static final class Candidates {
        private final List<Integer> items = new ArrayList<>(4);
        private final List<Boolean> behind = new ArrayList<>(4);
        final List<Integer> enablers = new ArrayList<>(2);

        void add(int j, boolean pastRelease) {
            int k = items.indexOf(j);
            if (k < 0) {
                items.add(j);
                behind.add(pastRelease);
            } else if (!pastRelease) {
                behind.set(k, false);
            }
        }

        /** A release that enabled the event does not race with it on its other keys either. */
        void dropEnablers() {
            for (int k = items.size() - 1; k >= 0; k--) {
                if (!behind.get(k) && enablers.contains(items.get(k))) {
                    items.remove(k);
                    behind.remove(k);
                }
            }
        }

        int size() {
            return items.size();
        }

        int at(int k) {
            return items.get(k);
        }

        boolean pastRelease(int k) {
            return behind.get(k);
        }
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
         * {@code c} and collects race candidates and enabling releases from other contexts, up
         * to the first exclusive access that is not an enabling release (all before it happen
         * before it).
         */
        void scan(Mode mode, int g, int[] c, Candidates found, int[][] clock, int[] gid) {
            boolean pastRelease = false;
            for (int k = n - 1; k >= 0; k--) {
                Mode m = modes[k];
                if (!m.conflicts(mode)) {
                    continue;
                }
                int j = idx[k];
                join(c, clock[j]);
                boolean enabling = isRelease(m) && isAcquire(mode);
                if (enabling) {
                    if (gid[j] != g && !found.enablers.contains(j)) {
                        found.enablers.add(j);
                    }
                    pastRelease = true;
                    continue;
                }
                if (gid[j] != g) {
                    found.add(j, pastRelease);
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
