package mmrace.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.ProcNames;
import mmrace.engine.exec.Program;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.mem.Loc;
import mmrace.engine.samples.Sample;
import mmrace.engine.samples.Samples;
import mmrace.engine.sync.Interrupts;
import mmrace.engine.sync.Rcu;
import mmrace.engine.sync.SpinLock;
import org.junit.jupiter.api.Test;

/**
 * The diagram of a live execution and the diagram of its trace read back from JSON are the
 * same bytes: {@code mmrace report} shows exactly what {@code mmrace check} printed.
 */
class DiagramRoundTripTest {
    /** Writes the trace as JSON text, parses it back, and renders that. */
    private static String viaJson(Execution x) {
        String json = TraceJson.write(x, "s");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) JsonReader.parse(json);
        Trace back = TraceJson.fromMap(m);
        assertEquals(TraceCapture.of(x, "s"), back, "the trace survives JSON unchanged");
        assertEquals(json, Json.write(TraceJson.toMap(back)), "and writes back to the same JSON");
        return Diagram.render(back);
    }

    @Test
    void counterexamplesOfEverySampleRenderTheSameFromJson() {
        int bugs = 0;
        for (Sample s : Samples.all()) {
            ExploreResult r = Explorer.explore(s.program(), ExploreOptions.defaults().withMaxExecutions(2000));
            if (r.counterexample() != null) {
                Execution x = r.counterexample().execution();
                assertEquals(Diagram.render(x), viaJson(x), s.name());
                bugs++;
            }
            for (var c : r.otherFindings()) {
                assertEquals(Diagram.render(c.execution()), viaJson(c.execution()), s.name() + " (other finding)");
            }
        }
        assertTrue(bugs >= 2, "abba and uaf give counterexamples");
    }

    @Test
    void randomExecutionsOfEverySampleRenderTheSameFromJson() {
        for (Sample s : Samples.all()) {
            for (long seed = 1; seed <= 5; seed++) {
                Execution x = runRandom(s.program(), seed);
                assertEquals(Diagram.render(x), viaJson(x), s.name() + " seed " + seed);
            }
        }
    }

    @Test
    void interruptsGracePeriodsAndCallbacksRenderTheSameFromJson() {
        boolean sawIrq = false;
        for (long seed = 1; seed <= 30; seed++) {
            Execution x = runRandom(ipiAndRcu(), seed);
            String d = Diagram.render(x);
            sawIrq |= d.contains("<IRQ>");
            assertEquals(d, viaJson(x), "seed " + seed);
        }
        assertTrue(sawIrq, "some execution shows an interrupt handler");
    }

    @Test
    void jsonEscapesSurviveTheRoundTrip() {
        String tricky = "a\"b\\c\n\t<script>\u0001é";
        Object back = JsonReader.parse(Json.write(Map.of("k", List.of(tricky, -5L, true))));
        assertEquals(Map.of("k", List.of(tricky, -5L, true)), back);
    }

    /** An IPI, a synchronize_rcu and a call_rcu callback, so every context kind shows up. */
    static Program ipiAndRcu() {
        return Program.named("ipi-rcu", x -> {
            Loc flag = new Loc(x, "flag", 0);
            SpinLock lock = new SpinLock(x, "ptl");
            var cpus = new java.util.ArrayList<mmrace.engine.exec.Cpu>();
            cpus.add(x.cpu(() -> {
                x.enter("sender");
                lock.lock();
                flag.writeOnce(1);
                lock.unlock();
                Interrupts.smpCallFunctionMany(x, List.copyOf(cpus), "flush_func", c -> flag.readOnce(), true);
                Rcu.synchronizeRcu(x);
                Rcu.callRcu(x, "free_cb", () -> flag.writeOnce(3));
                x.leave();
            }));
            cpus.add(x.cpu(() -> {
                x.enter("receiver");
                flag.readOnce();
                flag.writeOnce(2);
                x.leave();
            }));
        });
    }

    private static Execution runRandom(Program p, long seed) {
        Random rnd = new Random(seed);
        Chooser c = (x, enabled) -> enabled.get(rnd.nextInt(enabled.size()));
        Execution x = new Execution(p, ExecConfig.defaults(), new ProcNames());
        x.run(c);
        return x;
    }
}
