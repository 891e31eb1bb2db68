package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.OpKind;

/**
 * The conflicting accesses of an execution, for people: pairs of memory accesses by different
 * CPUs to one location with no other ordering between them, i.e. the races whose order the
 * explorer had to try both ways. Trace renderers mark them.
 */
public final class Races {
    private Races() {
    }

    /** A race between events {@code first} and {@code second} (indexes in the execution). */
    public record Pair(int first, int second) {
    }

    public static List<Pair> of(Execution x) {
        RaceAnalysis ra = new RaceAnalysis(x, x.names().size());
        List<Pair> out = new ArrayList<>();
        List<Event> ev = x.events();
        for (RaceAnalysis.Race r : ra.races) {
            if (r.second() < ev.size() && memory(ev.get(r.first())) && memory(ev.get(r.second()))
                    && ev.get(r.first()).proc().cpu != ev.get(r.second()).proc().cpu) {
                out.add(new Pair(r.first(), r.second()));
            }
        }
        return out;
    }

    private static boolean memory(Event e) {
        return e.kind == OpKind.LOAD || e.kind == OpKind.STORE || e.kind == OpKind.RMW;
    }
}
