package mmrace.engine.weak;

import java.util.HashSet;
import java.util.Set;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.Proc;
import mmrace.engine.mem.Loc;

/**
 * When the order of two events does not matter under a weak model, which is what lets the
 * weak explorer schedule most accesses without branching.
 *
 * <p>Accesses of different CPUs commute: a load chooses its write whatever ran first (the
 * writes already executed, or one executed later through speculation), a store its place in
 * coherence order, so both orders reach the same graphs. They do not commute with an event of
 * another context on the same CPU (their order is that CPU's program order) nor with a
 * synchronization event whose footprint touches the location (a free of the object, a bit
 * lock spinning on the word). Synchronization events keep the engine's footprints.
 *
 * <p>Which locations and CPUs are so exposed is learnt while exploring ({@link #syncKeys},
 * {@link #sharedCpus}); when something new is learnt that an earlier decision relied on, the
 * explorer starts its search over ({@link WeakDfs}).
 */
final class Independence {
    /** A context put to sleep: its pending event, as seen for independence. */
    record Sleeper(int gid, int cpu, boolean access, long[] footprint) {
    }

    /** Keys of locations some non-access event touched. */
    final Set<Long> syncKeys = new HashSet<>();
    /** CPUs where some context other than the task ran or waits. */
    final Set<Integer> sharedCpus = new HashSet<>();

    Sleeper sleeper(Proc p) {
        Event e = p.pending();
        return new Sleeper(p.gid, p.cpu.id, WeakMemory.isAccess(e.kind), footprint(e));
    }

    /** An access touches its location only as a read: accesses never conflict with each other by key. */
    static long[] footprint(Event e) {
        if (WeakMemory.isAccess(e.kind)) {
            return e.target instanceof Loc l ? Footprint.one(l.id, Mode.READ) : Footprint.NONE;
        }
        return e.dataFootprint();
    }

    boolean dependent(Sleeper s, Event e) {
        if (e.proc().cpu.id == s.cpu()) {
            return true;
        }
        if (s.access() && WeakMemory.isAccess(e.kind)) {
            return false;
        }
        return Footprint.dependent(s.footprint(), footprint(e));
    }

    /** Whether {@code p}'s pending event commutes with everything any other context can do. */
    boolean local(Proc p) {
        Event e = p.pending();
        if (!WeakMemory.isAccess(e.kind) || sharedCpus.contains(p.cpu.id)) {
            return false;
        }
        return !(e.target instanceof Loc l) || !syncKeys.contains(l.id);
    }
}
