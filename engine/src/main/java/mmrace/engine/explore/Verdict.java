package mmrace.engine.explore;

/** The answer of an exploration. */
public enum Verdict {
    /** An execution failed a check (or deadlocked); the counterexample shows it. */
    BUG,
    /** The whole bounded space was explored and every check held. */
    VERIFIED,
    /** A budget or a non-exhaustive strategy stopped the search before it found anything. */
    NO_BUG_FOUND,
    /** The model itself failed (an exception in mmrace's code): not a verdict on the kernel. */
    ERROR;

    /** The spelling used in tables and expectations: {@code NO BUG FOUND}. */
    public String text() {
        return name().replace('_', ' ');
    }
}
