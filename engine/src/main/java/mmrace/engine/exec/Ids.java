package mmrace.engine.exec;

/**
 * Stable ids for keys. An id is made from the context that created the object and that
 * context's own counter, never from a global counter: two executions that agree on what a
 * context did so far give its objects the same ids, whatever the interleaving. The explorer
 * relies on that to compare events of different executions.
 */
public final class Ids {
    /** Ids of per-CPU engine keys (IRQ flag, RCU state) live above every creator's range. */
    private static final long CPU_SPACE = 1L << 57;

    private Ids() {
    }

    /** The n-th id created by creator number {@code creator} (0 = setup). */
    public static long make(long creator, long n) {
        return (creator & 0xFFFFFFL) << 32 | (n & 0xFFFFFFFFL);
    }

    /** The key a joinable context releases when it ends. */
    public static long exitKey(long creator) {
        return CPU_SPACE | 1L << 40 | creator;
    }

    /** A per-CPU key: {@code slot} tells which state of CPU {@code cpu}. */
    public static long cpuKey(int cpu, int slot) {
        return CPU_SPACE | (long) cpu << 4 | slot;
    }
}
