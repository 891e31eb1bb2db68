package mmrace.engine.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Execution;

/**
 * A {@link Trace} as JSON and back: the same content as {@link Diagram}, for programs. Each
 * event has its position, CPU and context, kernel call stack, operation, target, values and
 * text; contexts say which event spawned them (an IPI, a call_rcu); races are pairs of event
 * positions; findings carry their stacks. {@link #fromMap} reads what {@link #toMap} wrote,
 * so a trace survives a results file unchanged.
 */
public final class TraceJson {
    private TraceJson() {
    }

    public static Map<String, Object> toMap(Execution x, String schedule) {
        return toMap(TraceCapture.of(x, schedule));
    }

    public static String write(Execution x, String schedule) {
        return Json.write(toMap(x, schedule));
    }

    public static Map<String, Object> toMap(Trace t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("program", t.program());
        m.put("memoryModel", t.memoryModel());
        m.put("rcu", t.rcu());
        m.put("schedule", t.schedule());
        m.put("cpus", t.cpus());
        List<Object> contexts = new ArrayList<>();
        for (Trace.Context c : t.contexts()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("kind", c.kind());
            cm.put("cpu", c.cpu());
            cm.put("spawnedBy", c.spawnedBy());
            contexts.add(cm);
        }
        m.put("contexts", contexts);
        List<Object> events = new ArrayList<>();
        for (Trace.Event e : t.events()) {
            events.add(event(e));
        }
        m.put("events", events);
        List<Object> races = new ArrayList<>();
        for (Trace.Race r : t.races()) {
            races.add(List.of(r.first(), r.second()));
        }
        m.put("races", races);
        List<Object> findings = new ArrayList<>();
        for (Trace.Finding f : t.findings()) {
            findings.add(finding(f));
        }
        m.put("findings", findings);
        return m;
    }

    private static Map<String, Object> event(Trace.Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", e.index());
        m.put("cpu", e.cpu());
        m.put("context", e.context());
        m.put("contextKind", e.contextKind());
        m.put("kind", e.kind());
        m.put("op", e.op());
        m.put("target", e.target());
        m.put("a", e.a());
        m.put("b", e.b());
        m.put("text", e.text());
        m.put("stack", e.stack());
        m.put("marked", e.marked());
        if (e.blocked()) {
            m.put("blocked", true);
        }
        return m;
    }

    private static Map<String, Object> finding(Trace.Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind());
        m.put("check", f.check());
        m.put("message", f.message());
        m.put("fatal", f.fatal());
        m.put("context", f.context());
        m.put("event", f.event());
        m.put("stack", f.stack());
        List<Object> extra = new ArrayList<>();
        for (Trace.Stack s : f.extraStacks()) {
            // A LinkedHashMap, not Map.of: key order must not change from one JVM to the next.
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("title", s.title());
            sm.put("context", s.context());
            sm.put("stack", s.frames());
            extra.add(sm);
        }
        m.put("extraStacks", extra);
        return m;
    }

    /**
     * Reads a trace back from the map {@link #toMap} made (after a round trip through
     * {@link JsonReader}). Throws {@link IllegalArgumentException} naming the first field that
     * is missing or of the wrong type.
     */
    public static Trace fromMap(Map<String, Object> m) {
        JsonFields f = new JsonFields(m, "trace");
        List<Trace.Context> contexts = new ArrayList<>();
        for (JsonFields c : f.objects("contexts")) {
            contexts.add(new Trace.Context(c.string("name"), c.string("kind"), c.string("cpu"), c.integer("spawnedBy")));
        }
        List<Trace.Event> events = new ArrayList<>();
        for (JsonFields e : f.objects("events")) {
            events.add(new Trace.Event(e.integer("i"), e.string("cpu"), e.string("context"), e.string("contextKind"),
                    e.string("kind"), e.string("op"), e.stringOrNull("target"), e.number("a"), e.number("b"),
                    e.string("text"), e.strings("stack"), e.bool("marked"), e.boolOr("blocked", false)));
        }
        List<Trace.Race> races = new ArrayList<>();
        for (List<Long> r : f.numberLists("races")) {
            if (r.size() != 2) {
                throw new IllegalArgumentException("trace: a race is a pair of event indexes, got " + r);
            }
            races.add(new Trace.Race(Math.toIntExact(r.get(0)), Math.toIntExact(r.get(1))));
        }
        List<Trace.Finding> findings = new ArrayList<>();
        for (JsonFields g : f.objects("findings")) {
            List<Trace.Stack> extra = new ArrayList<>();
            for (JsonFields s : g.objects("extraStacks")) {
                extra.add(new Trace.Stack(s.string("title"), s.stringOrNull("context"), s.strings("stack")));
            }
            findings.add(new Trace.Finding(g.string("kind"), g.string("check"), g.string("message"), g.bool("fatal"),
                    g.stringOrNull("context"), g.integer("event"), g.strings("stack"), extra));
        }
        return new Trace(f.string("program"), f.string("memoryModel"), f.string("rcu"), f.string("schedule"),
                f.strings("cpus"), contexts, events, races, findings);
    }
}
