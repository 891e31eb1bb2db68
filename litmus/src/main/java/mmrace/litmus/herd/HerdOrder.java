package mmrace.litmus.herd;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

import mmrace.litmus.syntax.Location;
import mmrace.litmus.syntax.Value;

/**
 * herd7's orders, which decide the order of the locations within a state line and the order of
 * the state lines: registers first (by process number, then name), then globals (by name), then
 * array cells; integers before addresses, integers by signed value, addresses by name. Names
 * compare as OCaml strings do, byte by byte ({@code r10} before {@code r2}).
 */
public final class HerdOrder {

    private HerdOrder() {
    }

    /** The order of locations. */
    public static final Comparator<Location> LOCATIONS = HerdOrder::compareLocations;

    /** The order of values. */
    public static final Comparator<Value> VALUES = HerdOrder::compareValues;

    /** The order of final states: lexicographic over their (location, value) pairs in location order. */
    public static final Comparator<FinalState> STATES = HerdOrder::compareStates;

    private static int rank(Location l) {
        return switch (l) {
            case Location.Register r -> 0;
            case Location.Global g -> 1;
            case Location.ArrayCell c -> 2;
        };
    }

    private static int compareLocations(Location a, Location b) {
        int c = Integer.compare(rank(a), rank(b));
        if (c != 0) {
            return c;
        }
        return switch (a) {
            case Location.Register ra -> {
                Location.Register rb = (Location.Register) b;
                int p = Integer.compare(ra.process(), rb.process());
                yield p != 0 ? p : compareNames(ra.name(), rb.name());
            }
            case Location.Global ga -> compareNames(ga.name(), ((Location.Global) b).name());
            case Location.ArrayCell ca -> {
                Location.ArrayCell cb = (Location.ArrayCell) b;
                int n = compareNames(ca.array(), cb.array());
                yield n != 0 ? n : Integer.compare(ca.index(), cb.index());
            }
        };
    }

    private static int compareValues(Value a, Value b) {
        return switch (a) {
            case Value.Int ia -> b instanceof Value.Int ib ? Long.compare(ia.value(), ib.value()) : -1;
            case Value.Address aa -> b instanceof Value.Address ab ? compareNames(aa.global(), ab.global()) : 1;
        };
    }

    private static int compareStates(FinalState a, FinalState b) {
        Iterator<Map.Entry<Location, Value>> ia = a.values().entrySet().iterator();
        Iterator<Map.Entry<Location, Value>> ib = b.values().entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<Location, Value> ea = ia.next();
            Map.Entry<Location, Value> eb = ib.next();
            int c = compareLocations(ea.getKey(), eb.getKey());
            if (c == 0) {
                c = compareValues(ea.getValue(), eb.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    /** OCaml's string order: unsigned bytes of the UTF-8 encoding, i.e. code points for ASCII. */
    private static int compareNames(String a, String b) {
        return a.compareTo(b);
    }
}
