package mmrace.engine.trace;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Finding;
import mmrace.engine.exec.Frame;
import mmrace.engine.exec.Proc;
import mmrace.engine.explore.Races;

/**
 * Takes a {@link Trace} of a live execution: the one place that reads the engine's mutable
 * events, so every renderer works from the same plain data whether the execution just ran or
 * was read back from a results file.
 */
public final class TraceCapture {
    private TraceCapture() {
    }

    /** The trace of {@code x}, which ran under {@code schedule} (may be empty if unknown). */
    public static Trace of(Execution x, String schedule) {
        List<String> cpus = new ArrayList<>();
        x.cpus().forEach(c -> cpus.add(c.name));
        List<Trace.Context> contexts = new ArrayList<>();
        for (Proc p : x.procs()) {
            contexts.add(new Trace.Context(p.name, p.kind.name(), p.cpu.name, p.spawnedBy()));
        }
        List<Trace.Event> events = new ArrayList<>();
        for (Event e : x.events()) {
            events.add(event(e, false));
        }
        // Blocked contexts' pending events are part of the trace: that is where they wait.
        for (Proc p : x.procs()) {
            if (!p.isDone() && p.pending() != null && p.pending().marked) {
                events.add(event(p.pending(), true));
            }
        }
        List<Trace.Race> races = new ArrayList<>();
        for (Races.Pair r : Races.of(x)) {
            races.add(new Trace.Race(r.first(), r.second()));
        }
        List<Trace.Finding> findings = new ArrayList<>();
        for (Finding f : x.findings()) {
            findings.add(finding(f));
        }
        return new Trace(x.program().name(), x.config().memoryModel().name(), x.config().rcu().name(),
                schedule == null ? "" : schedule, cpus, contexts, events, races, findings);
    }

    private static Trace.Event event(Event e, boolean blocked) {
        return new Trace.Event(e.index(), e.proc().cpu.name, e.proc().name, e.proc().kind.name(), e.kind.name(),
                e.name, e.target == null ? null : e.target.displayName(), e.a, e.b, e.text(),
                List.of(Frame.pathOf(e.frame())), e.marked, blocked);
    }

    private static Trace.Finding finding(Finding f) {
        List<Trace.Stack> extra = new ArrayList<>();
        for (Finding.Stack s : f.extraStacks()) {
            extra.add(new Trace.Stack(s.title(), s.proc(), List.of(s.frames())));
        }
        return new Trace.Finding(f.kind().name(), f.check(), f.message(), f.kind().fatal, f.proc(), f.eventIndex(),
                List.of(f.stack()), extra);
    }
}
