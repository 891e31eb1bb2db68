package mmrace.litmus.herd;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import mmrace.litmus.syntax.Location;
import mmrace.litmus.syntax.Value;

/**
 * One final state as herd7 shows it: the values of the observed locations (those of
 * {@code locations [...]} and of the condition; see
 * {@link mmrace.litmus.syntax.LitmusTest#observedLocations()}), kept in herd7's location order.
 *
 * @param values location to value, sorted by {@link HerdOrder#LOCATIONS}
 */
public record FinalState(SortedMap<Location, Value> values) implements Comparable<FinalState> {

    /** Copies and sorts the map. */
    public FinalState {
        TreeMap<Location, Value> copy = new TreeMap<>(HerdOrder.LOCATIONS);
        copy.putAll(values);
        values = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * {@return a final state}
     *
     * @param values location to value, in any order
     */
    public static FinalState of(Map<Location, Value> values) {
        return new FinalState(toTree(values));
    }

    private static TreeMap<Location, Value> toTree(Map<Location, Value> values) {
        TreeMap<Location, Value> t = new TreeMap<>(HerdOrder.LOCATIONS);
        t.putAll(values);
        return t;
    }

    /**
     * {@return the state line as herd7 prints it, e.g. {@code 0:r0=0; 1:r0=1;}}
     */
    public String toHerdString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + ";")
                .collect(Collectors.joining(" "));
    }

    @Override
    public int compareTo(FinalState o) {
        return HerdOrder.STATES.compare(this, o);
    }
}
