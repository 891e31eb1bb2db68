package mmrace.cli.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.trace.Trace;

/**
 * The arrows of a timeline, found in a trace: an IPI from its send to each handler's entry
 * and each handler's ack back to the sender's wait; a grace period from its start (a
 * synchronize_rcu or a call_rcu) to its end (the waiter going on, or the callback's entry);
 * the races, linking the two conflicting accesses; and, for a context blocked on a lock, a
 * "waits for" arrow to where the holder took it (a deadlock's cycle). Endpoints are positions in
 * {@link Trace#events()}, so a blocked (pending) event can be an end too.
 */
final class Links {
    private Links() {
    }

    /** What an arrow means; the timeline draws each kind in its own style. */
    enum Kind { IPI, IPI_ACK, GRACE_PERIOD, RACE, WAITS_FOR }

    /** An arrow from position {@code from} to position {@code to}, with a short label. */
    record Link(Kind kind, int from, int to, String label) {
    }

    static List<Link> of(Trace t) {
        List<Trace.Event> ev = t.events();
        Map<Integer, Integer> posOfIndex = new HashMap<>();
        for (int p = 0; p < ev.size(); p++) {
            if (ev.get(p).index() >= 0) {
                posOfIndex.put(ev.get(p).index(), p);
            }
        }
        List<Link> out = new ArrayList<>();
        for (int p = 0; p < ev.size(); p++) {
            Trace.Event e = ev.get(p);
            switch (e.kind()) {
                case "IPI_SEND" -> ipi(t, e, p, out);
                case "GP_START" -> {
                    int end = next(ev, p, e.context(), "GP_END");
                    if (end >= 0) {
                        out.add(new Link(Kind.GRACE_PERIOD, p, end, "grace period"));
                    }
                }
                case "CALL_RCU" -> {
                    for (Trace.Context c : spawnedBy(t, e)) {
                        int entry = next(ev, p, c.name(), null);
                        if (entry >= 0) {
                            out.add(new Link(Kind.GRACE_PERIOD, p, entry, "grace period"));
                        }
                    }
                }
                default -> { }
            }
        }
        waits(t, out);
        int n = 0;
        for (Trace.Race r : t.races()) {
            n++;
            Integer a = posOfIndex.get(r.first());
            Integer b = posOfIndex.get(r.second());
            if (a != null && b != null) {
                out.add(new Link(Kind.RACE, a, b, "r" + n));
            }
        }
        return out;
    }

    private static void ipi(Trace t, Trace.Event send, int p, List<Link> out) {
        List<Trace.Event> ev = t.events();
        int wait = next(ev, p, send.context(), "IPI_WAIT");
        for (Trace.Context handler : spawnedBy(t, send)) {
            int entry = next(ev, p, handler.name(), null);
            if (entry < 0) {
                continue; // the handler never ran: the CPU kept interrupts off
            }
            out.add(new Link(Kind.IPI, p, entry, "IPI"));
            int ack = next(ev, entry, handler.name(), "IPI_ACK");
            if (ack >= 0 && wait >= 0) {
                out.add(new Link(Kind.IPI_ACK, ack, wait, "ack"));
            }
        }
    }

    /** A blocked lock acquisition points at the unreleased hold of that lock by another context. */
    private static void waits(Trace t, List<Link> out) {
        List<LockHolds.Hold> holds = LockHolds.of(t);
        List<Trace.Event> ev = t.events();
        for (int p = 0; p < ev.size(); p++) {
            Trace.Event e = ev.get(p);
            if (!e.blocked() || e.target() == null) {
                continue;
            }
            for (LockHolds.Hold h : holds) {
                if (h.to() < 0 && !h.context().equals(e.context()) && h.lock().equals(LockHolds.name(e))) {
                    out.add(new Link(Kind.WAITS_FOR, p, h.from(), "waits for"));
                }
            }
        }
    }

    private static List<Trace.Context> spawnedBy(Trace t, Trace.Event e) {
        List<Trace.Context> out = new ArrayList<>();
        if (e.index() < 0) {
            return out;
        }
        for (Trace.Context c : t.contexts()) {
            if (c.spawnedBy() == e.index()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first position at or after {@code from} of {@code context} with that kind (any kind if null), or -1. */
    private static int next(List<Trace.Event> ev, int from, String context, String kind) {
        for (int p = from; p < ev.size(); p++) {
            Trace.Event e = ev.get(p);
            if (e.context().equals(context) && (kind == null || e.kind().equals(kind))) {
                return p;
            }
        }
        return -1;
    }
}
