package mmrace.engine.weak;

/**
 * Which values a load may take "from the future": from a write the schedule runs after it. That
 * is how load buffering (LB: each CPU reads the value the other writes later in program order)
 * is explored, which no interleaving can produce.
 */
public enum Speculation {
    /**
     * Every value some write stores to the location in some execution (the exploration repeats
     * until that set stops growing). Complete: the same candidates as herd7 enumerates. The
     * default, and what litmus tests use.
     */
    DOMAIN,
    /**
     * Only values that writes executed later in a run through the same load actually stored
     * (learnt as the search goes, like GenMC's revisits). Far fewer executions on large
     * programs; misses only self-justifying executions, where a write exists only because a
     * load read its own value from the future (out-of-thin-air shapes that LKMM forbids when the
     * dependencies are marked). The default for programs.
     */
    OBSERVED,
    /** None: no load buffering at all (every load reads a write already executed). */
    NONE
}
