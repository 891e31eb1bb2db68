package mmrace.engine.weak;

import java.util.List;
import mmrace.engine.exec.Execution;

/**
 * What a weak memory asks of whoever steers the exploration: which value each load returns,
 * where each store goes in coherence order, and whether a finished execution counts. The
 * exhaustive strategy ({@link WeakDfs}) answers from its search tree, a replay from a recorded
 * list, and a memory used on its own takes the first answer every time.
 */
interface Session {
    /** Picks one of {@code count} alternatives (a coherence position); -1 gives the execution up. */
    int choose(int count);

    /**
     * Picks the source of a read: {@code forward} writes already in the graph (indices below
     * {@code forward}), then the speculative values, which the session appends to {@code spec}:
     * values a write executed later must supply. Returns the index, or -1 to give up.
     *
     * @param locKey the location's key (for the values it may speculate)
     * @param readEvent the read's id in the graph (for speculation learnt from later writes)
     * @param banned values this load must not speculate (its context has read them "from the
     *               future" often enough, see {@link WeakModel#withStaleReads})
     */
    int chooseRead(long locKey, int forward, LongList spec, int readEvent, LongList banned);

    /** A non-initial write of {@code value} to the location: it may be speculated from now on. */
    void wrote(long locKey, long value);

    /**
     * The execution has ended: its consistent candidates (none if inconsistent). Returns whether
     * it counts as an execution of its own (it is consistent and not a repeat).
     */
    boolean finish(Execution x, List<Candidate> candidates, String findings);

    /** A session for a memory used without a weak strategy: first choice, every consistent run counts. */
    static Session firstChoice() {
        return new Session() {
            @Override
            public int choose(int count) {
                return count > 0 ? 0 : -1;
            }

            @Override
            public int chooseRead(long locKey, int forward, LongList spec, int readEvent, LongList banned) {
                return forward > 0 ? 0 : -1;
            }

            @Override
            public void wrote(long locKey, long value) {
            }

            @Override
            public boolean finish(Execution x, List<Candidate> candidates, String findings) {
                return !candidates.isEmpty();
            }
        };
    }
}
