package mmrace.litmus.herd;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import mmrace.litmus.syntax.Condition;
import mmrace.litmus.syntax.LitmusTest;

/**
 * What herd7 reports about one test, as input to {@link HerdPrinter}.
 *
 * <p>{@code positive} and {@code negative} count the executions (candidate executions allowed
 * by the model and kept by the filter) whose final state satisfies, or not, the condition's
 * proposition. herd7 prints them as they are on the {@code Observation} line, and swaps them on
 * the {@code Positive:} line of a {@code ~exists} test.
 *
 * @param testName  the test's name
 * @param condition the final condition
 * @param states    the distinct final states, restricted to the observed locations
 * @param positive  executions satisfying the proposition
 * @param negative  executions not satisfying it
 * @param flags     the flags raised by the model, e.g. {@value #DATA_RACE}
 * @param undefined whether some execution had undefined behaviour (herd7 prints {@code Undef}
 *                  instead of {@code Ok}/{@code No})
 * @param unrolled  whether a loop hit the unrolling limit (herd7 prefixes {@code Loop })
 * @param seconds   the time the run took
 * @param hash      the {@code Hash=} line's value, if known
 */
public record HerdResult(
        String testName,
        Condition condition,
        SortedSet<FinalState> states,
        long positive,
        long negative,
        SortedSet<String> flags,
        boolean undefined,
        boolean unrolled,
        double seconds,
        Optional<String> hash) {

    /** LKMM's flag for a data race between plain accesses ({@code Flag data-race}). */
    public static final String DATA_RACE = "data-race";

    /** Copies the sets, sorted in herd7's orders. */
    public HerdResult {
        states = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(states));
        flags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(flags));
    }

    /**
     * {@return a result with no flag, no undefined behaviour, no unrolling, the hash from the
     * test's {@code Hash=} line if it has one, and a time of 0.00 seconds}
     *
     * @param test     the test
     * @param states   the distinct final states
     * @param positive executions satisfying the proposition
     * @param negative executions not satisfying it
     */
    public static HerdResult of(LitmusTest test, Collection<FinalState> states, long positive, long negative) {
        return new HerdResult(test.name(), test.condition(), new TreeSet<>(states), positive, negative,
                new TreeSet<>(), false, false, 0.0, Optional.ofNullable(test.info().get("Hash")));
    }

    /**
     * {@return a copy with these flags}
     *
     * @param newFlags flag names, e.g. {@value #DATA_RACE}
     */
    public HerdResult withFlags(Collection<String> newFlags) {
        return new HerdResult(testName, condition, states, positive, negative, new TreeSet<>(newFlags),
                undefined, unrolled, seconds, hash);
    }

    /**
     * {@return a copy with this run time}
     *
     * @param newSeconds seconds
     */
    public HerdResult withSeconds(double newSeconds) {
        return new HerdResult(testName, condition, states, positive, negative, flags, undefined, unrolled,
                newSeconds, hash);
    }

    /**
     * {@return a copy with this hash}
     *
     * @param newHash the value of the {@code Hash=} line, or empty for none
     */
    public HerdResult withHash(Optional<String> newHash) {
        return new HerdResult(testName, condition, states, positive, negative, flags, undefined, unrolled,
                seconds, newHash);
    }

    /**
     * {@return a copy marked as having undefined behaviour and/or an exceeded unrolling limit}
     *
     * @param isUndefined  whether some execution had undefined behaviour
     * @param wasUnrolled  whether a loop hit the unrolling limit
     */
    public HerdResult withAnomalies(boolean isUndefined, boolean wasUnrolled) {
        return new HerdResult(testName, condition, states, positive, negative, flags, isUndefined, wasUnrolled,
                seconds, hash);
    }

    /** {@return herd7's verdict word: {@code Never} (no positive), {@code Always} (no negative) or {@code Sometimes}} */
    public String observation() {
        return positive == 0 ? "Never" : negative == 0 ? "Always" : "Sometimes";
    }
}
