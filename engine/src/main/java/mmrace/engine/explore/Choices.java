package mmrace.engine.explore;

import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;

/** Small helpers the tree-walking strategies share: picking contexts and estimating coverage. */
final class Choices {
    private Choices() {
    }

    /** The enabled context with explorer id {@code gid}, or null. */
    static Proc byGid(List<Proc> enabled, int gid) {
        for (Proc p : enabled) {
            if (p.gid == gid) {
                return p;
            }
        }
        return null;
    }

    /** Any enabled context not asleep; the one that ran last if it can, for fewer switches. */
    static Proc freeChoice(Execution x, Map<Integer, long[]> sleep, List<Proc> enabled, int d) {
        Proc previous = d == 0 ? null : x.events().get(d - 1).proc();
        Proc first = null;
        for (Proc p : enabled) {
            if (sleep.containsKey(p.gid)) {
                continue;
            }
            if (p == previous) {
                return p;
            }
            if (first == null) {
                first = p;
            }
        }
        return first;
    }

    /**
     * How much of a tree a depth-first walk has covered, from the branches done and the
     * branches in all at each level of the current path (levels weighted by their share).
     */
    static double progress(int[] done, int[] total) {
        double covered = 0;
        double weight = 1;
        for (int i = 0; i < done.length; i++) {
            if (total[i] == 0) {
                break;
            }
            covered += weight * done[i] / total[i];
            weight /= total[i];
        }
        return covered;
    }
}
