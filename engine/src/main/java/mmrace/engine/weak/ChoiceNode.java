package mmrace.engine.weak;

import java.util.List;

/**
 * One choice point of the weak explorer's current path ({@link WeakDfs}): which context runs
 * next, or which alternative a load or store takes.
 *
 * <p>A scheduling node starts with one option to explore, the context that ran last (or the
 * first awake); the others are added when a run shows they race with what was chosen
 * ({@link Backtracking}). A data node explores all its alternatives; a load's speculative
 * values may grow as later runs learn them.
 */
final class ChoiceNode {
    /**
     * Whether a scheduling node starts with only its first option and gets others from
     * {@link Backtracking} (DPOR-style). Off by default: that reduction misses states on some of
     * the random programs of WeakScDifferentialTest (random-25 reaches 5 of 9 final states), so
     * every awake context is tried at every node, with sleep sets, which is complete.
     * {@code -Dmmrace.weak.backtracking=true} turns it on for experiments.
     */
    static final boolean RACE_DRIVEN = Boolean.getBoolean("mmrace.weak.backtracking");

    final boolean sched;
    /** Scheduling: the awake contexts (indices) in the order tried. */
    final int[] procs;
    /** Scheduling: which of {@link #procs} must be tried (the backtrack set). */
    final boolean[] todo;
    /** Scheduling: the sleep set when the node was reached. */
    final List<Independence.Sleeper> sleep;
    /** Data: alternatives that are writes already in the graph (or coherence positions). */
    final int forward;
    /** Data, for a load: the values it may speculate, in the order tried. */
    final LongList spec;
    final long locKey;
    /** Data, for a load: its id in the run's graph (stable: the prefix is replayed). */
    final int readEvent;
    /** Values this load may not speculate (fixed by the prefix, so the same on every replay). */
    LongList banned;
    /** The alternative taken now. */
    int at;

    ChoiceNode(int[] procs, List<Independence.Sleeper> sleep) {
        this.sched = true;
        this.procs = procs;
        this.todo = new boolean[procs.length];
        java.util.Arrays.fill(this.todo, !RACE_DRIVEN);
        this.todo[0] = true;
        this.sleep = sleep;
        this.forward = 0;
        this.spec = null;
        this.locKey = 0;
        this.readEvent = -1;
    }

    ChoiceNode(int forward, LongList spec, long locKey, int readEvent) {
        this.sched = false;
        this.procs = null;
        this.todo = null;
        this.sleep = null;
        this.forward = forward;
        this.spec = spec;
        this.locKey = locKey;
        this.readEvent = readEvent;
    }

    int count() {
        return sched ? procs.length : forward + (spec == null ? 0 : spec.size());
    }

    /** Moves to the next alternative to explore; false if there is none. */
    boolean advance() {
        if (!sched) {
            return ++at < count();
        }
        for (int i = at + 1; i < procs.length; i++) {
            if (todo[i]) {
                at = i;
                return true;
            }
        }
        return false;
    }

    /** Marks context {@code index} (or, if it is not among the options, every option) to be tried. */
    void backtrack(int index) {
        for (int i = 0; i < procs.length; i++) {
            if (procs[i] == index) {
                todo[i] = true;
                return;
            }
        }
        java.util.Arrays.fill(todo, true);
    }

    /** The fraction of this node's alternatives explored so far. */
    double done() {
        if (!sched) {
            return (double) at / count();
        }
        int all = 0;
        int before = 0;
        for (int i = 0; i < procs.length; i++) {
            if (todo[i]) {
                all++;
                if (i < at) {
                    before++;
                }
            }
        }
        return (double) before / all;
    }
}
