package mmrace.engine.graph;

/**
 * What an event does to memory. Lock, RCU and SRCU operations are not kinds of their own: they
 * are reads, writes or fences carrying a {@link Tag}, exactly as lock.cat and linux-kernel.bell
 * classify them (LKR, LF, RL, RU and srcu-lock are reads; LKW, UL and srcu-unlock are writes;
 * rcu_read_lock, synchronize_rcu, synchronize_srcu are fences, the last one with a location).
 */
public enum EventKind {
    /** The initial write of a location (herd's IW); on no thread, co-first at its location. */
    INIT,
    READ,
    WRITE,
    FENCE;

    public boolean isWrite() {
        return this == INIT || this == WRITE;
    }

    public boolean isAccess() {
        return this != FENCE;
    }
}
