package mmrace.litmus.herd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import mmrace.litmus.syntax.LitmusParser;
import mmrace.litmus.syntax.LitmusTest;
import mmrace.litmus.syntax.Location;
import mmrace.litmus.syntax.Value;

/** The cases herd7's samples do not show, following {@code herd/top_herd.ml}. */
class HerdPrinterTest {

    private static final String SB = """
            C SB
            {}
            P0(int *x, int *y) { int r0; WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y); }
            P1(int *x, int *y) { int r0; WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x); }
            """;

    private static LitmusTest sb(String condition) throws Exception {
        return LitmusParser.parse("SB.litmus", SB + condition + "\n");
    }

    private static FinalState state(long a, long b) {
        return FinalState.of(Map.of(new Location.Register(0, "r0"), Value.of(a),
                new Location.Register(1, "r0"), Value.of(b)));
    }

    private static final List<FinalState> FOUR = List.of(state(1, 1), state(0, 1), state(1, 0), state(0, 0));

    @Test
    void notExistsIsForbiddenAndSwapsTheWitnessCounts() throws Exception {
        HerdResult r = HerdResult.of(sb("~exists (0:r0=0 /\\ 1:r0=0)"), FOUR, 1, 3).withHash(Optional.of("abc"));
        assertEquals("""
                Test SB Forbidden
                States 4
                0:r0=0; 1:r0=0;
                0:r0=0; 1:r0=1;
                0:r0=1; 1:r0=0;
                0:r0=1; 1:r0=1;
                No
                Witnesses
                Positive: 3 Negative: 1
                Condition ~exists (0:r0=0 /\\ 1:r0=0)
                Observation SB Sometimes 1 3
                Time SB 0.00
                Hash=abc

                """, HerdPrinter.print(r));
    }

    @Test
    void notExistsHoldsWhenNothingIsPositive() throws Exception {
        String out = HerdPrinter.print(HerdResult.of(sb("~exists (0:r0=2)"), FOUR, 0, 4));
        assertEquals(List.of("Ok", "Witnesses", "Positive: 4 Negative: 0", "Condition ~exists (0:r0=2)",
                "Observation SB Never 0 4"), out.lines().toList().subList(6, 11));
    }

    @Test
    void forallIsRequired() throws Exception {
        String out = HerdPrinter.print(HerdResult.of(sb("forall (0:r0=0 \\/ 0:r0=1)"), FOUR, 4, 0));
        assertEquals("Test SB Required", out.lines().findFirst().orElseThrow());
        assertEquals(List.of("Ok", "Witnesses", "Positive: 4 Negative: 0", "Condition forall (0:r0=0 \\/ 0:r0=1)",
                "Observation SB Always 4 0"), out.lines().toList().subList(6, 11));
    }

    @Test
    void aDeadlockedTestHasNoStateAndObservesNeverZeroZero() throws Exception {
        String out = HerdPrinter.print(HerdResult.of(sb("exists (1:r0=1)"), List.of(), 0, 0));
        assertEquals("""
                Test SB Allowed
                States 0
                No
                Witnesses
                Positive: 0 Negative: 0
                Condition exists (1:r0=1)
                Observation SB Never 0 0
                Time SB 0.00

                """, out);
    }

    @Test
    void flagsComeBetweenWitnessesAndCondition() throws Exception {
        HerdResult r = HerdResult.of(sb("exists (0:r0=0 /\\ 1:r0=0)"), FOUR, 1, 3)
                .withFlags(List.of(HerdResult.DATA_RACE)).withSeconds(0.126);
        assertEquals(List.of("Positive: 1 Negative: 3", "Flag data-race", "Condition exists (0:r0=0 /\\ 1:r0=0)",
                "Observation SB Sometimes 1 3", "Time SB 0.13"), HerdPrinter.print(r).lines().toList().subList(8, 13));
    }

    @Test
    void undefinedBehaviourAndUnrollingChangeTheVerdictLine() throws Exception {
        HerdResult r = HerdResult.of(sb("exists (0:r0=0)"), FOUR, 2, 2);
        assertEquals("Undef", HerdPrinter.print(r.withAnomalies(true, false)).lines().toList().get(6));
        assertEquals("Loop Ok", HerdPrinter.print(r.withAnomalies(false, true)).lines().toList().get(6));
    }

    @Test
    void duplicateStatesAreCountedOnce() throws Exception {
        HerdResult r = HerdResult.of(sb("exists (0:r0=0)"), List.of(state(0, 0), state(0, 0)), 2, 0);
        assertEquals("States 1", HerdPrinter.print(r).lines().toList().get(1));
    }

    @Test
    void statesSortRegistersBeforeGlobalsAndNumbersBeforeAddresses() {
        FinalState a = FinalState.of(Map.of(new Location.Global("y"), Value.of(2),
                new Location.Register(1, "r10"), Value.addressOf("x"), new Location.Register(1, "r2"), Value.of(-1)));
        assertEquals("1:r10=x; 1:r2=-1; y=2;", a.toHerdString());
        FinalState b = FinalState.of(Map.of(new Location.Global("y"), Value.of(2),
                new Location.Register(1, "r10"), Value.of(7), new Location.Register(1, "r2"), Value.of(-1)));
        assertEquals(1, a.compareTo(b));
        FinalState c = FinalState.of(Map.of(new Location.Global("y"), Value.of(10),
                new Location.Register(1, "r10"), Value.of(7), new Location.Register(1, "r2"), Value.of(-1)));
        assertEquals(-1, Integer.signum(b.compareTo(c)));
    }

    @Test
    void conditionsPrintLikeHerd7() throws Exception {
        assertEquals("exists (0:r0=1 /\\ (1:r0=0 \\/ x=1))",
                sb("exists (0:r0=1 /\\ (1:r0=0 \\/ x=1))").condition().toHerdString());
        assertEquals("exists (0:r0=1 /\\ 1:r0=0 \\/ x=1)",
                sb("exists ((0:r0=1 /\\ 1:r0=0) \\/ x=1)").condition().toHerdString());
        assertEquals("exists (not (0:r0=1) /\\ not (x=2))",
                sb("exists (~0:r0=1 /\\ x!=2)").condition().toHerdString());
        assertEquals("exists (0:r0=1 => (x=1 /\\ x=2))",
                sb("exists (0:r0=1 => (x=1 /\\ x=2))").condition().toHerdString());
        assertEquals("exists ((0:r0=1 => x=1) /\\ x=2)",
                sb("exists (0:r0=1 => x=1 /\\ x=2)").condition().toHerdString());
        assertEquals("forall (true)", sb("").condition().toHerdString());
        assertEquals("exists (0:r0=x /\\ 0:r0=1:r0)", sb("exists (0:r0=x /\\ 0:r0=1:r0)").condition().toHerdString());
    }
}
