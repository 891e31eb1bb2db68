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
        ExecutionGraph.Builder b = ExecutionGraph.builder();
        int[] map = new int[g.n];
        Arrays.fill(map, -1);
        int[] origin = new int[g.n];
        Set<String> names = new HashSet<>();
        int[] bl = new int[g.locations.size()];
        for (WeakGraph.Location l : g.locations) {
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
                int loc = g.loc[e] < 0 ? -1 : bl[g.loc[e]];
                map[e] = b.event(g.kind[e], g.thread[e], loc, g.value[e], g.tags[e]);
                origin[map[e]] = e;
            }
        }
        for (int e = 0; e < g.n; e++) {
            if (g.isRead(e) && g.rf[e] >= 0) {
                b.rf(map[g.rf[e]], map[e]);
            }
            if (g.isRead(e) && g.rmw[e] >= 0) {
                b.rmwEdge(map[e], map[g.rmw[e]]);
            }
        }
        for (WeakGraph.Location l : g.locations) {
            int[] co = new int[l.co.size()];
            for (int i = 0; i < co.length; i++) {
                co[i] = map[l.co.get(i)];
            }
            b.coOrder(co);
        }
        for (int i = 0; i < g.addrFrom.size(); i++) {
            b.addr(map[g.addrFrom.get(i)], map[g.addrTo.get(i)]);
        }
        for (int i = 0; i < g.dataFrom.size(); i++) {
            b.data(map[g.dataFrom.get(i)], map[g.dataTo.get(i)]);
        }
        for (int i = 0; i < g.ctrlFrom.size(); i++) {
            b.ctrl(map[g.ctrlFrom.get(i)], map[g.ctrlTo.get(i)]);
        }
        ExecutionGraph eg = b.build();
        return new Exported(eg, Arrays.copyOf(origin, eg.size()));
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
