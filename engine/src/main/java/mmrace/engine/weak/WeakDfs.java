package mmrace.engine.weak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;
import mmrace.engine.explore.Schedule;
import mmrace.engine.explore.Strategy;

/**
 * Exhaustive exploration under a weak model: a depth-first search, by re-execution, over one
 * tree whose nodes are the choices a run makes, in the order it makes them. A scheduling node
 * chooses which context runs (only where the order can matter, see {@link Independence}: an
 * access that commutes with everything just runs, lowest context first), with sleep sets
 * against exploring two orders of independent events twice; a data node chooses which write a
 * load reads or where a store goes in coherence order (see {@link WeakMemory}).
 *
 * <p>Contract: deterministic. When {@link #next} returns null every candidate execution of the
 * program has been run at least once (with {@link Speculation#OBSERVED}, every one that is not
 * self-justifying), and each distinct one was counted once: executions that repeat a candidate
 * already counted, that the model forbids, or that sleep sets cut short are abandoned. If the
 * search learns something that invalidates earlier pruning (a location a free touches, a CPU an
 * interrupt runs on, a new value to speculate), it starts over; repeats are not counted again.
 */
final class WeakDfs implements Strategy, Chooser, Session {
    private final WeakModel model;
    private final List<ChoiceNode> stack = new ArrayList<>();
    private final Independence ind;
    private final Set<Long> eagerKeys = new HashSet<>();
    private Map<Long, LongList> domain = new HashMap<>();
    private final Map<Long, LongList> learnt = new HashMap<>();
    private final Seen seen = new Seen();
    private List<Independence.Sleeper> sleep = new ArrayList<>();
    private final StringBuilder data = new StringBuilder();
    /** For the events of the current run, the depth of the scheduling node that chose each (else -1). */
    private final EventNodes eventNode = new EventNodes();
    private int depth;
    private int catchUp;
    private boolean dirty;
    private boolean exhausted;
    /** Set when a load had more values to speculate than {@link #MAX_VALUES}: the space was cut. */
    private boolean truncated;
    private boolean started;
    private long rounds = 1;

    /** The most values one load may speculate (a guard against values growing without end). */
    static final int MAX_VALUES = 64;

    WeakDfs(WeakModel model) {
        this.model = model;
        this.ind = new Independence(model.speculation() != Speculation.NONE);
    }

    @Override
    public ExecConfig configure(ExecConfig c) {
        return c.withMemoryModel(model.bind(this));
    }

    @Override
    public Chooser next() {
        if (exhausted) {
            return null;
        }
        started = true;
        depth = 0;
        catchUp = 0;
        sleep = new ArrayList<>();
        data.setLength(0);
        eventNode.clear();
        return this;
    }

    // ---------------------------------------------------------------- scheduling

    @Override
    public Proc choose(Execution x, List<Proc> enabled) {
        learn(x);
        List<Proc> awake = new ArrayList<>(enabled.size());
        for (Proc p : enabled) {
            if (!asleep(p)) {
                awake.add(p);
            }
        }
        if (awake.isEmpty()) {
            seen.sleepBlocked++;
            return null;
        }
        for (Proc p : awake) {
            if (ind.local(p)) {
                for (long a : ind.footprint(p.pending(), p)) {
                    eagerKeys.add(mmrace.engine.exec.Footprint.key(a));
                }
                return p;
            }
        }
        ChoiceNode n;
        if (depth < stack.size()) {
            n = stack.get(depth);
            if (!n.sched) {
                throw new IllegalStateException("nondeterministic program: a replayed prefix diverged");
            }
        } else {
            n = new ChoiceNode(order(x, awake), List.copyOf(sleep));
            stack.add(n);
        }
        eventNode.add(x.events().size(), depth);
        depth++;
        List<Independence.Sleeper> next = new ArrayList<>(n.sleep);
        Proc chosen = null;
        for (int i = 0; i <= n.at; i++) {
            if (!n.todo[i]) {
                continue;
            }
            Proc p = byIndex(enabled, n.procs[i]);
            if (i < n.at) {
                next.add(ind.sleeper(p));
            } else {
                chosen = p;
            }
        }
        sleep = next;
        return chosen;
    }

    /** The context index (creation order) of the context with gid {@code gid} in this run, or -1. */
    private static int indexOfGid(Execution x, int gid) {
        for (Proc p : x.procs()) {
            if (p.gid == gid) {
                return p.index;
            }
        }
        return -1;
    }

    /** The order to try contexts in: the one that ran last first (fewer switches), then by creation. */
    private static int[] order(Execution x, List<Proc> awake) {
        List<Event> ev = x.events();
        Proc previous = ev.isEmpty() ? null : ev.get(ev.size() - 1).proc();
        int[] out = new int[awake.size()];
        int k = 0;
        if (previous != null && awake.contains(previous)) {
            out[k++] = previous.index;
        }
        for (Proc p : awake) {
            if (p != previous) {
                out[k++] = p.index;
            }
        }
        return out;
    }

    private static Proc byIndex(List<Proc> enabled, int index) {
        for (Proc p : enabled) {
            if (p.index == index) {
                return p;
            }
        }
        throw new IllegalStateException("nondeterministic program: a replayed prefix diverged");
    }

    private boolean asleep(Proc p) {
        for (Independence.Sleeper s : sleep) {
            if (s.gid() == p.gid) {
                return true;
            }
        }
        return false;
    }

    /** Catches up with the events committed since the last choice: wakes sleepers, learns. */
    private void learn(Execution x) {
        List<Event> events = x.events();
        for (; catchUp < events.size(); catchUp++) {
            Event e = events.get(catchUp);
            for (long key : ind.learn(e)) {
                if (eagerKeys.contains(key)) {
                    dirty = true;
                }
            }
            sleep.removeIf(s -> s.gid() != e.proc().gid && ind.dependent(s, e));
        }
    }

    // ---------------------------------------------------------------- data

    @Override
    public int choose(int count) {
        ChoiceNode n = dataNode(0, null, 0, -1, count);
        if (n == null) {
            return -1;
        }
        data.append(n.at).append(',');
        return n.at;
    }

    @Override
    public int chooseRead(long locKey, int forward, LongList spec, int readEvent, LongList banned) {
        LongList values = null;
        if (depth >= stack.size()) {
            values = new LongList();
            if (model.speculation() == Speculation.DOMAIN && domain.containsKey(locKey)) {
                LongList d = domain.get(locKey);
                for (int i = 0; i < d.size(); i++) {
                    if (!banned.contains(d.get(i))) {
                        values.add(d.get(i));
                    }
                }
                if (values.size() > MAX_VALUES) {
                    truncated = true;
                    values = firstValues(values);
                }
            }
        }
        boolean fresh = depth >= stack.size();
        ChoiceNode n = dataNode(forward, values, locKey, readEvent, -1);
        if (n != null && fresh) {
            n.banned = banned.size() == 0 ? null : copy(banned);
        }
        if (n == null) {
            return -1;
        }
        spec.addAll(n.spec);
        data.append(n.at < forward ? Integer.toString(n.at) : "=" + n.spec.get(n.at - forward)).append(',');
        return n.at;
    }

    private ChoiceNode dataNode(int forward, LongList spec, long locKey, int readEvent, int count) {
        ChoiceNode n;
        if (depth < stack.size()) {
            n = stack.get(depth);
            if (n.sched || n.forward != (count >= 0 ? count : forward)) {
                throw new IllegalStateException("nondeterministic program: a replayed prefix diverged");
            }
        } else {
            n = count >= 0 ? new ChoiceNode(count, new LongList(), 0, -1) : new ChoiceNode(forward, spec, locKey, readEvent);
            if (n.count() == 0) {
                return null;
            }
            stack.add(n);
        }
        depth++;
        return n;
    }

    private static LongList copy(LongList l) {
        LongList c = new LongList();
        c.addAll(l);
        return c;
    }

    private static LongList firstValues(LongList l) {
        LongList out = new LongList();
        for (int i = 0; i < MAX_VALUES; i++) {
            out.add(l.get(i));
        }
        return out;
    }

    @Override
    public void wrote(long locKey, long value) {
        if (model.speculation() != Speculation.DOMAIN) {
            return;
        }
        LongList l = learnt.computeIfAbsent(locKey, k -> new LongList());
        if (!l.contains(value)) {
            l.add(value);
            LongList d = domain.get(locKey);
            if (d == null || !d.contains(value)) {
                dirty = true;
            }
        }
    }

    @Override
    public boolean finish(Execution x, List<Candidate> candidates, String findings) {
        return seen.finish(candidates, findings, model.listener());
    }

    // ---------------------------------------------------------------- backtracking

    @Override
    public void finished(Execution x) {
        learn(x);
        if (Boolean.getBoolean("mmrace.weak.trace")) {
            StringBuilder st = new StringBuilder();
            for (ChoiceNode n : stack) {
                st.append(n.sched ? "s" : "d").append(n.at).append('/').append(n.count()).append(' ');
            }
            System.err.println("run " + x.status() + " data=" + data + " stack=" + st + " " + x.finalState());
        }
        if (model.speculation() == Speculation.OBSERVED && x.memory() instanceof WeakMemory m) {
            truncated |= Observed.learn(m.g, stack, depth, m.lastUnjustified);
        }
        if (dirty) {
            restart();
            return;
        }
        if (x.status() != Execution.Status.ABANDONED || x.events().size() > 0) {
            int[] nodes = eventNode.toArray(x.events().size());
            for (int[] race : Backtracking.races(x.events(), nodes, x.names().size(), ind)) {
                ChoiceNode at = stack.get(race[0]);
                if (at.sleep.stream().noneMatch(z -> z.gid() == race[1])) {
                    at.backtrack(indexOfGid(x, race[1]));
                }
            }
        }
        while (!stack.isEmpty()) {
            ChoiceNode top = stack.get(stack.size() - 1);
            if (top.advance()) {
                return;
            }
            stack.remove(stack.size() - 1);
        }
        exhausted = true;
        if (Boolean.getBoolean("mmrace.weak.debug")) {
            System.err.println("weak: rounds=" + rounds + " candidates=" + seen.distinctCandidates + " inconsistent="
                    + seen.inconsistent + " repeats=" + seen.repeats + " sleepBlocked=" + seen.sleepBlocked);
        }
    }

    /** Starts the search over with what was learnt (repeats of counted executions are not counted again). */
    private void restart() {
        dirty = false;
        rounds++;
        stack.clear();
        eagerKeys.clear();
        domain = new HashMap<>();
        learnt.forEach((k, v) -> {
            LongList c = new LongList();
            c.addAll(v);
            domain.put(k, c);
        });
    }

    /** Event index -> scheduling-node depth for one run (-1 where an event ran without a choice). */
    static final class EventNodes {
        private int[] a = new int[64];
        private int size;

        void add(int event, int node) {
            if (event >= a.length) {
                a = java.util.Arrays.copyOf(a, Math.max(event + 1, a.length * 2));
            }
            for (int i = size; i < event; i++) {
                a[i] = -1;
            }
            a[event] = node;
            size = Math.max(size, event + 1);
        }

        int[] toArray(int n) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = i < size ? a[i] : -1;
            }
            return out;
        }

        void clear() {
            size = 0;
        }
    }

    /** Speculated values learnt from later writes (for {@link Speculation#OBSERVED}). */
    static final class Observed {
        private Observed() {
        }

        /**
         * Each load of the run learns the values later writes of other threads stored to its
         * location, provided no speculation from that load on was unjustified (a value computed
         * from a wrong guess made later would feed guesses without end; one made earlier does
         * not matter to what this load may read). Returns true if some load had more values
         * than {@link #MAX_VALUES} (the rest are left out).
         */
        static boolean learn(WeakGraph g, List<ChoiceNode> stack, int used, int lastUnjustified) {
            boolean cut = false;
            for (int i = 0; i < Math.min(used, stack.size()); i++) {
                ChoiceNode n = stack.get(i);
                if (n.sched || n.readEvent < 0 || n.readEvent >= g.n || n.readEvent <= lastUnjustified) {
                    continue;
                }
                int r = n.readEvent;
                for (int w = r + 1; w < g.n; w++) {
                    if (g.kind[w] == mmrace.engine.graph.EventKind.WRITE && g.loc[w] == g.loc[r] && w != g.rmw[r]
                            && !g.hidden(w) && !g.poBefore(r, w) && !n.spec.contains(g.value[w])
                            && (n.banned == null || !n.banned.contains(g.value[w]))) {
                        if (n.spec.size() >= MAX_VALUES) {
                            cut = true;
                        } else {
                            n.spec.add(g.value[w]);
                        }
                    }
                }
            }
            return cut;
        }
    }

    @Override
    public boolean covered() {
        return exhausted && !truncated;
    }

    @Override
    public double progress() {
        if (exhausted) {
            return 1;
        }
        if (!started) {
            return 0;
        }
        double done = 0;
        double weight = 1;
        for (ChoiceNode n : stack) {
            done += weight * n.done();
            weight /= n.count();
        }
        return done;
    }

    @Override
    public String schedule(int[] choices) {
        return Schedule.encode(choices) + "/" + data;
    }

    /** Counts of this exploration, for tests and reports. */
    Seen seen() {
        return seen;
    }

    long rounds() {
        return rounds;
    }
}
