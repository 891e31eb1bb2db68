package mmrace.junit;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.Verdict;
import mmrace.engine.samples.Demos;

/**
 * Race tests that must fail, run by {@link RaceTestFailureTest} through the test kit (the
 * name does not end in Test, so the build's own test run leaves them alone).
 */
class WrongExpectations {
    @RaceTest(expect = Verdict.VERIFIED)
    void abbaClaimedCorrect(Execution x) {
        Demos.abba(false).setup(x);
    }

    @RaceTest(expect = Verdict.BUG)
    void fixedTwinClaimedBuggy(Execution x) {
        Demos.abba(true).setup(x);
    }

    @RaceTest(expect = Verdict.VERIFIED, executions = 3)
    void wrongPinnedCount(Execution x) {
        Demos.abba(true).setup(x);
    }

    @RaceTest(expect = Verdict.BUG, replay = "0.7.7")
    void scheduleThatDoesNotFit(Execution x) {
        Demos.abba(false).setup(x);
    }

    @RaceTest(expect = Verdict.BUG)
    void noExecutionParameter() {
    }
}
