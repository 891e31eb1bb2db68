package mmrace.engine.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.ProcNames;
import mmrace.engine.exec.Program;
import mmrace.engine.samples.Demos;
import mmrace.engine.trace.Diagram;
import mmrace.engine.trace.TraceJson;
import org.junit.jupiter.api.Test;

/** Every BUG's schedule re-runs, in a fresh JVM-independent way, to the same trace byte for byte. */
class ReplayTest {
    static final List<Program> BUGS = List.of(Demos.abba(false), Demos.useAfterFree(Demos.FreeMode.IMMEDIATE));

    @Test
    void everyBugReplaysToAnIdenticalTrace() {
        for (Program p : BUGS) {
            for (StrategyKind k : StrategyKind.values()) {
                ExploreOptions o = ExploreOptions.defaults().withStrategy(k).withMaxExecutions(2000);
                ExploreResult r = Explorer.explore(p, o);
                assertEquals(Verdict.BUG, r.verdict(), p.name() + " " + k);
                Counterexample c = r.counterexample();
                Execution again = new Execution(p, ExecConfig.defaults(), new ProcNames());
                ReplayChooser chooser = new ReplayChooser(Schedule.decode(c.schedule()));
                again.run(chooser);
                assertNull(chooser.error(), p.name() + " " + k);
                assertEquals(Diagram.render(c.execution()), Diagram.render(again), p.name() + " " + k);
                assertEquals(TraceJson.write(c.execution(), c.schedule()), TraceJson.write(again, c.schedule()));
            }
        }
    }

    @Test
    void scheduleStringsRoundTrip() {
        int[] s = {0, 0, 0, 1, 2, 2, 0};
        assertEquals("0*3.1.2*2.0", Schedule.encode(s));
        assertArrayEquals(s, Schedule.decode("0*3.1.2*2.0"));
        assertArrayEquals(new int[0], Schedule.decode(""));
        assertThrows(IllegalArgumentException.class, () -> Schedule.decode("0*x"));
    }

    @Test
    void aScheduleThatDoesNotFitIsReported() {
        Execution x = new Execution(Demos.abba(true), ExecConfig.defaults(), new ProcNames());
        ReplayChooser chooser = new ReplayChooser(new int[] {0});
        x.run(chooser);
        assertEquals("the schedule ends after 1 steps but the execution goes on", chooser.error());
    }
}
