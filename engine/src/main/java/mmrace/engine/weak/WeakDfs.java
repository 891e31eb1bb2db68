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
import mmrace.engine.mem.Loc;

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
    /** One choice point of the current path. */
    private static final class Node {
        final boolean sched;
        final int[] procs;
        final List<Independence.Sleeper> sleep;
        final int forward;
        final LongList spec;
        final long locKey;
        final int readEvent;
        int at;

        Node(int[] procs, List<Independence.Sleeper> sleep) {
            this.sched = true;
            this.procs = procs;
            this.sleep = sleep;
            this.forward = 0;
            this.spec = null;
            this.locKey = 0;
            this.readEvent = -1;
        }

        Node(int forward, LongList spec, long locKey, int readEvent) {
            this.sched = false;
            this.procs = null;
            this.sleep = null;
            this.forward = forward;
            this.spec = spec;
            this.locKey = locKey;
            this.readEvent = readEvent;
        }

        int count() {
            return sched ? procs.length : forward + (spec == null ? 0 : spec.size());
        }
    }

    private final WeakModel model;
    private final List<Node> stack = new ArrayList<>();
    private final Independence ind = new Independence();
    private final Set<Long> eagerKeys = new HashSet<>();
    private final Set<Integer> eagerCpus = new HashSet<>();
    private Map<Long, LongList> domain = new HashMap<>();
    private final Map<Long, LongList> learnt = new HashMap<>();
    private final Seen seen = new Seen();
    private List<Independence.Sleeper> sleep = new ArrayList<>();
    private final StringBuilder data = new StringBuilder();
    private int depth;
    private int catchUp;
    private int procsSeen;
    private boolean dirty;
    private boolean exhausted;
    private boolean started;
    private long rounds = 1;

    WeakDfs(WeakModel model) {
        this.model = model;
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
        procsSeen = 0;
        sleep = new ArrayList<>();
        data.setLength(0);
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
                eagerCpus.add(p.cpu.id);
                if (p.pending().target instanceof Loc l) {
                    eagerKeys.add(l.id);
                }
                return p;
            }
        }
        Node n;
        if (depth < stack.size()) {
            n = stack.get(depth);
            if (!n.sched) {
                throw new IllegalStateException("nondeterministic program: a replayed prefix diverged");
            }
        } else {
            n = new Node(order(x, awake), List.copyOf(sleep));
            stack.add(n);
        }
        depth++;
        List<Independence.Sleeper> next = new ArrayList<>(n.sleep);
        Proc chosen = null;
        for (int i = 0; i <= n.at; i++) {
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
        List<Proc> procs = x.procs();
        for (; procsSeen < procs.size(); procsSeen++) {
            Proc p = procs.get(procsSeen);
            if (p.kind != Proc.Kind.TASK && ind.sharedCpus.add(p.cpu.id) && eagerCpus.contains(p.cpu.id)) {
                dirty = true;
            }
        }
        List<Event> events = x.events();
        for (; catchUp < events.size(); catchUp++) {
            Event e = events.get(catchUp);
            if (!WeakMemory.isAccess(e.kind)) {
                for (long a : e.dataFootprint()) {
                    long key = mmrace.engine.exec.Footprint.key(a);
                    if (ind.syncKeys.add(key) && eagerKeys.contains(key)) {
                        dirty = true;
                    }
                }
            }
            sleep.removeIf(s -> s.gid() != e.proc().gid && ind.dependent(s, e));
        }
    }

    // ---------------------------------------------------------------- data

    @Override
    public int choose(int count) {
        Node n = dataNode(0, null, 0, -1, count);
        if (n == null) {
            return -1;
        }
        data.append(n.at).append(',');
        return n.at;
    }

    @Override
    public int chooseRead(long locKey, int forward, LongList spec, int readEvent) {
        LongList values = null;
        if (depth >= stack.size()) {
            values = new LongList();
            if (model.speculation() == Speculation.DOMAIN && domain.containsKey(locKey)) {
                values.addAll(domain.get(locKey));
            }
        }
        Node n = dataNode(forward, values, locKey, readEvent, -1);
        if (n == null) {
            return -1;
        }
        spec.addAll(n.spec);
        data.append(n.at < forward ? Integer.toString(n.at) : "=" + n.spec.get(n.at - forward)).append(',');
        return n.at;
    }

    private Node dataNode(int forward, LongList spec, long locKey, int readEvent, int count) {
        Node n;
        if (depth < stack.size()) {
            n = stack.get(depth);
            if (n.sched || n.forward != (count >= 0 ? count : forward)) {
                throw new IllegalStateException("nondeterministic program: a replayed prefix diverged");
            }
        } else {
            n = count >= 0 ? new Node(count, new LongList(), 0, -1) : new Node(forward, spec, locKey, readEvent);
            if (n.count() == 0) {
                return null;
            }
            stack.add(n);
        }
        depth++;
        return n;
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
        if (model.speculation() == Speculation.OBSERVED && x.memory() instanceof WeakMemory m && m.justified) {
            Observed.learn(m.g, stack, depth);
        }
        if (dirty) {
            restart();
            return;
        }
        while (!stack.isEmpty()) {
            Node top = stack.get(stack.size() - 1);
            if (++top.at < top.count()) {
                return;
            }
            stack.remove(stack.size() - 1);
        }
        exhausted = true;
    }

    /** Starts the search over with what was learnt (repeats of counted executions are not counted again). */
    private void restart() {
        dirty = false;
        rounds++;
        stack.clear();
        eagerKeys.clear();
        eagerCpus.clear();
        domain = new HashMap<>();
        learnt.forEach((k, v) -> {
            LongList c = new LongList();
            c.addAll(v);
            domain.put(k, c);
        });
    }

    /** Speculated values learnt from later writes (for {@link Speculation#OBSERVED}). */
    static final class Observed {
        private Observed() {
        }

        static void learn(WeakGraph g, List<Node> stack, int used) {
            for (int i = 0; i < Math.min(used, stack.size()); i++) {
                Node n = stack.get(i);
                if (n.sched || n.readEvent < 0 || n.readEvent >= g.n) {
                    continue;
                }
                int r = n.readEvent;
                for (int w = r + 1; w < g.n; w++) {
                    if (g.kind[w] == mmrace.engine.graph.EventKind.WRITE && g.loc[w] == g.loc[r] && w != g.rmw[r]
                            && !g.hidden(w) && !g.poBefore(r, w) && !n.spec.contains(g.value[w])) {
                        n.spec.add(g.value[w]);
                    }
                }
            }
        }
    }

    @Override
    public boolean covered() {
        return exhausted;
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
        for (Node n : stack) {
            done += weight * n.at / n.count();
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
