package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Proc;

/**
 * Optimal dynamic partial-order reduction with wakeup trees and sleep sets (Abdulla, Aronis,
 * Jonsson, Sagonas, POPL 2014), stateless: each execution re-runs the program from scratch,
 * following the current path of the exploration tree and then free choices.
 *
 * <p>Contract: deterministic; explores at least one execution of every Mazurkiewicz trace
 * (equivalence class of executions under swapping adjacent independent events), and for
 * programs whose contexts only block on locks, exactly one per trace. When {@link #next}
 * returns null the whole space has been covered: a verdict of VERIFIED is justified.
 * Blocking operations other than locks (grace periods, IPI waits) may make it explore an
 * execution that ends sleep-set blocked; those are abandoned and not counted.
 */
public final class Dpor implements Strategy, Chooser {
    /** A state of the current execution: what may still be explored from it. */
    private static final class Node {
        /** Contexts whose next event need not be explored from here (and that event's footprint). */
        final Map<Integer, long[]> sleep;
        /** Root whose children are the branches to explore; the first is the current one. */
        final WakeupTree wut;
        int explored;

        Node(Map<Integer, long[]> sleep, WakeupTree wut) {
            this.sleep = sleep;
            this.wut = wut;
        }
    }

    private final List<Node> stack = new ArrayList<>();
    private boolean started;
    private boolean exhausted;
    private long sleepBlocked;

    @Override
    public Chooser next() {
        if (exhausted) {
            return null;
        }
        started = true;
        return this;
    }

    @Override
    public boolean covered() {
        return exhausted;
    }

    /** Executions abandoned because every enabled context was asleep. */
    public long sleepBlocked() {
        return sleepBlocked;
    }

    @Override
    public Proc choose(Execution x, List<Proc> enabled) {
        int d = x.events().size();
        if (d < stack.size()) {
            return follow(stack.get(d), enabled, d == stack.size() - 1);
        }
        Node node = newNode(x, d);
        while (!node.wut.children.isEmpty()) {
            WakeupTree c = node.wut.children.get(0);
            Proc p = Choices.byGid(enabled, c.gid);
            if (p != null) {
                stack.add(node);
                return p;
            }
            node.wut.children.remove(0);
        }
        Proc p = Choices.freeChoice(x, node.sleep, enabled, d);
        if (p == null) {
            sleepBlocked++;
            return null;
        }
        node.wut.children.add(new WakeupTree(p.gid, p.pending().footprint()));
        stack.add(node);
        return p;
    }

    /** Replays the current path; at the backtrack point, skips branches that cannot run. */
    private Proc follow(Node node, List<Proc> enabled, boolean backtrackPoint) {
        while (!node.wut.children.isEmpty()) {
            Proc p = Choices.byGid(enabled, node.wut.children.get(0).gid);
            if (p != null) {
                return p;
            }
            if (!backtrackPoint) {
                throw new IllegalStateException("nondeterministic program: a replayed prefix diverged");
            }
            node.wut.children.remove(0);
        }
        return null;
    }

    private Node newNode(Execution x, int d) {
        if (d == 0) {
            return new Node(new LinkedHashMap<>(), new WakeupTree(-1, Footprint.NONE));
        }
        Node parent = stack.get(d - 1);
        WakeupTree branch = parent.wut.children.get(0);
        long[] done = x.events().get(d - 1).footprint();
        branch.fp = done;
        Map<Integer, long[]> sleep = new LinkedHashMap<>();
        for (Map.Entry<Integer, long[]> s : parent.sleep.entrySet()) {
            if (!Footprint.dependent(s.getValue(), done)) {
                sleep.put(s.getKey(), s.getValue());
            }
        }
        return new Node(sleep, branch);
    }


    @Override
    public void finished(Execution x) {
        if (x.status() != Execution.Status.ABANDONED) {
            List<Event> events = x.events();
            for (int d = 1; d < Math.min(stack.size(), events.size() + 1); d++) {
                stack.get(d - 1).wut.children.get(0).fp = events.get(d - 1).footprint();
            }
            addRaces(new RaceAnalysis(x, x.names().size()));
        }
        backtrack();
    }

    private void addRaces(RaceAnalysis ra) {
        for (RaceAnalysis.Race r : ra.races) {
            int e = r.first();
            Node node = stack.get(e);
            List<Integer> v = new ArrayList<>();
            for (int k = e + 1; k < ra.executed; k++) {
                if (!ra.hb(e, k)) {
                    v.add(k);
                }
            }
            v.add(r.second());
            boolean covered = false;
            for (Map.Entry<Integer, long[]> s : node.sleep.entrySet()) {
                if (WakeupTree.weakInitial(ra, v, s.getKey(), s.getValue())) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                node.wut.insert(ra, v);
            }
        }
    }

    private void backtrack() {
        while (!stack.isEmpty()) {
            Node top = stack.get(stack.size() - 1);
            if (!top.wut.children.isEmpty()) {
                WakeupTree done = top.wut.children.remove(0);
                top.sleep.put(done.gid, done.fp);
                top.explored++;
            }
            if (!top.wut.children.isEmpty()) {
                return;
            }
            stack.remove(stack.size() - 1);
        }
        exhausted = true;
    }

    @Override
    public double progress() {
        if (exhausted) {
            return 1;
        }
        if (!started) {
            return 0;
        }
        int[] done = new int[stack.size()];
        int[] total = new int[stack.size()];
        for (int i = 0; i < done.length; i++) {
            done[i] = stack.get(i).explored;
            total[i] = done[i] + stack.get(i).wut.children.size();
        }
        return Choices.progress(done, total);
    }
}
