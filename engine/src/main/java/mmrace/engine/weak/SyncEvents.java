package mmrace.engine.weak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.OpKind;
import mmrace.engine.exec.Proc;
import mmrace.engine.graph.EventKind;
import mmrace.engine.graph.Tag;
import mmrace.engine.sync.SpinLock;

/**
 * The engine's synchronization as events of the execution graph. Blocking primitives keep the
 * interleaving semantics the scheduler gives them; what the graph needs is the ordering that
 * comes with them:
 * <ul>
 * <li>spinlocks become lock.cat's events (LKR/LKW, UL, LF, RL/RU) in the order the schedule took
 *     the lock, so LKMM's lock axioms apply as herd applies them;</li>
 * <li>rcu_read_lock/unlock and grace periods become LKMM's RCU fences (a grace period's end, and
 *     the start of an RCU callback, is a synchronize_rcu fence);</li>
 * <li>every other blocking pair the engine knows by footprint (an ACQUIRE that waited for a
 *     RELEASE of the same key: sleeping locks, bit locks, IPI acknowledgements, a grace period
 *     waiting for a CPU's quiescent state, join) and every spawn (an IPI handler, an RCU
 *     callback, a thread) becomes a message: a release write to a hidden location placed where
 *     the releasing side was, read by an acquire read of the acquiring side. Hidden events are
 *     marked accesses: they order, and never race.</li>
 * </ul>
 * A release that nobody acquires costs nothing: its hidden write is made only when read.
 */
final class SyncEvents {
    /** A point of a thread's program order where a release happened. */
    private static final class Mark {
        final int thread;
        final long poKey;
        int write = -1;

        Mark(int thread, long poKey) {
            this.thread = thread;
            this.poKey = poKey;
        }
    }

    /** A lock.cat event whose result the primitive fills in after it commits. */
    private record Deferred(Proc proc, Event event, int holder) {
    }

    /** What KASAN and the slab allocator write over freed memory (SLAB_POISON's POISON_FREE bytes). */
    static final long POISON = 0x6b6b6b6b6b6b6b6bL;

    private final Execution x;
    private final WeakGraph g;
    private final java.util.function.LongFunction<mmrace.engine.mem.Loc> locs;
    private final Map<Proc, Event> last = new HashMap<>();
    private final Set<Proc> started = new HashSet<>();
    private final Map<Long, List<Mark>> releases = new HashMap<>();
    private final Map<Integer, Mark> spawns = new HashMap<>();
    private final List<Deferred> lockResults = new ArrayList<>();
    private final List<Event> pendingReleases = new ArrayList<>();
    private final Map<Long, Integer> holder = new HashMap<>();
    private final Map<Long, Integer> lastUnlock = new HashMap<>();
    private long hiddenKeys;

    SyncEvents(Execution x, WeakGraph g, java.util.function.LongFunction<mmrace.engine.mem.Loc> locs) {
        this.x = x;
        this.g = g;
        this.locs = locs;
    }

    Event lastCommitted(Proc p) {
        return last.get(p);
    }

    /** Whether {@code p}'s current operation must read the latest value (a bit lock spins until it can). */
    boolean forcesLatest(Proc p) {
        Event e = last.get(p);
        return e != null && (e.kind == OpKind.BIT_LOCK || e.kind == OpKind.BIT_UNLOCK);
    }

    void committed(Event e) {
        flushAll();
        Proc p = e.proc();
        last.put(p, e);
        if (started.add(p) && p.spawnedBy() >= 0) {
            Mark m = spawns.get(p.spawnedBy());
            if (m != null) {
                acquireFrom(p, m, e);
            }
        }
        if (WeakMemory.isAccess(e.kind)) {
            return;
        }
        if (e.kind == OpKind.ALLOC) {
            for (Mark mk : releases.getOrDefault(allocatorKey(e), List.of())) {
                acquireFrom(p, mk, e);
            }
        }
        long own = e.target instanceof SpinLock s && e.kind.name().startsWith("SPIN") ? s.id : Long.MIN_VALUE;
        for (long a : e.dataFootprint()) {
            long key = Footprint.key(a);
            Mode m = Footprint.mode(a);
            boolean acquire = m == Mode.ACQUIRE || m == Mode.ACQUIRE_SHARED
                    || (m == Mode.WRITE && releases.containsKey(key));
            if (acquire && key != own) {
                for (Mark mk : releases.getOrDefault(key, List.of())) {
                    acquireFrom(p, mk, e);
                }
            }
        }
        switch (e.kind) {
            case SPIN_LOCK -> lock(p, (SpinLock) e.target, e);
            case SPIN_UNLOCK -> unlock(p, (SpinLock) e.target, e);
            case SPIN_TRYLOCK, SPIN_IS_LOCKED ->
                    lockResults.add(new Deferred(p, e, holder.getOrDefault(((SpinLock) e.target).id, -1)));
            case RCU_READ_LOCK -> fence(p, Tag.RCU_LOCK, e);
            case RCU_READ_UNLOCK -> fence(p, Tag.RCU_UNLOCK, e);
            case GP_END -> fence(p, Tag.SYNC_RCU, e);
            default -> { }
        }
        pendingReleases.add(e);
    }

    /** Completes what earlier events left open, except the running operation of {@code p}. */
    void flush(Proc p) {
        Event mine = last.get(p);
        if (lockResults.isEmpty() && (pendingReleases.isEmpty()
                || (pendingReleases.size() == 1 && pendingReleases.get(0) == mine))) {
            return;
        }
        List<Event> keep = new ArrayList<>();
        for (Event e : pendingReleases) {
            if (e == mine) {
                keep.add(e);
            } else {
                releases(e);
            }
        }
        pendingReleases.clear();
        pendingReleases.addAll(keep);
        flushLockResults();
    }

    void flushAll() {
        flushLockResults();
        for (Event e : pendingReleases) {
            releases(e);
        }
        pendingReleases.clear();
    }

    private void flushLockResults() {
        for (Deferred d : lockResults) {
            SpinLock s = (SpinLock) d.event.target;
            WeakGraph.Location l = lockLocation(s);
            int t = d.proc.cpu.id;
            int at = d.event.index();
            if (d.event.kind == OpKind.SPIN_TRYLOCK && d.event.a == 1) {
                lock(d.proc, s, d.event);
            } else if (d.event.kind == OpKind.SPIN_TRYLOCK || d.event.a == 1) {
                Tag tag = d.event.kind == OpKind.SPIN_TRYLOCK ? Tag.LF : Tag.RL;
                int r = g.add(EventKind.READ, t, l.index, 1, tag.bit(), at);
                g.rf[r] = d.holder;
            } else {
                int r = g.add(EventKind.READ, t, l.index, 0, Tag.RU.bit(), at);
                g.rf[r] = lastUnlock.getOrDefault(s.id, l.init);
            }
        }
        lockResults.clear();
    }

    /**
     * The key on which an allocator's frees release and its allocations acquire: memory handed
     * back and given out again passes through the allocator's own synchronization (the zone
     * lock or per-CPU lists of the page allocator, SLUB's freelist cmpxchg), so what the freeing
     * CPU did to it happens before what the allocating CPU does. Without this edge a recycled
     * page's new owner could have its stores ordered before the old owner's.
     */
    private static long allocatorKey(Event e) {
        return Long.MIN_VALUE | 0x6000_0000_0000L | (System.identityHashCode(e.target) & 0xffff_ffffL);
    }

    /** The releases an event made (after its own accesses, which are program-order before them). */
    private void releases(Event e) {
        int t = e.proc().cpu.id;
        if (e.kind == OpKind.FREE) {
            poison(e, t);
            releases.computeIfAbsent(allocatorKey(e), k -> new ArrayList<>()).add(new Mark(t, g.mark(t)));
        }
        if (e.kind == OpKind.IPI_SEND || e.kind == OpKind.CALL_RCU || e.kind == OpKind.SPAWN) {
            spawns.put(e.index(), new Mark(t, g.mark(t)));
        }
        long own = e.target instanceof SpinLock s && e.kind.name().startsWith("SPIN") ? s.id : Long.MIN_VALUE;
        for (long a : e.dataFootprint()) {
            long key = Footprint.key(a);
            Mode m = Footprint.mode(a);
            if (key == own || (m != Mode.RELEASE && m != Mode.RELEASE_SHARED)) {
                continue;
            }
            List<Mark> list = releases.computeIfAbsent(key, k -> new ArrayList<>());
            if (m == Mode.RELEASE) {
                list.clear();
            }
            list.add(new Mark(t, g.mark(t)));
        }
    }

    /**
     * A free that makes memory inaccessible writes every field of the object (plain writes of
     * the poison, last in coherence order, as the schedule put the free after every access so
     * far): an access ordered after the free reads it, one concurrent with it is a data race.
     */
    private void poison(Event e, int t) {
        for (long a : e.footprint()) {
            mmrace.engine.mem.Loc loc = locs.apply(Footprint.key(a));
            WeakGraph.Location l = g.location(Footprint.key(a));
            if (loc == null || l == null || loc.owner() == null || loc.owner().inaccessibleReason() == null) {
                continue;
            }
            int w = g.add(EventKind.WRITE, t, l.index, POISON, 0, e.index());
            l.co.add(w);
        }
    }

    private void acquireFrom(Proc p, Mark m, Event e) {
        int t = p.cpu.id;
        if (m.thread == t) {
            return; // the same CPU: program order already orders them
        }
        if (m.write < 0) {
            WeakGraph.Location h = g.newLocation(-1 - hiddenKeys, "sync#" + hiddenKeys, 0, true, false);
            hiddenKeys++;
            m.write = g.hiddenWrite(m.thread, m.poKey, h.index, 1, Tag.RELEASE.bit());
            h.co.add(m.write);
        }
        int r = g.add(EventKind.READ, t, g.loc[m.write], 1, Tag.ACQUIRE.bit(), e.index());
        g.rf[r] = m.write;
    }

    private WeakGraph.Location lockLocation(SpinLock s) {
        WeakGraph.Location l = g.location(s.id);
        return l != null ? l : g.newLocation(s.id, s.displayName(), 0, false, true);
    }

    private void lock(Proc p, SpinLock s, Event e) {
        WeakGraph.Location l = lockLocation(s);
        int t = p.cpu.id;
        int r = g.add(EventKind.READ, t, l.index, 0, Tag.LKR.bit(), e.index());
        int w = g.add(EventKind.WRITE, t, l.index, 1, Tag.LKW.bit(), e.index());
        g.rf[r] = WeakGraph.DERIVED;
        g.rmw[r] = w;
        g.rmw[w] = r;
        l.co.add(w);
        holder.put(s.id, w);
    }

    private void unlock(Proc p, SpinLock s, Event e) {
        WeakGraph.Location l = lockLocation(s);
        int u = g.add(EventKind.WRITE, p.cpu.id, l.index, 0, Tag.UL.bit(), e.index());
        holder.remove(s.id);
        lastUnlock.put(s.id, u);
    }

    private void fence(Proc p, Tag t, Event e) {
        g.add(EventKind.FENCE, p.cpu.id, -1, 0, t.bit(), e.index());
    }
}
