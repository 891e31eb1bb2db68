package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Footprint;

/**
 * A node of a wakeup tree (Abdulla et al., "Optimal dynamic partial order reduction", POPL
 * 2014): the context {@code gid} runs its next event, whose footprint is {@code fp}; children
 * are ordered, leftmost first, and each path from a node's root is a sequence of events still
 * to be explored from that node. The first child of a state's root is the branch being
 * explored now.
 */
final class WakeupTree {
    final int gid;
    long[] fp;
    final List<WakeupTree> children = new ArrayList<>(2);

    WakeupTree(int gid, long[] fp) {
        this.gid = gid;
        this.fp = fp;
    }

    /**
     * Inserts the sequence {@code w} (items of {@code ra}) below this root unless an existing
     * branch already covers it: walk down while some child is a weak initial of what is left
     * of {@code w}; reaching a leaf means covered, otherwise hang the rest as a new rightmost
     * branch. Returns whether a branch was added.
     */
    boolean insert(RaceAnalysis ra, List<Integer> w) {
        WakeupTree cur = this;
        List<Integer> rest = new ArrayList<>(w);
        while (true) {
            if (cur != this && cur.children.isEmpty()) {
                return false;
            }
            if (rest.isEmpty()) {
                return false;
            }
            WakeupTree next = null;
            for (WakeupTree c : cur.children) {
                if (weakInitial(ra, rest, c.gid, c.fp)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                WakeupTree at = cur;
                for (int i : rest) {
                    WakeupTree n = new WakeupTree(ra.gid[i], ra.fp[i]);
                    at.children.add(n);
                    at = n;
                }
                return true;
            }
            for (int k = 0; k < rest.size(); k++) {
                if (ra.gid[rest.get(k)] == next.gid) {
                    rest.remove(k);
                    break;
                }
            }
            cur = next;
        }
    }

    /**
     * Whether context {@code q} can start an execution equivalent to one starting with
     * {@code w}: its first event in {@code w} depends on nothing before it in {@code w}, or it
     * has no event in {@code w} and its next event {@code qfp} commutes with all of {@code w}.
     */
    static boolean weakInitial(RaceAnalysis ra, List<Integer> w, int q, long[] qfp) {
        for (int k = 0; k < w.size(); k++) {
            int i = w.get(k);
            if (ra.gid[i] == q) {
                for (int u = 0; u < k; u++) {
                    if (ra.hb(w.get(u), i)) {
                        return false;
                    }
                }
                return true;
            }
        }
        for (int i : w) {
            if (Footprint.dependent(qfp, ra.fp[i])) {
                return false;
            }
        }
        return true;
    }
}
