package mmrace.engine.explore;

/** The exploration strategies a user can ask for. */
public enum StrategyKind {
    /** Optimal DPOR: exhaustive, one execution per equivalence class. */
    DPOR,
    /** Every interleaving, no reduction: exhaustive, slow; the reference for self-tests. */
    ALL,
    /** Preemption-bounded search, bound 0, 1, 2, ...: the first bug found has the fewest preemptions. */
    PB,
    /** Random walk with a seed. */
    RANDOM,
    /** Probabilistic concurrency testing with a seed and a depth. */
    PCT
}
