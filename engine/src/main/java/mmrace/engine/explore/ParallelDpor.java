package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Proc;

/**
 * Optimal DPOR shared by several workers: one exploration tree, guarded by one lock, and each
 * worker exploring a branch it has claimed. A worker that finishes an execution inserts the
 * races it found anywhere along its path (into branches other workers may be exploring: they
 * are the same tree nodes) and retires the branches whose subtrees are done, which then join
 * their parent's sleep set.
 *
 * <p>Compared with {@link Dpor}, a branch explored while a sibling is still running does not
 * yet have that sibling in its sleep set, so some executions may be explored twice: the
 * coverage is the same (every Mazurkiewicz trace), the count can be higher and depends on
 * timing. Exact-count tests use the sequential explorer.
 */
final class ParallelDpor {
    /** A state of the tree. */
    private static final class Node {
        final Map<Integer, long[]> sleep;
        /** Root whose children are the branches still to finish from here. */
        final WakeupTree wut;
        final Map<WakeupTree, Node> next = new IdentityHashMap<>();
        final Map<WakeupTree, Integer> inside = new IdentityHashMap<>();

        Node(Map<Integer, long[]> sleep, WakeupTree wut) {
            this.sleep = sleep;
            this.wut = wut;
        }

        boolean claimed(WakeupTree b) {
            return inside.containsKey(b);
        }
    }

    private final Object lock = new Object();
    private final Node root = new Node(new LinkedHashMap<>(), new WakeupTree(-1, Footprint.NONE));
    private int busy;
    private boolean started;
    private boolean stopped;

    /** One worker's current execution: the nodes and branches it went through. */
    final class Walk implements Chooser {
        private final List<Node> nodes = new ArrayList<>();
        private final List<WakeupTree> branches = new ArrayList<>();

        @Override
        public Proc choose(Execution x, List<Proc> enabled) {
            synchronized (lock) {
                int d = x.events().size();
                if (d < branches.size()) {
                    return Choices.byGid(enabled, branches.get(d).gid);
                }
                Node node = nodeAt(x, d);
                for (WakeupTree c : new ArrayList<>(node.wut.children)) {
                    if (node.claimed(c)) {
                        continue;
                    }
                    Proc p = Choices.byGid(enabled, c.gid);
                    if (p == null) {
                        node.wut.children.remove(c);
                        continue;
                    }
                    return take(node, c, p);
                }
                if (!node.wut.children.isEmpty()) {
                    // Every branch from here is another worker's: nothing new to do on this path.
                    return null;
                }
                Proc p = Choices.freeChoice(x, node.sleep, enabled, d);
                if (p == null) {
                    return null;
                }
                WakeupTree c = new WakeupTree(p.gid, p.pending().footprint());
                node.wut.children.add(c);
                return take(node, c, p);
            }
        }

        private Proc take(Node node, WakeupTree c, Proc p) {
            node.inside.merge(c, 1, Integer::sum);
            nodes.add(node);
            branches.add(c);
            return p;
        }

        private Node nodeAt(Execution x, int d) {
            if (d == 0) {
                return root;
            }
            Node parent = nodes.get(d - 1);
            WakeupTree b = branches.get(d - 1);
            Node n = parent.next.get(b);
            if (n == null) {
                long[] done = x.events().get(d - 1).footprint();
                b.fp = done;
                Map<Integer, long[]> sleep = new LinkedHashMap<>();
                for (Map.Entry<Integer, long[]> s : parent.sleep.entrySet()) {
                    if (!Footprint.dependent(s.getValue(), done)) {
                        sleep.put(s.getKey(), s.getValue());
                    }
                }
                n = new Node(sleep, b);
                parent.next.put(b, n);
            }
            return n;
        }
    }

    /**
     * The next walk: the path to an unclaimed branch (claimed for the caller), or null when
     * the tree is done or the exploration was stopped. Blocks while other workers may still
     * add branches.
     */
    Walk claim() throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (stopped) {
                    return null;
                }
                if (!started) {
                    started = true;
                    busy++;
                    return new Walk();
                }
                Walk w = new Walk();
                if (findWork(root, w)) {
                    busy++;
                    return w;
                }
                if (busy == 0) {
                    return null;
                }
                lock.wait();
            }
        }
    }

    /** Depth-first search for an unclaimed branch; on success {@code w} holds the path to it. */
    private boolean findWork(Node n, Walk w) {
        for (WakeupTree c : n.wut.children) {
            if (!n.claimed(c)) {
                n.inside.merge(c, 1, Integer::sum);
                w.nodes.add(n);
                w.branches.add(c);
                return true;
            }
        }
        for (WakeupTree c : n.wut.children) {
            Node child = n.next.get(c);
            if (child != null) {
                w.nodes.add(n);
                w.branches.add(c);
                n.inside.merge(c, 1, Integer::sum);
                if (findWork(child, w)) {
                    return true;
                }
                n.inside.merge(c, -1, Integer::sum);
                w.nodes.removeLast();
                w.branches.removeLast();
            }
        }
        return false;
    }

    /** Records the races of a finished execution and retires what is complete. */
    void finished(Walk w, Execution x) {
        RaceAnalysis ra = x.status() == Execution.Status.ABANDONED ? null : new RaceAnalysis(x, x.names().size());
        synchronized (lock) {
            if (ra != null) {
                List<Event> events = x.events();
                for (int d = 0; d < Math.min(w.branches.size(), events.size()); d++) {
                    w.branches.get(d).fp = events.get(d).footprint();
                }
                for (RaceAnalysis.Race r : ra.races) {
                    insert(w.nodes.get(r.first()), ra, r);
                }
            }
            for (int d = w.branches.size() - 1; d >= 0; d--) {
                Node n = w.nodes.get(d);
                WakeupTree b = w.branches.get(d);
                int left = n.inside.merge(b, -1, Integer::sum);
                Node child = n.next.get(b);
                if (left == 0 && (child == null || child.wut.children.isEmpty()) && n.wut.children.contains(b)) {
                    n.wut.children.remove(b);
                    n.inside.remove(b);
                    n.next.remove(b);
                    n.sleep.put(b.gid, b.fp);
                } else if (left == 0) {
                    n.inside.remove(b);
                }
            }
            busy--;
            lock.notifyAll();
        }
    }

    private static void insert(Node node, RaceAnalysis ra, RaceAnalysis.Race r) {
        int e = r.first();
        List<Integer> v = new ArrayList<>();
        for (int k = e + 1; k < ra.executed; k++) {
            if (!ra.hb(e, k)) {
                v.add(k);
            }
        }
        v.add(r.second());
        for (Map.Entry<Integer, long[]> s : node.sleep.entrySet()) {
            if (WakeupTree.weakInitial(ra, v, s.getKey(), s.getValue())) {
                return;
            }
        }
        node.wut.insert(ra, v);
    }

    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    boolean covered() {
        synchronized (lock) {
            return !stopped && root.wut.children.isEmpty() && busy == 0;
        }
    }


}
