package mmrace.engine.weak;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Finding;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.graph.Verdict;

/**
 * The end of a run under a weak model: the loads that took a value "from the future" get their
 * source (one of the writes executed after them with that value: the session chooses, so the
 * search tries each), and the model checks the resulting graph: allowed, it is the run's
 * candidate execution.
 * A run with none is inconsistent: it does not count and its findings (a KASAN report reached
 * only through values no consistent execution produces) are dropped with it. A run stopped by
 * a bug or a deadlock is judged on the prefix it executed, which must be consistent itself.
 */
final class Candidates {
    private Candidates() {
    }

    static boolean finish(Execution x, WeakMemory mem, Session session) {
        WeakGraph g = mem.g;
        if (x.status() != Execution.Status.COMPLETE) {
            closeReadSides(x, g);
        }
        List<Integer> spec = new ArrayList<>();
        List<int[]> sources = new ArrayList<>();
        mem.lastUnjustified = -1;
        for (int r = 0; r < g.n; r++) {
            if (g.isRead(r) && g.rf[r] == WeakGraph.SPECULATIVE) {
                int[] s = sourcesOf(g, r);
                if (s.length == 0) {
                    mem.lastUnjustified = r;
                }
                spec.add(r);
                sources.add(s);
            }
        }
        if (mem.lastUnjustified >= 0) {
            return session.finish(x, List.of(), "");
        }
        learnValues(g, session);
        // Every coherent way to take the speculated values from later writes is a candidate
        // of its own: the session picks one, so that each run counts as at most one execution
        // (the search re-runs the program for the others).
        List<int[]> combos = new ArrayList<>();
        int[] pick = new int[spec.size()];
        while (true) {
            if (assign(g, spec, sources, pick)) {
                combos.add(pick.clone());
            }
            int k = 0;
            while (k < pick.length && ++pick[k] == sources.get(k).length) {
                pick[k++] = 0;
            }
            if (k == pick.length) {
                break;
            }
        }
        if (combos.isEmpty()) {
            return session.finish(x, List.of(), "");
        }
        int chosen = combos.size() == 1 ? 0 : session.choose(combos.size());
        if (chosen < 0) {
            return session.finish(x, List.of(), "");
        }
        assign(g, spec, sources, combos.get(chosen));
        List<Candidate> out = new ArrayList<>();
        Verdict raced = null;
        GraphExport.Exported racedGraph = null;
        GraphExport.Exported ex = GraphExport.export(g);
        Verdict v = mem.model().checker().check(ex.graph());
        if (v.allowed()) {
            out.add(new Candidate(x, ex.graph(), v, GraphExport.key(g)));
            if (v.flagged("data-race")) {
                raced = v;
                racedGraph = ex;
            }
        }
        for (int r : spec) {
            g.rf[r] = WeakGraph.SPECULATIVE;
        }
        if (raced != null && mem.model().reportsDataRaces()) {
            reportRace(x, g, raced, racedGraph);
        }
        return session.finish(x, out, findingsKey(x));
    }

    /**
     * A run stopped by a bug is judged on its prefix; a read-side critical section still open
     * there is closed right after the CPU's last event, so that LKMM's RCU guarantee covers the
     * accesses it made (the section could have ended there; ending it later only adds events).
     */
    private static void closeReadSides(Execution x, WeakGraph g) {
        for (mmrace.engine.exec.Cpu c : x.cpus()) {
            for (int i = 0; i < c.rcuNesting(); i++) {
                g.add(mmrace.engine.graph.EventKind.FENCE, c.id, -1, 0, mmrace.engine.graph.Tag.RCU_UNLOCK.bit(), -1);
            }
        }
    }

    /**
     * Tells the session the values this run wrote, so that loads may speculate them. Only runs
     * whose speculation is justified (every such load has a write of its value executed after
     * it, by another thread) teach anything: a value computed from an unjustified guess (an
     * increment of a guessed value) would feed the next guess, and the set of values would
     * never stop growing. Justified is weaker than consistent on purpose: a run that guessed
     * right for one load but not yet for a later one must still teach the later one.
     */
    private static void learnValues(WeakGraph g, Session session) {
        for (int w = 0; w < g.n; w++) {
            if (g.kind[w] == mmrace.engine.graph.EventKind.WRITE && !g.hidden(w)) {
                session.wrote(g.locations.get(g.loc[w]).key, g.value[w]);
            }
        }
    }

    /**
     * The writes a speculative read may take its value from: same value, executed after it, not
     * later in its own thread's program order (coherence would forbid it).
     */
    private static int[] sourcesOf(WeakGraph g, int r) {
        List<Integer> out = new ArrayList<>();
        int ownWrite = g.rmw[r];
        for (int w = r + 1; w < g.n; w++) {
            if (g.kind[w] != mmrace.engine.graph.EventKind.WRITE || g.loc[w] != g.loc[r] || w == ownWrite
                    || g.value[w] != g.value[r] || g.hidden(w) || g.poBefore(r, w)) {
                continue;
            }
            out.add(w);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Sets the chosen sources; false if a location is then incoherent or an RMW not atomic. */
    private static boolean assign(WeakGraph g, List<Integer> spec, List<int[]> sources, int[] pick) {
        for (int i = 0; i < pick.length; i++) {
            int r = spec.get(i);
            g.rf[r] = sources.get(i)[pick[i]];
            if (g.rmw[r] >= 0 && g.coPrev(g.rmw[r]) != g.rf[r]) {
                return false; // an RMW reads the write right before its own (atomicity)
            }
        }
        for (int r : spec) {
            if (!Coherence.ok(g, g.locations.get(g.loc[r]))) {
                return false;
            }
        }
        return true;
    }

    private static void reportRace(Execution x, WeakGraph g, Verdict v, GraphExport.Exported ex) {
        StringBuilder sb = new StringBuilder("LKMM data race between plain and concurrent accesses:");
        for (int e : v.witness()) {
            sb.append("\n    ").append(ex.graph().describe(e));
            int engine = g.engineEvent[ex.origin()[e]];
            if (engine >= 0 && engine < x.events().size()) {
                Event ev = x.events().get(engine);
                ev.marked = true;
                sb.append("  (").append(ev.proc()).append(": ").append(ev.text()).append(')');
            }
        }
        x.report(FindingKind.DATA_RACE, "data-race", sb.toString());
    }

    private static String findingsKey(Execution x) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : x.findings()) {
            sb.append(f.check()).append(';');
        }
        return sb.toString();
    }
}
