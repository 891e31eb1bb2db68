package mmrace.engine.weak;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.Proc;
import mmrace.engine.mem.Loc;

/**
 * When the order of two events does not matter under a weak model, which is what lets the
 * weak explorer run most events without branching.
 *
 * <p>Each event has a weak footprint: its engine footprint, except that an access touches its
 * location only as a READ (a load picks its write and a store its coherence position whatever
 * ran first, so accesses never conflict with each other by location), plus a WRITE of its
 * CPU's program-order key (two contexts on one CPU, a task and its interrupt handler, do not
 * commute: their order is that CPU's program order). An access still conflicts with a free of
 * its object or a bit lock on its word, whose footprints write the location. Two RMWs of one
 * location do not commute either: each may read a write only if no other RMW reads it
 * (atomicity), so which one runs first decides which can succeed (two cmpxchg()s from 0, two
 * test_and_set_bit()s), and whether a write is there to be read later depends on that; they
 * conflict on a key of their own, so plain loads and stores still commute with them.
 *
 * <p>An event is local when no other context is known to touch its keys in a conflicting way:
 * then it commutes with everything any other context does and runs at once. What contexts
 * touch is learnt while exploring ({@link #learn}); when something learnt contradicts a
 * decision already taken in this round, the explorer starts over ({@link WeakDfs}).
 */
final class Independence {
    /** A context put to sleep: its pending event's weak footprint. */
    record Sleeper(int gid, long[] footprint) {
    }

    /** Key -> context gid -> mode bits (1 << Mode.ordinal()) it was seen touching the key with. */
    private final Map<Long, Map<Integer, Integer>> seen = new HashMap<>();

    Sleeper sleeper(Proc p) {
        return new Sleeper(p.gid, footprint(p.pending(), p));
    }

    /** Program-order keys live in their own space, apart from every other key. */
    private static long poKey(int cpu) {
        return Long.MIN_VALUE | 0x5000_0000_0000L | cpu;
    }

    /** The key on which RMWs of one location exclude each other (see the class comment). */
    private static long rmwKey(long loc) {
        return loc | 1L << 61;
    }

    /**
     * Whether accesses commute by location: only when loads may also read writes executed after
     * them (speculation), so that the order of a load and a store does not limit what the load
     * can read. Without speculation, an access conflicts as it does under SC (a store writes its
     * location) and every order of conflicting accesses is explored.
     */
    private final boolean commute;

    Independence(boolean commute) {
        this.commute = commute;
    }

    long[] footprint(Event e, Proc p) {
        return footprint(e, p, commute);
    }

    static long[] footprint(Event e, Proc p, boolean commute) {
        long po = Footprint.of(poKey(p.cpu.id), Mode.WRITE);
        if (WeakMemory.isAccess(e.kind)) {
            if (!(e.target instanceof Loc l)) {
                return new long[] {po};
            }
            if (!commute && e.kind != mmrace.engine.exec.OpKind.LOAD) {
                return new long[] {Footprint.of(l.id, Mode.WRITE), po};
            }
            if (e.kind == mmrace.engine.exec.OpKind.RMW) {
                return new long[] {Footprint.of(l.id, Mode.READ), Footprint.of(rmwKey(l.id), Mode.WRITE), po};
            }
            return new long[] {Footprint.of(l.id, Mode.READ), po};
        }
        long[] f = e.dataFootprint();
        long[] out = java.util.Arrays.copyOf(f, f.length + 1);
        out[f.length] = po;
        return out;
    }

    boolean dependent(Sleeper s, Event e) {
        return Footprint.dependent(s.footprint(), footprint(e, e.proc()));
    }

    /** Whether {@code p}'s pending event conflicts with nothing another context is known to do. */
    boolean local(Proc p) {
        for (long a : footprint(p.pending(), p)) {
            if (conflicting(Footprint.key(a), Footprint.mode(a), p.gid)) {
                return false;
            }
        }
        return true;
    }

    private boolean conflicting(long key, Mode mode, int gid) {
        Map<Integer, Integer> byProc = seen.get(key);
        if (byProc == null) {
            return false;
        }
        for (Map.Entry<Integer, Integer> s : byProc.entrySet()) {
            if (s.getKey() == gid) {
                continue;
            }
            for (Mode m : Mode.values()) {
                if ((s.getValue() & 1 << m.ordinal()) != 0 && m.conflicts(mode)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Records what a committed event touched; returns the keys on which it makes a conflict
     * that was not known before (an earlier decision that took them as local may be wrong).
     */
    List<Long> learn(Event e) {
        List<Long> fresh = null;
        for (long a : footprint(e, e.proc())) {
            long key = Footprint.key(a);
            Mode mode = Footprint.mode(a);
            Map<Integer, Integer> byProc = seen.computeIfAbsent(key, k -> new HashMap<>());
            int gid = e.proc().gid;
            int old = byProc.getOrDefault(gid, 0);
            if ((old & 1 << mode.ordinal()) != 0) {
                continue;
            }
            if (conflicting(key, mode, gid)) {
                if (fresh == null) {
                    fresh = new java.util.ArrayList<>();
                }
                fresh.add(key);
            }
            byProc.put(gid, old | 1 << mode.ordinal());
        }
        return fresh == null ? List.of() : fresh;
    }
}
