package mmrace.engine.weak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.graph.EventKind;
import mmrace.engine.graph.Tag;

/**
 * The execution graph of one run under a weak model, as it grows: events with their thread (the
 * CPU), program order, location, value and LKMM tags, each read's rf source, each location's
 * coherence order, rmw pairs and dependencies. Mutable and cheap to extend; {@link GraphExport}
 * turns it into an immutable {@link mmrace.engine.graph.ExecutionGraph} for a model's checker.
 *
 * <p>Event ids are given in the order events are recorded, which is execution order, except
 * for hidden release writes ({@link #hiddenWrite}) that are placed back at an earlier point of
 * their thread's program order: program order is the {@link #poKey} order within a thread.
 */
final class WeakGraph {
    /** rf of a read whose source is a write not yet executed: resolved when the run ends. */
    static final int SPECULATIVE = -2;
    /** rf of a lock read that lock.cat derives (LKR). */
    static final int DERIVED = -3;

    /** A location: a {@code Loc}, a spinlock, or a hidden location of a synchronization edge. */
    static final class Location {
        final int index;
        final long key;
        final String name;
        final boolean hidden;
        final boolean lock;
        final int init;
        /** Non-initial writes in coherence order (the initial write is before all of them). */
        final IntList co = new IntList();
        /** Every access except the initial write, in execution order. */
        final IntList accesses = new IntList();

        Location(int index, long key, String name, boolean hidden, boolean lock, int init) {
            this.index = index;
            this.key = key;
            this.name = name;
            this.hidden = hidden;
            this.lock = lock;
            this.init = init;
        }
    }

    int n;
    EventKind[] kind = new EventKind[32];
    int[] thread = new int[32];
    long[] poKey = new long[32];
    int[] loc = new int[32];
    long[] value = new long[32];
    long[] tags = new long[32];
    int[] rf = new int[32];
    /** The other half of a successful RMW or lock acquisition, or -1. */
    int[] rmw = new int[32];
    /** The engine event that made it (for marking races in traces), or -1. */
    int[] engineEvent = new int[32];
    final IntList addrFrom = new IntList();
    final IntList addrTo = new IntList();
    final IntList dataFrom = new IntList();
    final IntList dataTo = new IntList();
    final IntList ctrlFrom = new IntList();
    final IntList ctrlTo = new IntList();
    final List<Location> locations = new ArrayList<>();
    private final Map<Long, Location> byKey = new HashMap<>();
    private int[] threadLen = new int[4];

    Location location(long key) {
        return byKey.get(key);
    }

    /** Creates a location with its initial write (on no thread). */
    Location newLocation(long key, String name, long initial, boolean hidden, boolean lock) {
        int init = add(EventKind.INIT, -1, locations.size(), initial, 0, -1);
        Location l = new Location(locations.size(), key, name, hidden, lock, init);
        locations.add(l);
        byKey.put(key, l);
        return l;
    }

    /** Adds an event at the end of {@code t}'s program order. */
    int add(EventKind k, int t, int location, long val, long tagMask, int engineIndex) {
        int e = grow();
        kind[e] = k;
        thread[e] = t;
        loc[e] = location;
        value[e] = val;
        tags[e] = tagMask;
        rf[e] = -1;
        rmw[e] = -1;
        engineEvent[e] = engineIndex;
        if (t >= 0) {
            ensureThread(t);
            poKey[e] = 2L * threadLen[t]++;
        } else {
            poKey[e] = -1;
        }
        if (location >= 0 && (k == EventKind.READ || k == EventKind.WRITE)) {
            locations.get(location).accesses.add(e);
        }
        return e;
    }

    /** The program-order position right after {@code t}'s latest event, for a later hidden write. */
    long mark(int t) {
        ensureThread(t);
        return 2L * threadLen[t] - 1;
    }

    /** A write added now but placed at an earlier point {@code markKey} of {@code t}'s program order. */
    int hiddenWrite(int t, long markKey, int location, long val, long tagMask) {
        int e = grow();
        kind[e] = EventKind.WRITE;
        thread[e] = t;
        loc[e] = location;
        value[e] = val;
        tags[e] = tagMask;
        rf[e] = -1;
        rmw[e] = -1;
        engineEvent[e] = -1;
        poKey[e] = markKey;
        locations.get(location).accesses.add(e);
        return e;
    }

    private void ensureThread(int t) {
        if (t >= threadLen.length) {
            threadLen = Arrays.copyOf(threadLen, Math.max(t + 1, threadLen.length * 2));
        }
    }

    int threads() {
        int m = 0;
        for (int i = 0; i < threadLen.length; i++) {
            if (threadLen[i] > 0) {
                m = i + 1;
            }
        }
        return m;
    }

    private int grow() {
        if (n == kind.length) {
            int c = n * 2;
            kind = Arrays.copyOf(kind, c);
            thread = Arrays.copyOf(thread, c);
            poKey = Arrays.copyOf(poKey, c);
            loc = Arrays.copyOf(loc, c);
            value = Arrays.copyOf(value, c);
            tags = Arrays.copyOf(tags, c);
            rf = Arrays.copyOf(rf, c);
            rmw = Arrays.copyOf(rmw, c);
            engineEvent = Arrays.copyOf(engineEvent, c);
        }
        return n++;
    }

    boolean isWrite(int e) {
        return kind[e] == EventKind.WRITE || kind[e] == EventKind.INIT;
    }

    boolean isRead(int e) {
        return kind[e] == EventKind.READ;
    }

    boolean has(int e, Tag t) {
        return (tags[e] & t.bit()) != 0;
    }

    boolean hidden(int e) {
        return loc[e] >= 0 && locations.get(loc[e]).hidden;
    }

    /** Whether {@code a} is before {@code b} in the program order of one thread. */
    boolean poBefore(int a, int b) {
        return thread[a] >= 0 && thread[a] == thread[b] && poKey[a] < poKey[b];
    }

    /** The write right after {@code w} in its location's coherence order, or -1. */
    int coNext(int w) {
        Location l = locations.get(loc[w]);
        if (kind[w] == EventKind.INIT) {
            return l.co.size() == 0 ? -1 : l.co.get(0);
        }
        int i = l.co.indexOf(w);
        return i + 1 < l.co.size() ? l.co.get(i + 1) : -1;
    }

    /** The write right before {@code w} in coherence order (the initial write for the first). */
    int coPrev(int w) {
        Location l = locations.get(loc[w]);
        int i = l.co.indexOf(w);
        return i <= 0 ? l.init : l.co.get(i - 1);
    }

    /** The coherence-last write of a location. */
    int coLast(Location l) {
        return l.co.size() == 0 ? l.init : l.co.get(l.co.size() - 1);
    }

    /** Whether a successful RMW already reads from {@code w} (no second one may: atomicity). */
    boolean readByRmw(int w) {
        int next = coNext(w);
        return next >= 0 && rmw[next] >= 0 && rf[rmw[next]] == w;
    }

    void addr(int from, int to) {
        addrFrom.add(from);
        addrTo.add(to);
    }

    void data(int from, int to) {
        dataFrom.add(from);
        dataTo.add(to);
    }

    void ctrl(int from, int to) {
        ctrlFrom.add(from);
        ctrlTo.add(to);
    }
}
