package mmrace.engine.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Finding;
import mmrace.engine.exec.Frame;
import mmrace.engine.exec.Proc;
import mmrace.engine.explore.Races;

/**
 * An execution as JSON: the same content as {@link Diagram}, for programs. Each event has its
 * position, CPU and context, kernel call stack, operation, target, values and text; races are
 * pairs of event positions; findings carry their stacks.
 */
public final class TraceJson {
    private TraceJson() {
    }

    public static Map<String, Object> toMap(Execution x, String schedule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("program", x.program().name());
        m.put("memoryModel", x.config().memoryModel().name());
        m.put("rcu", x.config().rcu().name());
        m.put("schedule", schedule);
        List<Object> cpus = new ArrayList<>();
        x.cpus().forEach(c -> cpus.add(c.name));
        m.put("cpus", cpus);
        List<Object> events = new ArrayList<>();
        for (Event e : x.events()) {
            events.add(event(e));
        }
        for (Proc p : x.procs()) {
            if (!p.isDone() && p.pending() != null && p.pending().marked) {
                Map<String, Object> ev = event(p.pending());
                ev.put("blocked", true);
                events.add(ev);
            }
        }
        m.put("events", events);
        List<Object> races = new ArrayList<>();
        for (Races.Pair r : Races.of(x)) {
            races.add(List.of(r.first(), r.second()));
        }
        m.put("races", races);
        List<Object> findings = new ArrayList<>();
        for (Finding f : x.findings()) {
            findings.add(finding(f));
        }
        m.put("findings", findings);
        return m;
    }

    public static String write(Execution x, String schedule) {
        return Json.write(toMap(x, schedule));
    }

    private static Map<String, Object> event(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", e.index());
        m.put("cpu", e.proc().cpu.name);
        m.put("context", e.proc().name);
        m.put("contextKind", e.proc().kind.name());
        m.put("kind", e.kind.name());
        m.put("op", e.name);
        m.put("target", e.target == null ? null : e.target.displayName());
        m.put("a", e.a);
        m.put("b", e.b);
        m.put("text", e.text());
        m.put("stack", List.of(Frame.pathOf(e.frame())));
        m.put("marked", e.marked);
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("check", f.check());
        m.put("message", f.message());
        m.put("fatal", f.kind().fatal);
        m.put("context", f.proc());
        m.put("event", f.eventIndex());
        m.put("stack", List.of(f.stack()));
        List<Object> extra = new ArrayList<>();
        for (Finding.Stack s : f.extraStacks()) {
            extra.add(Map.of("title", s.title(), "context", s.proc(), "stack", List.of(s.frames())));
        }
        m.put("extraStacks", extra);
        return m;
    }
}
