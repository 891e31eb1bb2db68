package mmrace.engine.weak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Proc;

/**
 * Where a run says the search must also try another order: dynamic partial-order reduction
 * (Flanagan and Godefroid, POPL 2005) over the events that were scheduled at a choice point.
 * Two events of different contexts race when they conflict (weak footprints, see
 * {@link Independence}) and nothing else orders them in the run (program order, spawning, and
 * earlier conflicts); then, at the choice point that scheduled the first, the context of the
 * second must also be tried first, or every context if it could not run there.
 *
 * <p>Events run at once because they commute with everything (no choice point) never race,
 * and data choices need no such care: a load may read a write executed after it (speculation),
 * so which writes ran first does not limit what it can read.
 */
final class Backtracking {
    private Backtracking() {
    }

    /**
     * The races of one run.
     *
     * @param events the run's events, in order
     * @param node   for each event, the depth of the choice point that scheduled it, or -1
     * @param procs  how many contexts the run had (by gid: ids below this)
     * @return pairs {node depth, gid of the context to try there}
     */
    static List<int[]> races(List<Event> events, int[] node, int procs, Independence ind) {
        int n = events.size();
        int[][] clock = new int[n][];
        long[][] fp = new long[n][];
        int[] last = new int[procs];
        int[] count = new int[procs];
        Arrays.fill(last, -1);
        List<int[]> out = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            Event ef = events.get(f);
            Proc pf = ef.proc();
            int g = pf.gid;
            int[] c;
            if (last[g] >= 0) {
                c = clock[last[g]].clone();
            } else if (pf.spawnedBy() >= 0 && pf.spawnedBy() < f) {
                c = clock[pf.spawnedBy()].clone();
            } else {
                c = new int[procs];
            }
            fp[f] = ind.footprint(ef, pf);
            if (f < node.length && node[f] >= 0) {
                List<Integer> deps = new ArrayList<>();
                for (int e = 0; e < f; e++) {
                    if (e < node.length && node[e] >= 0 && events.get(e).proc().gid != g
                            && mmrace.engine.exec.Footprint.dependent(fp[e], fp[f])) {
                        deps.add(e);
                    }
                }
                // for each other context, its last conflicting event: a race unless something
                // else orders it before f (program order, or another conflict of f's)
                boolean[] done = new boolean[procs];
                for (int k = deps.size() - 1; k >= 0; k--) {
                    int e = deps.get(k);
                    int h = events.get(e).proc().gid;
                    if (done[h] || mmrace.engine.exec.Footprint.onlyEnables(fp[e], fp[f])) {
                        continue; // an unlock does not race with the lock it let in: look further back
                    }
                    done[h] = true;
                    if (!ordered(e, h, c, deps, clock)) {
                        out.add(new int[] {node[e], g});
                    }
                }
                for (int e : deps) {
                    join(c, clock[e]);
                }
            }
            c[g] = ++count[g];
            clock[f] = c;
            last[g] = f;
        }
        return out;
    }

    /** Whether e (of context h) happens before f through f's program order or another conflict of f's. */
    private static boolean ordered(int e, int h, int[] poClock, List<Integer> deps, int[][] clock) {
        int mark = clock[e][h];
        if (poClock[h] >= mark) {
            return true;
        }
        for (int d : deps) {
            if (d != e && clock[d][h] >= mark) {
                return true;
            }
        }
        return false;
    }

    private static void join(int[] into, int[] from) {
        for (int i = 0; i < into.length; i++) {
            if (from[i] > into[i]) {
                into[i] = from[i];
            }
        }
    }
}
