package mmrace.litmus.syntax;

/**
 * The final condition of a litmus test, e.g. {@code exists (0:r0=0 /\ 1:r0=0)}.
 *
 * <p>{@code final (p)} is read as {@code exists (p)} and {@code not exists} as {@code ~exists},
 * as in herd7. A test with no condition gets herd7's default, {@code forall (true)}.
 *
 * @param pos  where the condition's keyword is (end of file for the default condition)
 * @param kind the quantifier
 * @param prop the proposition
 */
public record Condition(SourcePos pos, ConditionKind kind, Prop prop) {

    /**
     * {@return whether a set of final states satisfies the condition, given how many satisfy
     * the proposition and how many do not} This is herd7's {@code Ok}/{@code No} verdict.
     *
     * @param positive number of final states (or executions) satisfying {@link #prop()}
     * @param negative number not satisfying it
     */
    public boolean holds(long positive, long negative) {
        return switch (kind) {
            case EXISTS -> positive > 0;
            case NOT_EXISTS -> positive == 0;
            case FORALL -> negative == 0;
        };
    }

    /** {@return the condition as herd7 prints it, e.g. {@code exists (0:r0=0 /\ 1:r0=0)}} */
    public String toHerdString() {
        return kind.keyword() + " (" + prop.toHerdString() + ")";
    }
}
