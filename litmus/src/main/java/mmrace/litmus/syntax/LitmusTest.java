package mmrace.litmus.syntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.LinkedHashMap;

/**
 * A parsed and checked C litmus test: the root of the AST.
 *
 * <p>What the executor reads:
 * <ul>
 *   <li>{@link #init()}: the initial state (every other location starts at zero);
 *   <li>{@link #processes()}: the processes in order, {@code processes().get(n)} being
 *       {@code Pn}, each with its {@link Process#parameters()} and {@link Process#body()};
 *   <li>{@link #globals()}: every shared variable and its type;
 *   <li>{@link #filter()} and {@link #condition()}: which final states to keep and what to
 *       check on them;
 *   <li>{@link #observedLocations()}: the locations herd7 shows in each final state.
 * </ul>
 *
 * @param file       the file name given to the parser
 * @param name       the test's name, from the header line {@code C name}
 * @param doc        the optional quoted doc string after the name
 * @param info       {@code key=value} lines between the header and the initial state (e.g.
 *                   {@code Hash=...}), in file order
 * @param init       the initial state entries, in file order
 * @param processes  the processes, {@code P0} first
 * @param locations  the extra locations of {@code locations [...]}, in file order
 * @param filter     the {@code filter} proposition, if any
 * @param condition  the final condition ({@code forall (true)} if the file has none)
 */
public record LitmusTest(
        String file,
        String name,
        Optional<String> doc,
        SequencedMap<String, String> info,
        List<InitEntry> init,
        List<Process> processes,
        List<Location> locations,
        Optional<Prop> filter,
        Condition condition) {

    /** Copies the collections. */
    public LitmusTest {
        info = java.util.Collections.unmodifiableSequencedMap(new LinkedHashMap<>(info));
        init = List.copyOf(init);
        processes = List.copyOf(processes);
        locations = List.copyOf(locations);
    }

    /**
     * {@return process {@code Pn}}
     *
     * @param n the process number
     */
    public Process process(int n) {
        return processes.get(n);
    }

    /**
     * {@return every shared global variable with its type, in order of first appearance: the
     * initial state first, then the processes' parameters} The type comes from the first place
     * that gives one (a parameter {@code int *x} gives {@code x} the type {@code int}); a global
     * only initialized untyped ({@code x=1;}) and never a parameter has type {@code int}, and so
     * has a global whose only mention is as an address in the initial state ({@code y} in
     * {@code { p=y; }}).
     */
    public SequencedMap<String, CType> globals() {
        SequencedMap<String, CType> out = new LinkedHashMap<>();
        Map<String, Boolean> typed = new LinkedHashMap<>();
        for (InitEntry e : init) {
            if (e.location() instanceof Location.Global g) {
                out.putIfAbsent(g.name(), e.type().orElse(CType.INT));
                if (e.type().isPresent()) {
                    typed.put(g.name(), true);
                }
            }
        }
        for (Process p : processes) {
            for (Parameter param : p.parameters()) {
                if (!typed.containsKey(param.name())) {
                    out.put(param.name(), param.globalType());
                    typed.put(param.name(), true);
                }
            }
        }
        for (InitEntry e : init) {
            if (e.value().orElse(null) instanceof Value.Address a) {
                out.putIfAbsent(a.global(), CType.INT);
            }
        }
        return java.util.Collections.unmodifiableSequencedMap(out);
    }

    /**
     * {@return the initial value of a location as written in the initial state, zero if absent}
     *
     * @param location a global, register or array cell
     */
    public Value initialValue(Location location) {
        for (InitEntry e : init) {
            if (e.location().equals(location)) {
                return e.valueOrZero();
            }
        }
        return Value.ZERO;
    }

    /**
     * {@return the locations shown in each final state of herd7's output: those of
     * {@code locations [...]} and those the condition mentions, without duplicates} The herd
     * printer sorts them in herd7's order.
     */
    public SequencedSet<Location> observedLocations() {
        SequencedSet<Location> out = new LinkedHashSet<>(locations);
        out.addAll(locationsOf(condition.prop()));
        return out;
    }

    /**
     * {@return the locations a proposition reads, in order of appearance}
     *
     * @param p a proposition
     */
    public static List<Location> locationsOf(Prop p) {
        List<Location> out = new ArrayList<>();
        collect(p, out);
        return out;
    }

    private static void collect(Prop p, List<Location> out) {
        switch (p) {
            case Prop.True t -> { }
            case Prop.False f -> { }
            case Prop.Equals e -> out.add(e.location());
            case Prop.SameValue s -> {
                out.add(s.left());
                out.add(s.right());
            }
            case Prop.Not n -> collect(n.operand(), out);
            case Prop.And a -> {
                collect(a.left(), out);
                collect(a.right(), out);
            }
            case Prop.Or o -> {
                collect(o.left(), out);
                collect(o.right(), out);
            }
            case Prop.Implies i -> {
                collect(i.left(), out);
                collect(i.right(), out);
            }
        }
    }
}
