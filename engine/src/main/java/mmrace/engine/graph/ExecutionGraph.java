package mmrace.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One candidate execution: events, program order and the execution witnesses (rf, co) plus the
 * syntactic relations a model needs (rmw, addr, data, ctrl). Immutable; built with {@link #builder()}.
 *
 * <p>Events are numbered {@code 0..size()-1} in the order they were added. Every location has one
 * {@link EventKind#INIT} event (herd's IW), on no thread ({@code thread == -1}), co-before every
 * other write to that location. Thread ids are any non-negative ints; program order is the order
 * in which a thread's events were added.
 *
 * <p>The relations returned here are the primitive ones: {@link #addr()}, {@link #data()} and
 * {@link #ctrl()} are the dependencies as the caller gave them, before the bell's
 * {@code carry-dep} extension through plain rfi, which the checkers apply themselves.
 */
public final class ExecutionGraph {
    /** Value of a read whose value is taken from its rf source when the graph is built. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private final int n;
    private final EventKind[] kind;
    private final int[] thread;
    private final int[] poIndex;
    private final int[] loc;
    private final long[] value;
    private final long[] tags;
    private final String[] locNames;
    private final int[] initOf;
    private final int[] rfSource;

    private final Rel po, rf, co, fr, rmw, addr, data, ctrl, sameLoc, internal;
    private final long[] all, inits, reads, writes, fences;
    private final long[][] tagSets;

    private ExecutionGraph(Builder b, Rel rf, Rel co, Rel rmw, int[] rfSource, long[] value) {
        n = b.n;
        kind = Arrays.copyOf(b.kind, n);
        thread = Arrays.copyOf(b.thread, n);
        poIndex = Arrays.copyOf(b.poIndex, n);
        loc = Arrays.copyOf(b.loc, n);
        this.value = value;
        tags = Arrays.copyOf(b.tags, n);
        locNames = b.locNames.toArray(new String[0]);
        initOf = Arrays.copyOf(b.initOf, locNames.length);
        this.rfSource = rfSource;
        this.rf = rf;
        this.co = co;
        this.rmw = rmw;
        po = b.poRel();
        sameLoc = b.locRel();
        internal = b.intRel();
        addr = b.edgeRel(b.addrEdges);
        data = b.edgeRel(b.dataEdges);
        ctrl = b.edgeRel(b.ctrlEdges);
        fr = rf.inverse().seq(co);
        all = Bits.all(n);
        inits = kindSet(EventKind.INIT);
        reads = kindSet(EventKind.READ);
        writes = Bits.union(kindSet(EventKind.WRITE), inits);
        fences = kindSet(EventKind.FENCE);
        Tag[] tv = Tag.values();
        tagSets = new long[tv.length][];
        for (Tag t : tv) {
            long[] s = Bits.empty(n);
            for (int e = 0; e < n; e++) if ((tags[e] & t.bit()) != 0) Bits.add(s, e);
            tagSets[t.ordinal()] = s;
        }
    }

    private long[] kindSet(EventKind k) {
        long[] s = Bits.empty(n);
        for (int e = 0; e < n; e++) if (kind[e] == k) Bits.add(s, e);
        return s;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ events

    public int size() {
        return n;
    }

    public EventKind kind(int e) {
        return kind[e];
    }

    /** The thread of {@code e}, or -1 for an initial write. */
    public int thread(int e) {
        return thread[e];
    }

    /** Position of {@code e} in its thread's program order (0-based); -1 for an initial write. */
    public int poIndex(int e) {
        return poIndex[e];
    }

    /** The location of {@code e}, or -1 (fences other than synchronize_srcu). */
    public int loc(int e) {
        return loc[e];
    }

    public long value(int e) {
        return value[e];
    }

    /** The tag mask of {@code e} (see {@link Tag#bit()}). */
    public long tags(int e) {
        return tags[e];
    }

    public boolean has(int e, Tag t) {
        return (tags[e] & t.bit()) != 0;
    }

    public boolean isRead(int e) {
        return kind[e] == EventKind.READ;
    }

    public boolean isWrite(int e) {
        return kind[e].isWrite();
    }

    /** The write {@code e} reads from, or -1 (only a lock read can have none, see lock.cat). */
    public int rfSource(int e) {
        return rfSource[e];
    }

    public int locations() {
        return locNames.length;
    }

    public String locationName(int l) {
        return locNames[l];
    }

    /** The initial write of location {@code l}. */
    public int initOf(int l) {
        return initOf[l];
    }

    // ------------------------------------------------------------------ sets

    public long[] all() {
        return all.clone();
    }

    public long[] inits() {
        return inits.clone();
    }

    /** All reads, lock reads (LKR, LF, RL, RU) and srcu-lock included. */
    public long[] reads() {
        return reads.clone();
    }

    /** All writes, initial writes and lock writes (LKW, UL) and srcu-unlock included. */
    public long[] writes() {
        return writes.clone();
    }

    public long[] fences() {
        return fences.clone();
    }

    /** The events carrying tag {@code t}. */
    public long[] withTag(Tag t) {
        return tagSets[t.ordinal()].clone();
    }

    // package-private unshared views for the checkers (never mutated there)
    long[] allView() { return all; }
    long[] initsView() { return inits; }
    long[] readsView() { return reads; }
    long[] writesView() { return writes; }
    long[] fencesView() { return fences; }
    long[] tagView(Tag t) { return tagSets[t.ordinal()]; }

    // ------------------------------------------------------------------ relations

    /** Program order: same thread, earlier {@link #poIndex}. */
    public Rel po() {
        return po;
    }

    public Rel rf() {
        return rf;
    }

    /** Coherence order, transitively closed, a strict total order on the writes of each location. */
    public Rel co() {
        return co;
    }

    /** From-read: {@code rf^-1 ; co}. */
    public Rel fr() {
        return fr;
    }

    /** Read to write of each successful RMW, lock.cat's lk-rmw (LKR to LKW) included. */
    public Rel rmw() {
        return rmw;
    }

    public Rel addr() {
        return addr;
    }

    public Rel data() {
        return data;
    }

    public Rel ctrl() {
        return ctrl;
    }

    /** herd's {@code loc}: both events have the same location (reflexive on events with one). */
    public Rel sameLoc() {
        return sameLoc;
    }

    /** herd's {@code int}: same thread, or the same event. Its complement is {@code ext}. */
    public Rel internal() {
        return internal;
    }

    // ------------------------------------------------------------------ printing

    /** One line describing event {@code e}, e.g. {@code "5: T1#2 R[ONCE] y=0 (rf 3)"}. */
    public String describe(int e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e).append(": ");
        if (thread[e] < 0) sb.append("init");
        else sb.append('T').append(thread[e]).append('#').append(poIndex[e]);
        sb.append(' ').append(switch (kind[e]) {
            case INIT, WRITE -> "W";
            case READ -> "R";
            case FENCE -> "F";
        });
        if (tags[e] != 0) sb.append('[').append(Tag.describe(tags[e])).append(']');
        if (loc[e] >= 0) {
            sb.append(' ').append(locNames[loc[e]]);
            if (kind[e] != EventKind.FENCE) sb.append('=').append(value[e]);
        }
        if (kind[e] == EventKind.READ && rfSource[e] >= 0) sb.append(" (rf ").append(rfSource[e]).append(')');
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int e = 0; e < n; e++) sb.append(describe(e)).append('\n');
        sb.append("co: ").append(co).append('\n');
        if (!rmw.isEmpty()) sb.append("rmw: ").append(rmw).append('\n');
        if (!addr.isEmpty()) sb.append("addr: ").append(addr).append('\n');
        if (!data.isEmpty()) sb.append("data: ").append(data).append('\n');
        if (!ctrl.isEmpty()) sb.append("ctrl: ").append(ctrl).append('\n');
        return sb.toString();
    }

    // ================================================================== builder

    /**
     * Builds a graph event by event. Methods that add events return the new event's id. Typical use:
     *
     * <pre>{@code
     * var b = ExecutionGraph.builder();
     * int x = b.location("x"), y = b.location("y");
     * int w1 = b.write(0, x, 1, Tag.ONCE);
     * b.fence(0, Tag.WMB);
     * int w2 = b.write(0, y, 1, Tag.ONCE);
     * int r1 = b.read(1, y, Tag.ONCE);        // value comes from its rf source
     * b.fence(1, Tag.RMB);
     * int r2 = b.read(1, x, Tag.ONCE);        // no rf given: reads the initial value
     * b.rf(w2, r1);
     * Verdict v = new LkmmChecker().check(b.build());
     * }</pre>
     *
     * <p>Defaults applied by {@link #build()}: a read without an rf edge reads the initial write of
     * its location; co runs from each initial write to every write of its location; a location
     * with a single non-initial write needs no co edge. For lock locations the caller orders only
     * the LKW events (the order of the critical sections); the UL events and the rf of each LKR
     * are derived as lock.cat derives them (a UL comes right after its LKW in co, an LKR reads the
     * co-immediate predecessor of its LKW). Edges the caller gives anyway must agree.
     */
    public static final class Builder {
        private int n;
        private EventKind[] kind = new EventKind[16];
        private int[] thread = new int[16];
        private int[] poIndex = new int[16];
        private int[] loc = new int[16];
        private long[] value = new long[16];
        private long[] tags = new long[16];
        private int[] rfSrc = new int[16];
        private int[] threadLen = new int[4];
        private final List<String> locNames = new ArrayList<>();
        private final Map<String, Integer> locIds = new HashMap<>();
        private int[] initOf = new int[4];
        private final IntPairs coEdges = new IntPairs();
        private final IntPairs rmwEdges = new IntPairs();
        private final IntPairs addrEdges = new IntPairs();
        private final IntPairs dataEdges = new IntPairs();
        private final IntPairs ctrlEdges = new IntPairs();
        private boolean strictValues = true;

        Builder() {}

        /** A deep copy, so that one prefix can be completed in several ways. */
        public Builder copy() {
            Builder c = new Builder();
            c.n = n;
            c.kind = kind.clone();
            c.thread = thread.clone();
            c.poIndex = poIndex.clone();
            c.loc = loc.clone();
            c.value = value.clone();
            c.tags = tags.clone();
            c.rfSrc = rfSrc.clone();
            c.threadLen = threadLen.clone();
            c.locNames.addAll(locNames);
            c.locIds.putAll(locIds);
            c.initOf = initOf.clone();
            c.coEdges.addAll(coEdges);
            c.rmwEdges.addAll(rmwEdges);
            c.addrEdges.addAll(addrEdges);
            c.dataEdges.addAll(dataEdges);
            c.ctrlEdges.addAll(ctrlEdges);
            c.strictValues = strictValues;
            return c;
        }

        /**
         * Whether {@link #build()} rejects a read whose given value differs from its rf source's
         * value (default true). Lock events are never checked: their values are implied.
         */
        public Builder strictValues(boolean strict) {
            strictValues = strict;
            return this;
        }

        /** Number of events added so far. */
        public int size() {
            return n;
        }

        public EventKind kind(int e) {
            return kind[e];
        }

        public int thread(int e) {
            return thread[e];
        }

        public int loc(int e) {
            return loc[e];
        }

        public boolean has(int e, Tag t) {
            return (tags[e] & t.bit()) != 0;
        }

        /** Number of locations created so far. */
        public int locations() {
            return locNames.size();
        }

        // ------------------------------------------------------------ locations

        /** The location called {@code name}, created with initial value 0 if new. */
        public int location(String name) {
            Integer id = locIds.get(name);
            return id != null ? id : location(name, 0);
        }

        /** Creates location {@code name} with the given initial value, and its initial write. */
        public int location(String name, long initValue) {
            if (locIds.containsKey(name)) throw new IllegalArgumentException("location exists: " + name);
            int l = locNames.size();
            locNames.add(name);
            locIds.put(name, l);
            if (l == initOf.length) initOf = Arrays.copyOf(initOf, l * 2);
            initOf[l] = add(EventKind.INIT, -1, l, initValue, 0);
            return l;
        }

        /** The initial write of location {@code l}. */
        public int initOf(int l) {
            return initOf[l];
        }

        // ------------------------------------------------------------ events

        /** Adds an event at the end of {@code thread}'s program order. */
        public int event(EventKind k, int thread, int location, long val, long tagMask) {
            if (k == EventKind.INIT) throw new IllegalArgumentException("initial writes come from location()");
            if (thread < 0) throw new IllegalArgumentException("thread ids are >= 0");
            if (k != EventKind.FENCE && (location < 0 || location >= locNames.size()))
                throw new IllegalArgumentException("bad location " + location);
            long allowed = switch (k) {
                case READ -> Tag.READ_TAGS;
                case WRITE -> Tag.WRITE_TAGS;
                default -> Tag.FENCE_TAGS;
            };
            if ((tagMask & ~allowed) != 0)
                throw new IllegalArgumentException(k + " cannot carry " + Tag.describe(tagMask & ~allowed));
            if (k == EventKind.FENCE && Long.bitCount(tagMask) != 1)
                throw new IllegalArgumentException("a fence carries exactly one tag: " + Tag.describe(tagMask));
            if (k == EventKind.FENCE && (tagMask == Tag.SYNC_SRCU.bit()) != (location >= 0))
                throw new IllegalArgumentException("exactly the synchronize_srcu fences have a location");
            return add(k, thread, location, val, tagMask);
        }

        private int add(EventKind k, int t, int l, long val, long tagMask) {
            if (n == kind.length) grow();
            int e = n++;
            kind[e] = k;
            thread[e] = t;
            loc[e] = l;
            value[e] = val;
            tags[e] = tagMask;
            rfSrc[e] = -1;
            if (t >= 0) {
                if (t >= threadLen.length) threadLen = Arrays.copyOf(threadLen, Math.max(t + 1, threadLen.length * 2));
                poIndex[e] = threadLen[t]++;
            } else {
                poIndex[e] = -1;
            }
            return e;
        }

        private void grow() {
            int c = kind.length * 2;
            kind = Arrays.copyOf(kind, c);
            thread = Arrays.copyOf(thread, c);
            poIndex = Arrays.copyOf(poIndex, c);
            loc = Arrays.copyOf(loc, c);
            value = Arrays.copyOf(value, c);
            tags = Arrays.copyOf(tags, c);
            rfSrc = Arrays.copyOf(rfSrc, c);
        }

        /** A read whose value is taken from its rf source. */
        public int read(int thread, int location, Tag... tags) {
            return read(thread, location, UNKNOWN, tags);
        }

        /** A read of {@code val}; with no tag it is a plain read. */
        public int read(int thread, int location, long val, Tag... tags) {
            return event(EventKind.READ, thread, location, val, Tag.mask(tags));
        }

        /** A write of {@code val}; with no tag it is a plain write. */
        public int write(int thread, int location, long val, Tag... tags) {
            return event(EventKind.WRITE, thread, location, val, Tag.mask(tags));
        }

        /** A fence: {@link Tag#MB} (smp_mb), {@link Tag#WMB}, {@link Tag#RMB}, {@link Tag#SYNC_RCU}, ... */
        public int fence(int thread, Tag tag) {
            if (tag == Tag.SYNC_SRCU) throw new IllegalArgumentException("use synchronizeSrcu(thread, location)");
            return event(EventKind.FENCE, thread, -1, 0, tag.bit());
        }

        /**
         * A successful RMW: a read and a write linked by rmw, both tagged RMW and {@code order}
         * ({@link Tag#MB} for xchg/cmpxchg/atomic_*_return, {@link Tag#ONCE} for *_relaxed,
         * {@link Tag#ACQUIRE}, {@link Tag#RELEASE}, or {@link Tag#NORETURN} for atomic_inc and co).
         * Returns {read, write}; the read's value comes from its rf source.
         */
        public int[] rmw(int thread, int location, long writeValue, Tag order) {
            long m = Tag.RMW.bit() | order.bit();
            int r = event(EventKind.READ, thread, location, UNKNOWN, m);
            int w = event(EventKind.WRITE, thread, location, writeValue, m);
            rmwEdges.add(r, w);
            return new int[] {r, w};
        }

        /** A failed conditional RMW (e.g. cmpxchg that did not match): a lone read in the RMW set. */
        public int failedRmw(int thread, int location, Tag order) {
            return event(EventKind.READ, thread, location, UNKNOWN, Tag.RMW.bit() | order.bit());
        }

        /** Adds an rmw edge between a read and a write added by the caller. */
        public Builder rmwEdge(int r, int w) {
            rmwEdges.add(r, w);
            return this;
        }

        /** spin_lock() or a successful spin_trylock(): returns {LKR, LKW}. */
        public int[] lock(int thread, int lockLoc) {
            int r = event(EventKind.READ, thread, lockLoc, 0, Tag.LKR.bit());
            int w = event(EventKind.WRITE, thread, lockLoc, 1, Tag.LKW.bit());
            rmwEdges.add(r, w);
            return new int[] {r, w};
        }

        /** spin_unlock(). */
        public int unlock(int thread, int lockLoc) {
            return event(EventKind.WRITE, thread, lockLoc, 0, Tag.UL.bit());
        }

        /** A failed spin_trylock() (LF); give its rf with {@link #rf} unless it is inside the thread's own critical section. */
        public int trylockFail(int thread, int lockLoc) {
            return event(EventKind.READ, thread, lockLoc, 1, Tag.LF.bit());
        }

        /** spin_is_locked() returning {@code locked} (RL or RU). */
        public int isLocked(int thread, int lockLoc, boolean locked) {
            return event(EventKind.READ, thread, lockLoc, locked ? 1 : 0, (locked ? Tag.RL : Tag.RU).bit());
        }

        public int rcuReadLock(int thread) {
            return fence(thread, Tag.RCU_LOCK);
        }

        public int rcuReadUnlock(int thread) {
            return fence(thread, Tag.RCU_UNLOCK);
        }

        public int synchronizeRcu(int thread) {
            return fence(thread, Tag.SYNC_RCU);
        }

        /** srcu_read_lock(s): a read of the srcu_struct location; its value is the index. */
        public int srcuReadLock(int thread, int srcuLoc) {
            return event(EventKind.READ, thread, srcuLoc, UNKNOWN, Tag.SRCU_LOCK.bit());
        }

        /**
         * srcu_read_unlock(s, idx) where idx came from {@code lockEvent}: a write of the index, with
         * the data edge the bell's srcu-rscs matching follows. For an index passed through memory
         * (srcu_down_read/srcu_up_read) add the unlock with {@link #event} and the data/rf chain.
         */
        public int srcuReadUnlock(int thread, int srcuLoc, int lockEvent) {
            int w = event(EventKind.WRITE, thread, srcuLoc, UNKNOWN, Tag.SRCU_UNLOCK.bit());
            dataEdges.add(lockEvent, w);
            return w;
        }

        public int synchronizeSrcu(int thread, int srcuLoc) {
            return event(EventKind.FENCE, thread, srcuLoc, 0, Tag.SYNC_SRCU.bit());
        }

        // ------------------------------------------------------------ edges

        /** {@code r} reads from {@code w}. */
        public Builder rf(int w, int r) {
            rfSrc[r] = w;
            return this;
        }

        /** {@code w1} is co-before {@code w2}. */
        public Builder co(int w1, int w2) {
            coEdges.add(w1, w2);
            return this;
        }

        /** The given writes (one location) in coherence order. */
        public Builder coOrder(int... ws) {
            for (int i = 0; i + 1 < ws.length; i++) coEdges.add(ws[i], ws[i + 1]);
            return this;
        }

        public Builder addr(int from, int to) {
            addrEdges.add(from, to);
            return this;
        }

        public Builder data(int from, int to) {
            dataEdges.add(from, to);
            return this;
        }

        /** Control dependency from a read to each of {@code to}. */
        public Builder ctrl(int from, int... to) {
            for (int t : to) ctrlEdges.add(from, t);
            return this;
        }

        // ------------------------------------------------------------ build

        private MalformedGraphException bad(String msg) {
            return new MalformedGraphException(msg);
        }

        private boolean tagged(int e, Tag t) {
            return (tags[e] & t.bit()) != 0;
        }

        /** Events of each thread, indexed by program-order position. */
        private int[][] byThread() {
            int[][] t = new int[threadLen.length][];
            for (int i = 0; i < t.length; i++) t[i] = new int[threadLen[i]];
            for (int e = 0; e < n; e++) if (thread[e] >= 0) t[thread[e]][poIndex[e]] = e;
            return t;
        }

        Rel poRel() {
            Rel r = Rel.empty(n);
            int w = r.w;
            long[] suffix = new long[w];
            for (int[] evs : byThread()) {
                java.util.Arrays.fill(suffix, 0);
                for (int k = evs.length - 1; k >= 0; k--) {
                    int e = evs[k];
                    System.arraycopy(suffix, 0, r.b, e * w, w);
                    suffix[e >>> 6] |= 1L << e;
                }
            }
            return r;
        }

        Rel locRel() {
            Rel r = Rel.empty(n);
            int w = r.w;
            long[][] sets = new long[locNames.size()][w];
            for (int e = 0; e < n; e++) if (loc[e] >= 0) sets[loc[e]][e >>> 6] |= 1L << e;
            for (int e = 0; e < n; e++) if (loc[e] >= 0) System.arraycopy(sets[loc[e]], 0, r.b, e * w, w);
            return r;
        }

        Rel intRel() {
            Rel r = Rel.identity(n);
            int w = r.w;
            long[][] sets = new long[threadLen.length][w];
            for (int e = 0; e < n; e++) if (thread[e] >= 0) sets[thread[e]][e >>> 6] |= 1L << e;
            for (int e = 0; e < n; e++) if (thread[e] >= 0) System.arraycopy(sets[thread[e]], 0, r.b, e * w, w);
            return r;
        }

        Rel edgeRel(IntPairs p) {
            Rel r = Rel.empty(n);
            for (int k = 0; k < p.size; k++) {
                int a = p.a[k], b = p.b[k];
                if (a < 0 || a >= n || b < 0 || b >= n) throw bad("edge to unknown event " + a + "->" + b);
                r.add(a, b);
            }
            return r;
        }

        private boolean sameThreadBefore(int a, int b) {
            return thread[a] >= 0 && thread[a] == thread[b] && poIndex[a] < poIndex[b];
        }

        /**
         * Checks the graph and completes it as documented on {@link Builder}.
         *
         * @throws MalformedGraphException if it is not a candidate execution
         */
        public ExecutionGraph build() {
            Rel rmw = edgeRel(rmwEdges);
            for (int k = 0; k < rmwEdges.size; k++) {
                int r = rmwEdges.a[k], w = rmwEdges.b[k];
                if (kind[r] != EventKind.READ || kind[w] != EventKind.WRITE || loc[r] != loc[w]
                        || !sameThreadBefore(r, w) || poIndex[w] != poIndex[r] + 1)
                    throw bad("rmw " + r + "->" + w + " is not a read po-immediately followed by a write to its location");
            }
            for (int k = 0; k < dataEdges.size; k++)
                if (!sameThreadBefore(dataEdges.a[k], dataEdges.b[k]))
                    throw bad("data " + dataEdges.a[k] + "->" + dataEdges.b[k] + " is not along po");
            for (int k = 0; k < addrEdges.size; k++)
                if (!sameThreadBefore(addrEdges.a[k], addrEdges.b[k]))
                    throw bad("addr " + addrEdges.a[k] + "->" + addrEdges.b[k] + " is not along po");
            for (int k = 0; k < ctrlEdges.size; k++)
                if (!sameThreadBefore(ctrlEdges.a[k], ctrlEdges.b[k]))
                    throw bad("ctrl " + ctrlEdges.a[k] + "->" + ctrlEdges.b[k] + " is not along po");
            // lock.cat: lk-rmw = ([LKR] ; po-loc ; [LKW]) \ (po ; po), paired even if added by event()
            for (int e = 0; e < n; e++) {
                if (!tagged(e, Tag.LKR)) continue;
                for (int f = 0; f < n; f++)
                    if (thread[f] == thread[e] && poIndex[f] == poIndex[e] + 1 && tagged(f, Tag.LKW) && loc[f] == loc[e])
                        rmw.add(e, f);
            }

            Rel co = buildCo();
            int[] src = Arrays.copyOf(rfSrc, n);
            resolveRf(co, rmw, src);
            long[] val = Arrays.copyOf(value, n);
            resolveValues(src, val);
            Rel rf = Rel.empty(n);
            for (int r = 0; r < n; r++) if (src[r] >= 0) rf.add(src[r], r);
            return new ExecutionGraph(this, rf, co, rmw, src, val);
        }

        private Rel buildCo() {
            for (int k = 0; k < coEdges.size; k++) {
                int a = coEdges.a[k], b = coEdges.b[k];
                if (a < 0 || a >= n || b < 0 || b >= n) throw bad("co edge to unknown event " + a + "->" + b);
                if (!kind[a].isWrite() || kind[b] != EventKind.WRITE || loc[a] != loc[b] || a == b)
                    throw bad("co " + a + "->" + b + " must join two writes of one location, the second not initial");
            }
            int L = locNames.size();
            int[] cnt = new int[L];
            boolean[] lockLoc = new boolean[L];
            boolean anyLock = false;
            for (int e = 0; e < n; e++) {
                if (loc[e] < 0) continue;
                if ((tags[e] & Tag.LOCK_TAGS) != 0) lockLoc[loc[e]] = anyLock = true;
                if (kind[e] == EventKind.WRITE) cnt[loc[e]]++;
            }
            int[][] ws = new int[L][];
            for (int l = 0; l < L; l++) ws[l] = new int[cnt[l]];
            Arrays.fill(cnt, 0);
            for (int e = 0; e < n; e++) if (kind[e] == EventKind.WRITE) ws[loc[e]][cnt[loc[e]]++] = e;

            // co over the non-UL writes: IW first, the caller's edges, and (lock.cat co0) the
            // unmatched LKW last among the LKWs
            Rel c = Rel.empty(n);
            for (int l = 0; l < L; l++)
                for (int w : ws[l]) if (!tagged(w, Tag.UL)) c.add(initOf[l], w);
            for (int k = 0; k < coEdges.size; k++) {
                int a = coEdges.a[k], b = coEdges.b[k];
                if (!tagged(a, Tag.UL) && !tagged(b, Tag.UL)) c.add(a, b);
            }
            int[] critical = null; // LKW -> its UL, or -1
            if (anyLock) {
                critical = new int[n];
                Arrays.fill(critical, -1);
                for (int l = 0; l < L; l++) {
                    if (!lockLoc[l]) continue;
                    int unmatched = 0;
                    for (int w : ws[l]) {
                        if (!tagged(w, Tag.LKW)) continue;
                        critical[w] = matchingUnlock(w);
                        if (critical[w] < 0) unmatched++;
                    }
                    // with two or more unmatched LKWs co0 would be cyclic (no candidate in herd);
                    // leave them unordered by co0 so that the model's unmatched-locks axiom rejects it
                    if (unmatched != 1) continue;
                    for (int u : ws[l]) {
                        if (!tagged(u, Tag.LKW) || critical[u] >= 0) continue;
                        for (int w : ws[l]) if (w != u && tagged(w, Tag.LKW)) c.add(w, u);
                    }
                }
            }
            c = c.plus();
            for (int l = 0; l < L; l++) {
                int[] wl = ws[l];
                for (int i = 0; i < wl.length; i++) {
                    int a = wl[i];
                    if (c.has(a, a)) throw bad("co is cyclic at location " + locNames.get(l));
                    if (tagged(a, Tag.UL)) continue;
                    for (int j = i + 1; j < wl.length; j++) {
                        int b = wl[j];
                        if (!tagged(b, Tag.UL) && !c.has(a, b) && !c.has(b, a))
                            throw bad("co does not order writes " + a + " and " + b + " of location " + locNames.get(l));
                    }
                }
            }
            if (anyLock) {
                // lock.cat: co = (co | critical | (critical^-1 ; co))+
                Rel m = c.copy();
                int w = m.w;
                for (int lk = 0; lk < n; lk++) {
                    int ul = critical[lk];
                    if (ul < 0) continue;
                    m.add(lk, ul);
                    for (int k = 0; k < w; k++) m.b[ul * w + k] |= c.b[lk * w + k];
                }
                c = m.plus();
                for (int l = 0; l < L; l++)
                    if (lockLoc[l]) for (int a : ws[l]) if (c.has(a, a)) throw bad("co is cyclic at lock " + locNames.get(l));
                for (int k = 0; k < coEdges.size; k++) {
                    int a = coEdges.a[k], b = coEdges.b[k];
                    if (!c.has(a, b))
                        throw bad("co edge " + a + "->" + b + " contradicts lock.cat's placement of unlocks at " + locNames.get(loc[a]));
                }
            }
            return c;
        }

        /** lock.cat critical: the first UL of the same lock po-after {@code lkw}, unless another LKW comes first. */
        private int matchingUnlock(int lkw) {
            int best = -1;
            for (int e = 0; e < n; e++) {
                if (loc[e] != loc[lkw] || !sameThreadBefore(lkw, e)) continue;
                if (!tagged(e, Tag.LKW) && !tagged(e, Tag.UL)) continue;
                if (best < 0 || poIndex[e] < poIndex[best]) best = e;
            }
            return best >= 0 && tagged(best, Tag.UL) ? best : -1;
        }

        private void resolveRf(Rel co, Rel rmw, int[] src) {
            for (int r = 0; r < n; r++) {
                if (kind[r] != EventKind.READ) continue;
                int l = loc[r];
                int given = src[r];
                if (given >= 0) {
                    if (given >= n || !kind[given].isWrite() || loc[given] != l)
                        throw bad("rf " + given + "->" + r + " does not come from a write to the read's location");
                }
                if (tagged(r, Tag.LKR)) {
                    // lock.cat: rf |= [IW | UL] ; singlestep(co) ; lk-rmw^-1
                    int lkw = Bits.first(rmw.row(r));
                    int pred = -1;
                    for (int p = 0; p < n && lkw >= 0; p++) {
                        if (!co.has(p, lkw)) continue;
                        boolean immediate = true;
                        for (int q = 0; q < n && immediate; q++) if (co.has(p, q) && co.has(q, lkw)) immediate = false;
                        if (immediate) pred = p;
                    }
                    int derived = pred >= 0 && (kind[pred] == EventKind.INIT || tagged(pred, Tag.UL)) ? pred : -1;
                    if (given >= 0 && given != derived)
                        throw bad("LKR " + r + " reads from " + given + " but lock.cat makes it read from " + derived);
                    src[r] = derived;
                } else if (tagged(r, Tag.LF) || tagged(r, Tag.RL)) {
                    int own = openLock(r);
                    if (given < 0) {
                        if (own < 0) throw bad("failed trylock / spin_is_locked()==1 event " + r + " needs an rf edge from an LKW");
                        src[r] = own;
                    } else if (!tagged(given, Tag.LKW)) {
                        throw bad("LF/RL event " + r + " must read from an LKW");
                    } else if (own >= 0 ? given != own : thread[given] == thread[r]) {
                        throw bad("LF/RL event " + r + " reads from LKW " + given + " which lock.cat does not allow (rfi-lf / rfe-lf)");
                    }
                } else if (tagged(r, Tag.RU)) {
                    int lastUl = -1;
                    for (int e = 0; e < n; e++)
                        if (tagged(e, Tag.UL) && loc[e] == l && sameThreadBefore(e, r)
                                && (lastUl < 0 || poIndex[e] > poIndex[lastUl])) lastUl = e;
                    if (given < 0) {
                        src[r] = lastUl >= 0 ? lastUl : initOf[l];
                    } else {
                        boolean ok = given == lastUl
                                || (thread[given] != thread[r] && (kind[given] == EventKind.INIT || tagged(given, Tag.UL)));
                        if (!ok) throw bad("RU event " + r + " reads from " + given + " which lock.cat does not allow");
                    }
                } else if (given < 0) {
                    src[r] = initOf[l];
                }
            }
        }

        /** The LKW of the critical section (same lock, same thread) that {@code r} is inside, or -1. */
        private int openLock(int r) {
            int best = -1;
            for (int e = 0; e < n; e++) {
                if (loc[e] != loc[r] || !sameThreadBefore(e, r)) continue;
                if (!tagged(e, Tag.LKW) && !tagged(e, Tag.UL)) continue;
                if (best < 0 || poIndex[e] > poIndex[best]) best = e;
            }
            return best >= 0 && tagged(best, Tag.LKW) ? best : -1;
        }

        private void resolveValues(int[] src, long[] val) {
            // reads of unknown value take their source's; srcu-unlock writes of unknown value take
            // their srcu-lock's; repeat since an index can travel through memory
            boolean changed = true;
            for (int round = 0; changed && round <= n; round++) {
                changed = false;
                for (int e = 0; e < n; e++) {
                    if (val[e] != UNKNOWN) continue;
                    long v = UNKNOWN;
                    if (kind[e] == EventKind.READ) {
                        v = src[e] >= 0 ? val[src[e]] : 0;
                    } else if (tagged(e, Tag.SRCU_UNLOCK)) {
                        for (int k = 0; k < dataEdges.size; k++)
                            if (dataEdges.b[k] == e) v = val[dataEdges.a[k]];
                    }
                    if (v != UNKNOWN) {
                        val[e] = v;
                        changed = true;
                    }
                }
            }
            for (int e = 0; e < n; e++) {
                if (val[e] == UNKNOWN) val[e] = 0;
                if (strictValues && kind[e] == EventKind.READ && value[e] != UNKNOWN && src[e] >= 0
                        && (tags[e] & Tag.LOCK_TAGS) == 0 && val[src[e]] != value[e])
                    throw bad("read " + e + " of value " + value[e] + " reads from " + src[e] + " which wrote " + val[src[e]]);
            }
        }
    }

    /** A growable list of int pairs. */
    static final class IntPairs {
        int[] a = new int[8];
        int[] b = new int[8];
        int size;

        void add(int x, int y) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
                b = Arrays.copyOf(b, size * 2);
            }
            a[size] = x;
            b[size] = y;
            size++;
        }

        void addAll(IntPairs o) {
            for (int k = 0; k < o.size; k++) add(o.a[k], o.b[k]);
        }
    }
}
