package mmrace.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.StrategyKind;
import mmrace.engine.explore.Verdict;
import mmrace.engine.mem.Loc;
import mmrace.engine.samples.Demos;
import mmrace.engine.samples.Demos.FreeMode;
import mmrace.engine.sync.LockClass;
import mmrace.engine.sync.SpinLock;
import org.junit.jupiter.api.Test;

/**
 * The engine's demos as race tests: the ABBA deadlock and the use-after-free, each with its
 * fixed twins, written the way a user of mmrace-junit writes a race. (The catalogued seed
 * races join in the same form, {@code Catalog...setup(x)}, once the catalog exists.)
 */
class DemoRaceTest {
    /** The ABBA deadlock written out in the test itself: the world, then one lambda per CPU. */
    @RaceTest(expect = Verdict.BUG)
    void abbaDeadlocks(Execution x) {
        SpinLock a = new SpinLock(x, "A", LockClass.of("lock_A", 1));
        SpinLock b = new SpinLock(x, "B", LockClass.of("lock_B", 2));
        Loc shared = new Loc(x, "shared", 0);
        x.cpu(() -> {
            x.enter("path_one");
            a.lock();
            b.lock();
            shared.writeOnce(shared.readOnce() + 1);
            b.unlock();
            a.unlock();
            x.leave();
        });
        x.cpu(() -> {
            x.enter("path_two");
            b.lock();
            a.lock();
            shared.writeOnce(shared.readOnce() + 1);
            a.unlock();
            b.unlock();
            x.leave();
        });
    }

    /** Its fixed twin, from the demos; DPOR's exact count is pinned. */
    @RaceTest(expect = Verdict.VERIFIED, executions = 2)
    void abbaFixedIsVerified(Execution x) {
        Demos.abba(true).setup(x);
    }

    /** The first bug's schedule, replayed alone. */
    @RaceTest(expect = Verdict.BUG, replay = "abba;sc;consolidated;0.1")
    void abbaReplayedDeadlocks(Execution x) {
        Demos.abba(false).setup(x);
    }

    @RaceTest(expect = Verdict.BUG)
    void uafImmediateFree(Execution x) {
        Demos.useAfterFree(FreeMode.IMMEDIATE).setup(x);
    }

    @RaceTest(expect = Verdict.BUG, strategy = StrategyKind.PB, budget = "30s")
    void uafFoundWithFewestPreemptions(Execution x) {
        Demos.useAfterFree(FreeMode.IMMEDIATE).setup(x);
    }

    @RaceTest(expect = Verdict.VERIFIED)
    void uafCallRcuIsVerified(Execution x) {
        Demos.useAfterFree(FreeMode.CALL_RCU).setup(x);
    }

    @RaceTest(expect = Verdict.VERIFIED)
    void uafSynchronizeRcuIsVerified(Execution x) {
        Demos.useAfterFree(FreeMode.SYNCHRONIZE_RCU).setup(x);
    }

    @RaceTest(expect = Verdict.VERIFIED)
    void uafTypesafeByRcuIsVerified(Execution x) {
        Demos.useAfterFree(FreeMode.TYPESAFE).setup(x);
    }

    /** A random walk proves nothing: a correct program gives NO BUG FOUND. */
    @RaceTest(expect = Verdict.NO_BUG_FOUND, strategy = StrategyKind.RANDOM, seed = 7, maxExecutions = 20)
    void randomWalkOfTheFixedTwinFindsNothing(Execution x) {
        Demos.abba(true).setup(x);
    }

    /** The builder, for what the annotation does not offer, and to look at the result. */
    @Test
    void builderGivesTheResultForMoreChecks() {
        ExploreResult r = RaceCheck.of(Demos.useAfterFree(FreeMode.IMMEDIATE)).strategy(StrategyKind.PB)
                .budget(Duration.ofSeconds(30)).expect(Verdict.BUG);
        assertEquals("kasan", r.counterexample().mainFinding().check());
        assertEquals(1, r.counterexample().preemptions());
    }
}
