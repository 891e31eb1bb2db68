package mmrace.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import mmrace.engine.exec.Execution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** What a failing race test tells its reader: the verdicts, the diagram, the replay string. */
class RaceTestFailureTest {
    private static Throwable failureOf(String method, Class<?>... params) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(WrongExpectations.class, method, params.length == 0 ? "" : params[0].getName()))
                .execute().testEvents();
        tests.assertStatistics(s -> s.started(1).failed(1));
        return tests.failed().stream().findFirst().orElseThrow().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void aBugWhereNoneWasExpectedShowsTheDiagramAndTheReplayString() {
        Throwable t = failureOf("abbaClaimedCorrect", Execution.class);
        AssertionFailedError f = assertInstanceOf(AssertionFailedError.class, t);
        String m = f.getMessage();
        assertTrue(m.startsWith("WrongExpectations#abbaClaimedCorrect: expected VERIFIED, got BUG (dpor, "), m);
        assertTrue(m.contains("CPU0                            | CPU1"), m);
        assertTrue(m.contains("  spin_lock(B)   ... waits  <=="), m);
        assertTrue(m.contains("==> DEADLOCK [deadlock]"), m);
        assertTrue(m.contains("replay: WrongExpectations#abbaClaimedCorrect;sc;consolidated;0.1   (1 preemption)"), m);
        assertTrue(m.contains("@RaceTest(..., replay = \"0.1\")"), m);
        assertTrue(m.contains("also found, in another execution:"), "the lock-order report too");
        assertEquals("VERIFIED", f.getExpected().getValue());
        assertEquals("BUG", f.getActual().getValue());
    }

    @Test
    void noBugWhereOneWasExpectedSaysTheSpaceWasCovered() {
        String m = failureOf("fixedTwinClaimedBuggy", Execution.class).getMessage();
        assertTrue(m.contains("expected BUG, got VERIFIED"), m);
        assertTrue(m.contains("the whole bounded space was explored and every check held"), m);
    }

    @Test
    void aChangedExecutionCountFails() {
        String m = failureOf("wrongPinnedCount", Execution.class).getMessage();
        assertTrue(m.contains("took 2 executions, not the 3 pinned"), m);
    }

    @Test
    void aScheduleThatDoesNotFitFails() {
        String m = failureOf("scheduleThatDoesNotFit", Execution.class).getMessage();
        assertTrue(m.contains("the schedule '0.7.7' does not fit this program"), m);
    }

    @Test
    void aMethodWithoutTheExecutionParameterIsAConfigurationError() {
        Throwable t = failureOf("noExecutionParameter");
        assertInstanceOf(ExtensionConfigurationException.class, t);
        assertTrue(t.getMessage().contains("void noExecutionParameter(Execution x)"), t.getMessage());
    }
}
