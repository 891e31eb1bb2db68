package mmrace.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mmrace.engine.trace.Trace;

/**
 * The lock holds of a trace, from its lock and unlock events: which context held which lock
 * from which event to which. A hold with no release lasts to the end of the trace (a
 * deadlock's locks, or a lock the failed check caught held). Trylocks count only when they
 * succeeded ({@code a == 1}); a downgrade_write keeps the hold going.
 */
final class LockHolds {
    private static final Set<String> ACQUIRE = Set.of("SPIN_LOCK", "DOWN_READ", "DOWN_WRITE", "BIT_LOCK");
    private static final Set<String> TRYLOCK = Set.of("SPIN_TRYLOCK", "DOWN_READ_TRYLOCK", "DOWN_WRITE_TRYLOCK");
    private static final Set<String> RELEASE = Set.of("SPIN_UNLOCK", "UP_READ", "UP_WRITE", "BIT_UNLOCK");

    private LockHolds() {
    }

    /**
     * One hold, by position in {@link Trace#events()}.
     *
     * @param lock the lock as traces name it (a bit lock adds its bit: {@code flags:bit 0})
     * @param from the position of the acquiring event
     * @param to the position of the releasing event, or -1 if it was never released
     * @param shared whether it is a reader's hold (down_read)
     */
    record Hold(String context, String cpu, String lock, int from, int to, boolean shared) {
    }

    static List<Hold> of(Trace t) {
        List<Hold> done = new ArrayList<>();
        List<Hold> open = new ArrayList<>();
        List<Trace.Event> ev = t.events();
        for (int p = 0; p < ev.size(); p++) {
            Trace.Event e = ev.get(p);
            if (e.blocked()) {
                continue; // a pending lock is waited for, not held
            }
            String lock = name(e);
            boolean acquires = ACQUIRE.contains(e.kind()) || (TRYLOCK.contains(e.kind()) && e.a() == 1);
            if (acquires) {
                open.add(new Hold(e.context(), e.cpu(), lock, p, -1, e.kind().startsWith("DOWN_READ")));
            } else if (RELEASE.contains(e.kind())) {
                for (int i = open.size() - 1; i >= 0; i--) {
                    Hold h = open.get(i);
                    if (h.context().equals(e.context()) && h.lock().equals(lock)) {
                        done.add(new Hold(h.context(), h.cpu(), h.lock(), h.from(), p, h.shared()));
                        open.remove(i);
                        break;
                    }
                }
            }
        }
        done.addAll(open);
        done.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return done;
    }

    /** The lock an event acts on, as holds name it. */
    static String name(Trace.Event e) {
        String base = e.target() == null ? "?" : e.target();
        return e.kind().startsWith("BIT_") ? base + ":bit " + e.a() : base;
    }
}
