package mmrace.engine.weak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mmrace.engine.graph.EventKind;
import mmrace.engine.graph.ExecutionGraph;

/**
 * A {@link WeakGraph} as the checkers' immutable {@link ExecutionGraph}, and its identity: the
 * key two executions share exactly when they are the same candidate execution in herd's sense
 * (same events per thread, same rf, same coherence order), hidden synchronization events left
 * out since herd has none.
 */
final class GraphExport {
    /** The exported graph and, for each of its events, the {@link WeakGraph} event it came from. */
    record Exported(ExecutionGraph graph, int[] origin) {
    }

    private GraphExport() {
    }

    static Exported export(WeakGraph g) {
        return export(g, false);
    }

    /**
     * The graph of a run still in progress, for a consistency check of what it did so far: the
     * loads that speculated a value (their source not executed yet) are left out, with their
     * dependencies, and so are locations nothing accessed. Every axiom of the models is an
     * acyclicity, irreflexivity or emptiness of relations that only grow as events and edges are
     * added, so a prefix the model forbids stays forbidden however the run goes on.
     */
    static Exported exportPrefix(WeakGraph g) {
        return export(g, true);
    }

    private static Exported export(WeakGraph g, boolean prefix) {
        ExecutionGraph.Builder b = ExecutionGraph.builder();
        int[] map = new int[g.n];
        Arrays.fill(map, -1);
        int[] origin = new int[g.n];
        boolean[] used = new boolean[g.locations.size()];
        for (int e = 0; e < g.n; e++) {
            if (g.thread[e] >= 0 && g.loc[e] >= 0) {
                used[g.loc[e]] = true;
            }
        }
        Set<String> names = new HashSet<>();
        int[] bl = new int[g.locations.size()];
        for (WeakGraph.Location l : g.locations) {
            if (prefix && !used[l.index]) {
                continue;
            }
            String name = l.name;
            for (int i = 2; !names.add(name); i++) {
                name = l.name + "#" + i;
            }
            bl[l.index] = b.location(name, g.value[l.init]);
            map[l.init] = b.initOf(bl[l.index]);
            origin[map[l.init]] = l.init;
        }
        for (int[] thread : byThread(g)) {
            for (int e : thread) {
                if (prefix && unresolved(g, e)) {
                    continue;
                }
                int loc = g.loc[e] < 0 ? -1 : bl[g.loc[e]];
                map[e] = b.event(g.kind[e], g.thread[e], loc, g.value[e], g.tags[e]);
                origin[map[e]] = e;
            }
        }
        for (int e = 0; e < g.n; e++) {
            if (map[e] < 0 || !g.isRead(e)) {
                continue;
            }
            if (g.rf[e] >= 0) {
                b.rf(map[g.rf[e]], map[e]);
            }
            if (g.rmw[e] >= 0) {
                b.rmwEdge(map[e], map[g.rmw[e]]);
            }
        }
        for (WeakGraph.Location l : g.locations) {
            if (prefix && !used[l.index]) {
                continue;
            }
            int[] co = new int[l.co.size()];
            for (int i = 0; i < co.length; i++) {
                co[i] = map[l.co.get(i)];
            }
            b.coOrder(co);
        }
        for (int i = 0; i < g.addrFrom.size(); i++) {
            edge(map, g.addrFrom.get(i), g.addrTo.get(i), b::addr);
        }
        for (int i = 0; i < g.dataFrom.size(); i++) {
            edge(map, g.dataFrom.get(i), g.dataTo.get(i), b::data);
        }
        for (int i = 0; i < g.ctrlFrom.size(); i++) {
            edge(map, g.ctrlFrom.get(i), g.ctrlTo.get(i), b::ctrl);
        }
        ExecutionGraph eg = b.build();
        return new Exported(eg, Arrays.copyOf(origin, eg.size()));
    }

    /** A load that speculated its value: its source write has not run yet. */
    private static boolean unresolved(WeakGraph g, int e) {
        return g.isRead(e) && g.rf[e] == WeakGraph.SPECULATIVE;
    }

    private static void edge(int[] map, int from, int to, java.util.function.BiConsumer<Integer, Integer> add) {
        if (map[from] >= 0 && map[to] >= 0) {
            add.accept(map[from], map[to]);
        }
    }

    /** Each thread's events (initial writes excluded) in program order. */
    static List<int[]> byThread(WeakGraph g) {
        int threads = g.threads();
        List<List<Integer>> per = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            per.add(new ArrayList<>());
        }
        for (int e = 0; e < g.n; e++) {
            if (g.thread[e] >= 0) {
                per.get(g.thread[e]).add(e);
            }
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> l : per) {
            l.sort((a, c) -> a.equals(c) ? 0 : g.poKey[a] != g.poKey[c]
                    ? Long.compare(g.poKey[a], g.poKey[c]) : Integer.compare(a, c));
            out.add(l.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /**
     * The candidate's identity: per thread its visible events (kind, location, value, tags, and
     * for a read where it reads from), then each visible location's coherence order.
     */
    static String key(WeakGraph g) {
        String[] name = new String[g.n];
        StringBuilder sb = new StringBuilder();
        List<int[]> threads = byThread(g);
        for (int t = 0; t < threads.size(); t++) {
            int i = 0;
            for (int e : threads.get(t)) {
                if (!g.hidden(e)) {
                    name[e] = t + ":" + i++;
                }
            }
        }
        for (WeakGraph.Location l : g.locations) {
            name[l.init] = "I";
        }
        for (int[] thread : threads) {
            sb.append('[');
            for (int e : thread) {
                if (g.hidden(e)) {
                    continue;
                }
                sb.append(kindChar(g.kind[e]));
                if (g.loc[e] >= 0) {
                    sb.append(Long.toHexString(g.locations.get(g.loc[e]).key)).append('=').append(g.value[e]);
                }
                sb.append('/').append(Long.toHexString(g.tags[e]));
                if (g.isRead(e)) {
                    sb.append("<").append(g.rf[e] >= 0 ? name[g.rf[e]] : "-");
                }
                sb.append(' ');
            }
            sb.append(']');
        }
        java.util.TreeMap<Long, String> cos = new java.util.TreeMap<>();
        for (WeakGraph.Location l : g.locations) {
            if (!l.hidden && l.co.size() > 1) {
                StringBuilder c = new StringBuilder();
                for (int i = 0; i < l.co.size(); i++) {
                    c.append(name[l.co.get(i)]).append(',');
                }
                cos.put(l.key, c.toString());
            }
        }
        cos.forEach((k, c) -> sb.append(Long.toHexString(k)).append(':').append(c));
        return sb.toString();
    }

    private static char kindChar(EventKind k) {
        return switch (k) {
            case READ -> 'R';
            case WRITE -> 'W';
            case FENCE -> 'F';
            case INIT -> 'I';
        };
    }
}
