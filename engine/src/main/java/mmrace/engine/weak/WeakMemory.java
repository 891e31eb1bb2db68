package mmrace.engine.weak;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.OpKind;
import mmrace.engine.exec.Proc;
import mmrace.engine.graph.EventKind;
import mmrace.engine.graph.Tag;
import mmrace.engine.mem.Dep;
import mmrace.engine.mem.Fence;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Memory;
import mmrace.engine.mem.Order;

/**
 * The memory of one execution under a weak model: every access becomes an event of a
 * {@link WeakGraph}, and instead of "the last store", a load returns the value of a write the
 * {@link Session} picks among those coherence allows: one already in the graph, or (load
 * buffering) a value that a write executed later must supply. Every store picks its place in
 * coherence order the same way. Whether the whole execution is allowed is decided when it ends
 * ({@link #accept}), by the model's axiomatic checker; locks, RCU and the engine's other
 * synchronization enter the graph through {@link SyncEvents}.
 *
 * <p>The graph's threads are CPUs: an interrupt handler's accesses are in program order with
 * those of the task it interrupted, as on the hardware.
 */
final class WeakMemory implements Memory {
    private final Execution x;
    private final WeakModel model;
    private final Session session;
    final WeakGraph g = new WeakGraph();
    final SyncEvents sync;
    private final Map<Long, Loc> locs = new HashMap<>();
    private final Map<Proc, Dep> ctrl = new HashMap<>();
    private final Map<Proc, Integer> lastRead = new HashMap<>();
    /** How many times each context read each write (for the stale-read bound). */
    private final Map<Proc, Map<Integer, Integer>> readCounts = new HashMap<>();
    /** How many times each context speculated each value of each location (the same bound). */
    private final Map<Proc, Map<Long, LongList>> specCounts = new HashMap<>();
    private final LongList banned = new LongList();
    private final LongList spec = new LongList();
    private final IntList options = new IntList();
    /**
     * The last speculative load that no later write of another thread could justify, or -1 if
     * none; MAX_VALUE until the run ended (nothing to learn from a run cut short). Loads after
     * it may still learn values from this run (see {@link WeakDfs}).
     */
    int lastUnjustified = Integer.MAX_VALUE;

    WeakMemory(Execution x, WeakModel model, Session session) {
        this.x = x;
        this.model = model;
        this.session = session;
        this.sync = new SyncEvents(x, g, locs::get);
    }

    WeakModel model() {
        return model;
    }

    // ---------------------------------------------------------------- locations

    @Override
    public void init(Loc loc, long value) {
        locs.put(loc.id, loc);
        WeakGraph.Location l = g.location(loc.id);
        if (l != null) {
            g.value[l.init] = value;
            return;
        }
        Proc p = x.current();
        if (p == null || x.inSetup()) {
            g.newLocation(loc.id, loc.displayName(), value, false, false);
            return;
        }
        // Memory allocated during the run: its initializing store is the allocating CPU's, and
        // other CPUs may see the zeroes under it until something orders them.
        l = g.newLocation(loc.id, loc.displayName(), 0, false, false);
        if (value != 0) {
            int w = event(EventKind.WRITE, p, l, value, 0);
            l.co.add(w);
        }
    }

    @Override
    public long peek(Loc loc) {
        WeakGraph.Location l = g.location(loc.id);
        return g.value[g.coLast(l)];
    }

    private WeakGraph.Location loc(Loc loc) {
        WeakGraph.Location l = g.location(loc.id);
        if (l == null) {
            throw new IllegalStateException("location " + loc + " was never initialized");
        }
        return l;
    }

    // ---------------------------------------------------------------- accesses

    @Override
    public long load(Proc p, Loc loc, Order order) {
        return load(p, loc, order, Dep.NONE);
    }

    @Override
    public long load(Proc p, Loc loc, Order order, Dep addr) {
        sync.flush(p);
        WeakGraph.Location l = loc(loc);
        if (order == Order.FULL) {
            fence(p, Fence.MB);
        }
        int r = event(EventKind.READ, p, l, 0, Tags.load(order));
        deps(p, r, addr, Dep.NONE);
        boolean latest = sync.forcesLatest(p);
        chooseSource(p, l, r, latest, null);
        lastRead.put(p, r);
        if (order == Order.FULL) {
            fence(p, Fence.MB);
        }
        return g.value[r];
    }

    @Override
    public void store(Proc p, Loc loc, long value, Order order) {
        store(p, loc, value, order, Dep.NONE, Dep.NONE);
    }

    @Override
    public void store(Proc p, Loc loc, long value, Order order, Dep addr, Dep data) {
        sync.flush(p);
        WeakGraph.Location l = loc(loc);
        int w = event(EventKind.WRITE, p, l, value, Tags.store(order));
        deps(p, w, addr, data);
        place(l, w);
        if (order == Order.FULL) {
            fence(p, Fence.MB);
        }
    }

    @Override
    public long rmw(Proc p, Loc loc, Order order, LongUnaryOperator f, boolean writeIfSame) {
        return writeIfSame ? rmw(p, loc, order, f, Dep.NONE, Dep.NONE)
                : condRmw(p, loc, order, v -> f.applyAsLong(v) != v, f, Dep.NONE, Dep.NONE);
    }

    @Override
    public long rmw(Proc p, Loc loc, Order order, LongUnaryOperator f, Dep addr, Dep data) {
        return condRmw(p, loc, order, v -> true, f, addr, data);
    }

    @Override
    public long condRmw(Proc p, Loc loc, Order order, LongPredicate cond, LongUnaryOperator f, Dep addr, Dep data) {
        sync.flush(p);
        WeakGraph.Location l = loc(loc);
        long tag = Tags.rmw(order);
        int r = event(EventKind.READ, p, l, 0, tag);
        deps(p, r, addr, Dep.NONE);
        boolean latest = sync.forcesLatest(p);
        boolean speculative = chooseSource(p, l, r, latest, cond);
        long old = g.value[r];
        lastRead.put(p, r);
        if (cond.test(old)) {
            int w = event(EventKind.WRITE, p, l, f.applyAsLong(old), tag);
            g.rmw[r] = w;
            g.rmw[w] = r;
            deps(p, w, addr, data);
            if (speculative) {
                place(l, w);
            } else {
                l.co.insert(g.rf[r] == l.init ? 0 : l.co.indexOf(g.rf[r]) + 1, w);
            }
        }
        return old;
    }

    @Override
    public void fence(Proc p, Fence fence) {
        sync.flush(p);
        if (fence == Fence.READ_BARRIER_DEPENDS && !model.keepsReadBarrierDepends()) {
            return; // only Alpha's model looks at it: elsewhere it would be an event that orders nothing
        }
        event(EventKind.FENCE, p, null, 0, Tags.fence(fence));
    }

    @Override
    public void fence(Proc p, Fence fence, Loc loc) {
        sync.flush(p);
        event(EventKind.FENCE, p, loc(loc), 0, Tags.fence(fence));
    }

    /**
     * An access the schedule made after the free of its memory observes the free: a read reads
     * the poison (or a later write), a write goes after it in coherence order. The model then
     * decides whether the execution, and so the KASAN report, is possible.
     */
    @Override
    public void faulted(Proc p, Loc loc, boolean write) {
        sync.flush(p);
        WeakGraph.Location l = loc(loc);
        int e = event(write ? EventKind.WRITE : EventKind.READ, p, l, 0, 0);
        if (write) {
            l.co.add(e);
        } else {
            g.rf[e] = g.coLast(l);
            g.value[e] = g.value[g.rf[e]];
        }
    }

    /**
     * Chooses the write read by {@code r}: the coherent writes already in the graph, latest
     * first (an overwritten one only while {@code p} has not read it too often, see
     * {@link WeakModel#withStaleReads}), then the speculative values (each, likewise, only
     * while {@code p} has not read it "from the future" too often). With {@code rmwCond}, a source whose value satisfies
     * it makes {@code r} the read of an RMW, so it must not be read by another RMW already.
     * Returns whether the choice is speculative.
     */
    private boolean chooseSource(Proc p, WeakGraph.Location l, int r, boolean latestOnly, LongPredicate rmwCond) {
        options.clear();
        Map<Integer, Integer> seen = readCounts.computeIfAbsent(p, k -> new HashMap<>());
        int bound = model.staleReads();
        for (int i = l.co.size() - 1; i >= -1; i--) {
            int w = i < 0 ? l.init : l.co.get(i);
            if (rmwCond != null && rmwCond.test(g.value[w]) && g.readByRmw(w)) {
                continue;
            }
            if (bound >= 0 && i < l.co.size() - 1 && seen.getOrDefault(w, 0) >= bound) {
                continue; // this context has seen this overwritten value often enough
            }
            g.rf[r] = w;
            if (Coherence.ok(g, l)) {
                options.add(w);
            }
            if (latestOnly) {
                break;
            }
        }
        if (options.size() > 1) {
            for (int i = options.size() - 1; i >= 0; i--) {
                g.rf[r] = options.get(i);
                g.value[r] = g.value[options.get(i)];
                if (!prefixAllowed()) {
                    options.removeAt(i);
                }
            }
        }
        g.rf[r] = WeakGraph.SPECULATIVE;
        spec.clear();
        LongList guessed = specCounts.computeIfAbsent(p, k -> new HashMap<>()).computeIfAbsent(l.key, k -> new LongList());
        banned.clear();
        if (bound >= 0) {
            for (int i = 0; i < guessed.size(); i++) {
                long v = guessed.get(i);
                if (!banned.contains(v) && count(guessed, v) >= bound) {
                    banned.add(v);
                }
            }
        }
        int k = latestOnly ? (options.size() > 0 ? 0 : -1)
                : session.chooseRead(l.key, options.size(), spec, r, banned);
        if (k < 0) {
            throw x.abandon();
        }
        if (k < options.size()) {
            g.rf[r] = options.get(k);
            g.value[r] = g.value[options.get(k)];
            seen.merge(options.get(k), 1, Integer::sum);
            return false;
        }
        g.value[r] = spec.get(k - options.size());
        guessed.add(g.value[r]);
        return true;
    }

    /**
     * Whether the model allows what the run did so far. Checked only where a load or store has
     * more than one choice: a choice the prefix already rules out is never explored, instead of
     * being found inconsistent when the run ends (on kernel code, nearly every stale read of a
     * lock-protected field is such a choice).
     */
    private boolean prefixAllowed() {
        return model.checker().check(GraphExport.exportPrefix(g).graph()).allowed();
    }

    private static int count(LongList l, long v) {
        int c = 0;
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) == v) {
                c++;
            }
        }
        return c;
    }

    /** Chooses where write {@code w} goes in coherence order: any place coherence and atomicity allow. */
    private void place(WeakGraph.Location l, int w) {
        options.clear();
        for (int i = l.co.size(); i >= 0; i--) {
            int before = i == 0 ? l.init : l.co.get(i - 1);
            if (i < l.co.size()) {
                int after = l.co.get(i);
                if (g.rmw[after] >= 0 && g.rf[g.rmw[after]] == before) {
                    continue; // between an RMW and the write it read: atomicity forbids
                }
            }
            l.co.insert(i, w);
            if (Coherence.ok(g, l)) {
                options.add(i);
            }
            l.co.removeAt(i);
        }
        if (options.size() > 1) {
            for (int i = options.size() - 1; i >= 0; i--) {
                l.co.insert(options.get(i), w);
                boolean ok = prefixAllowed();
                l.co.removeAt(options.get(i));
                if (!ok) {
                    options.removeAt(i);
                }
            }
        }
        int k = session.choose(options.size());
        if (k < 0) {
            throw x.abandon();
        }
        l.co.insert(options.get(k), w);
    }

    private int event(EventKind k, Proc p, WeakGraph.Location l, long value, long tags) {
        Event last = sync.lastCommitted(p);
        int e = g.add(k, p.cpu.id, l == null ? -1 : l.index, value, tags, last == null ? -1 : last.index());
        Dep c = ctrl.get(p);
        if (c != null && k != EventKind.FENCE) {
            for (int from : c.reads()) {
                if (from < g.n && g.isRead(from) && g.poBefore(from, e)) {
                    g.ctrl(from, e);
                }
            }
        }
        return e;
    }

    private void deps(Proc p, int e, Dep addr, Dep data) {
        for (int from : addr.reads()) {
            if (from < g.n && g.isRead(from) && g.poBefore(from, e)) {
                g.addr(from, e);
            }
        }
        for (int from : data.reads()) {
            if (from < g.n && g.isRead(from) && g.poBefore(from, e)) {
                g.data(from, e);
            }
        }
    }

    // ---------------------------------------------------------------- dependencies and sync

    @Override
    public Dep lastRead(Proc p) {
        Integer r = lastRead.get(p);
        return r == null ? Dep.NONE : Dep.ofRead(r);
    }

    @Override
    public void ctrl(Proc p, Dep on) {
        ctrl.merge(p, on, Dep::and);
    }

    @Override
    public void committed(Event e) {
        sync.committed(e);
    }

    // ---------------------------------------------------------------- the end

    @Override
    public boolean accept(Execution ended) {
        sync.flushAll();
        return Candidates.finish(ended, this, session);
    }

    /** Whether this is the kind of event that {@link OpKind} calls an access (for the explorer). */
    static boolean isAccess(OpKind k) {
        return k == OpKind.LOAD || k == OpKind.STORE || k == OpKind.RMW || k == OpKind.FENCE;
    }

    static boolean hasTag(long mask, Tag t) {
        return (mask & t.bit()) != 0;
    }
}
