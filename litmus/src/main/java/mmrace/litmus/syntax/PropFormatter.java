package mmrace.litmus.syntax;

/**
 * Prints a {@link Prop} exactly as herd7 does ({@code ConstrGen.pp_prop} with its ASCII
 * arguments): {@code " /\ "}, {@code " \/ "}, {@code " => "}, {@code "not (p)"}, {@code true},
 * {@code false}, and parentheses only where herd7 puts them: a disjunction or implication
 * inside a conjunction, an implication inside a disjunction, a conjunction or disjunction inside
 * an implication.
 */
final class PropFormatter {

    private enum Above { TOP, AND, OR, IMPLIES }

    private PropFormatter() {
    }

    /**
     * {@return the herd7 rendering of {@code p}, without the outer parentheses that herd7 adds
     * after {@code exists}}
     *
     * @param p the proposition
     */
    static String format(Prop p) {
        StringBuilder sb = new StringBuilder();
        format(p, Above.TOP, sb);
        return sb.toString();
    }

    private static void format(Prop p, Above above, StringBuilder sb) {
        switch (p) {
            case Prop.True t -> sb.append("true");
            case Prop.False f -> sb.append("false");
            case Prop.Equals e -> sb.append(e.location()).append('=').append(e.value());
            case Prop.SameValue s -> sb.append(s.left()).append('=').append(s.right());
            case Prop.Not n -> {
                sb.append("not (");
                format(n.operand(), Above.TOP, sb);
                sb.append(')');
            }
            case Prop.And a -> binary(a.left(), a.right(), " /\\ ", Above.AND, above, sb);
            case Prop.Or o -> binary(o.left(), o.right(), " \\/ ", Above.OR, above, sb);
            case Prop.Implies i -> binary(i.left(), i.right(), " => ", Above.IMPLIES, above, sb);
        }
    }

    private static void binary(Prop l, Prop r, String op, Above here, Above above, StringBuilder sb) {
        boolean paren = needsParen(above, here);
        if (paren) {
            sb.append('(');
        }
        format(l, here, sb);
        sb.append(op);
        format(r, here, sb);
        if (paren) {
            sb.append(')');
        }
    }

    /** herd7's {@code ConstrGen.is_paren}. */
    private static boolean needsParen(Above above, Above here) {
        return switch (above) {
            case TOP -> false;
            case IMPLIES -> here != Above.IMPLIES;
            case AND -> here != Above.AND;
            case OR -> here == Above.IMPLIES;
        };
    }
}
