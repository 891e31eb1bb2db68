package mmrace.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import mmrace.engine.explore.StrategyKind;
import mmrace.engine.explore.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A race written as a JUnit 5 test: the method is the setup of a program for mmrace's explorer
 * (it builds the world and the CPUs' bodies, and runs again for every execution), and the test
 * passes when exploring it gives the expected verdict.
 *
 * <pre>{@code
 * @RaceTest(expect = Verdict.BUG)
 * void abba(Execution x) {
 *     SpinLock a = new SpinLock(x, "A", LockClass.of("lock_A", 1));
 *     SpinLock b = new SpinLock(x, "B", LockClass.of("lock_B", 2));
 *     x.cpu(() -> { a.lock(); b.lock(); b.unlock(); a.unlock(); });
 *     x.cpu(() -> { b.lock(); a.lock(); a.unlock(); b.unlock(); });
 * }
 *
 * @RaceTest(expect = Verdict.VERIFIED, executions = 2)
 * void abbaFixed(Execution x) {
 *     Demos.abba(true).setup(x);          // a ready-made program: a demo, a catalogued race
 * }
 * }</pre>
 *
 * A failure's message carries the counterexample's mailing-list diagram and its replay
 * string; putting the schedule in {@link #replay} re-runs just that execution. For settings
 * the annotation does not offer (memory model, RCU flavour, jobs) or a matrix of runs, use
 * {@link RaceCheck} in a plain {@code @Test} or {@code @ParameterizedTest}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@ExtendWith(RaceTestExtension.class)
public @interface RaceTest {
    /** The verdict exploring the program must give. */
    Verdict expect();

    /** The exploration strategy. */
    StrategyKind strategy() default StrategyKind.DPOR;

    /** Stop after this many executions (0: no limit); the verdict is then NO BUG FOUND unless a bug was seen. */
    long maxExecutions() default 0;

    /** Stop after this long, e.g. {@code "30s"}, {@code "500ms"}, {@code "2m"} (empty: no limit). */
    String budget() default "";

    /** For an exhaustive VERIFIED run: the exact number of executions it must take (0: not pinned). */
    long executions() default 0;

    /** Seed of the random and pct strategies. */
    long seed() default 1;

    /**
     * Re-run only the execution with this schedule (as printed after {@code replay:} in a failure,
     * whole or just its last field), print its trace, and check that it fails a check exactly when
     * {@link #expect} is BUG. Empty: explore.
     */
    String replay() default "";
}
