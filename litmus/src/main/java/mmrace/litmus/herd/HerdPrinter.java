package mmrace.litmus.herd;

import java.util.Locale;

import mmrace.litmus.syntax.ConditionKind;

/**
 * Prints a {@link HerdResult} exactly as herd7 does ({@code herd/top_herd.ml}):
 * <pre>
 * Test SB+poonceonces Allowed
 * States 4
 * 0:r0=0; 1:r0=0;
 * 0:r0=0; 1:r0=1;
 * 0:r0=1; 1:r0=0;
 * 0:r0=1; 1:r0=1;
 * Ok
 * Witnesses
 * Positive: 1 Negative: 3
 * Condition exists (0:r0=0 /\ 1:r0=0)
 * Observation SB+poonceonces Sometimes 1 3
 * Time SB+poonceonces 0.01
 * Hash=...
 *
 * </pre>
 * <ul>
 *   <li>{@code Test NAME KIND}: {@code Allowed} for {@code exists}, {@code Forbidden} for
 *       {@code ~exists}, {@code Required} for {@code forall};
 *   <li>states sorted in herd7's order ({@link HerdOrder});
 *   <li>{@code Ok} if the condition holds ({@code exists}: some positive; {@code ~exists}: no
 *       positive; {@code forall}: no negative), else {@code No}; {@code Undef} on undefined
 *       behaviour; prefixed by {@code Loop } when the unrolling limit was hit;
 *   <li>{@code Positive: P Negative: N} with the counts swapped for {@code ~exists};
 *   <li>one {@code Flag NAME} line per flag (e.g. {@code Flag data-race});
 *   <li>{@code Observation NAME Never|Always|Sometimes P N} with the unswapped counts (a test
 *       whose every execution deadlocks prints {@code Never 0 0}, which {@code judgelitmus.sh}
 *       reads as DEADLOCK);
 *   <li>{@code Time NAME S.SS}, then {@code Hash=...} if known, then an empty line.
 * </ul>
 */
public final class HerdPrinter {

    private HerdPrinter() {
    }

    /**
     * {@return herd7's output for a result, ending with the empty line herd7 prints}
     *
     * @param r the result
     */
    public static String print(HerdResult r) {
        StringBuilder out = new StringBuilder();
        ConditionKind kind = r.condition().kind();
        out.append("Test ").append(r.testName()).append(' ').append(kind.herdKind()).append('\n');
        out.append("States ").append(r.states().size()).append('\n');
        for (FinalState s : r.states()) {
            out.append(s.toHerdString()).append('\n');
        }
        String verdict = r.undefined() ? "Undef" : r.condition().holds(r.positive(), r.negative()) ? "Ok" : "No";
        out.append(r.unrolled() ? "Loop " : "").append(verdict).append('\n');
        out.append("Witnesses\n");
        boolean swap = kind == ConditionKind.NOT_EXISTS;
        out.append("Positive: ").append(swap ? r.negative() : r.positive())
                .append(" Negative: ").append(swap ? r.positive() : r.negative()).append('\n');
        for (String flag : r.flags()) {
            out.append("Flag ").append(flag).append('\n');
        }
        out.append("Condition ").append(r.condition().toHerdString()).append('\n');
        out.append("Observation ").append(r.testName()).append(' ').append(r.observation()).append(' ')
                .append(r.positive()).append(' ').append(r.negative()).append('\n');
        out.append("Time ").append(r.testName()).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", r.seconds())).append('\n');
        r.hash().ifPresent(h -> out.append("Hash=").append(h).append('\n'));
        out.append('\n');
        return out.toString();
    }
}
