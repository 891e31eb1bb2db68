package mmrace.litmus.syntax;

/**
 * A proposition over a final state, as written in {@code exists (...)}, {@code ~exists (...)},
 * {@code forall (...)} and {@code filter (...)}.
 *
 * <p>The grammar is herd7's ({@code lib/stateParser.mly}): {@code true}, {@code false}, atoms,
 * {@code ~p} or {@code not p}, {@code p /\ q}, {@code p \/ q}, {@code p => q} and parentheses.
 * Binding, loosest first: {@code \/}, {@code /\}, {@code =>} (right-associative), then negation.
 * {@code loc != v} is read as {@code ~(loc = v)}, as herd7 does.
 */
public sealed interface Prop {

    /** The proposition {@code true} (herd7's empty conjunction). */
    record True() implements Prop {
    }

    /** The proposition {@code false} (herd7's empty disjunction). */
    record False() implements Prop {
    }

    /**
     * The atom {@code loc=value}, e.g. {@code 0:r0=1}, {@code x=2}, {@code 1:r0=x} (register
     * holds the address of {@code x}).
     *
     * @param pos      where the atom starts
     * @param location the location read in the final state
     * @param value    the value it must hold
     */
    record Equals(SourcePos pos, Location location, Value value) implements Prop {
    }

    /**
     * The atom {@code loc1=loc2}: both locations hold the same value, e.g. {@code 0:r1=1:r1}
     * or {@code x=*y} (herd7's "LL" atom). Note that {@code x=y} with a global {@code y} is an
     * {@link Equals} atom comparing {@code x} to the address of {@code y}.
     *
     * @param pos   where the atom starts
     * @param left  first location
     * @param right second location
     */
    record SameValue(SourcePos pos, Location left, Location right) implements Prop {
    }

    /**
     * Negation.
     *
     * @param operand the negated proposition
     */
    record Not(Prop operand) implements Prop {
    }

    /**
     * Conjunction {@code left /\ right}.
     *
     * @param left  left operand
     * @param right right operand
     */
    record And(Prop left, Prop right) implements Prop {
    }

    /**
     * Disjunction {@code left \/ right}.
     *
     * @param left  left operand
     * @param right right operand
     */
    record Or(Prop left, Prop right) implements Prop {
    }

    /**
     * Implication {@code left => right}.
     *
     * @param left  premise
     * @param right conclusion
     */
    record Implies(Prop left, Prop right) implements Prop {
    }

    /** {@return this proposition in herd7's notation, as in its {@code Condition} line} */
    default String toHerdString() {
        return PropFormatter.format(this);
    }
}
