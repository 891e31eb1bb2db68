package mmrace.litmus.syntax;

import java.util.stream.Collectors;

/**
 * Prints expressions and statements back as C, with only the parentheses C's precedence needs.
 * Statements are printed one per line, indented with tabs as in the kernel's tests.
 */
public final class CodePrinter {

    private CodePrinter() {
    }

    /**
     * {@return the C text of an expression}
     *
     * @param e the expression
     */
    public static String expr(Expr e) {
        return expr(e, 0);
    }

    /** Prints {@code e} in a context binding at {@code context} (0: none; 11: unary; 12: postfix). */
    private static String expr(Expr e, int context) {
        return switch (e) {
            case Expr.IntLiteral l -> l.value() < 0 && context >= 11 ? "(" + l.value() + ")" : Long.toString(l.value());
            case Expr.Name n -> n.name();
            case Expr.Deref d -> paren(11, context, "*" + expr(d.pointer(), 11));
            case Expr.AddressOf a -> paren(11, context, "&" + expr(a.operand(), 11));
            case Expr.Unary u -> paren(11, context, u.op().symbol() + expr(u.operand(), 11));
            case Expr.Cast c -> paren(11, context, "(" + c.type() + ")" + expr(c.operand(), 11));
            case Expr.Index x -> expr(x.base(), 12) + "[" + expr(x.index(), 0) + "]";
            case Expr.Call c -> c.name() + "(" + c.args().stream().map(a -> expr(a, 0))
                    .collect(Collectors.joining(", ")) + ")";
            case Expr.Binary b -> paren(b.op().precedence(), context,
                    expr(b.left(), b.op().precedence()) + " " + b.op().symbol() + " "
                            + expr(b.right(), b.op().precedence() + 1));
        };
    }

    private static String paren(int own, int context, String s) {
        return own < context ? "(" + s + ")" : s;
    }

    /**
     * Appends a statement at the given indentation.
     *
     * @param s      the statement
     * @param indent number of tabs
     * @param out    where to append
     */
    public static void stmt(Stmt s, int indent, StringBuilder out) {
        String tabs = "\t".repeat(indent);
        switch (s) {
            case Stmt.Declare d -> out.append(tabs).append(d.type().declare(d.name()))
                    .append(d.init().map(i -> " = " + expr(i)).orElse("")).append(";\n");
            case Stmt.Assign a -> out.append(tabs).append(expr(a.target())).append(" = ")
                    .append(expr(a.value())).append(";\n");
            case Stmt.Eval e -> out.append(tabs).append(expr(e.expr())).append(";\n");
            case Stmt.Block b -> {
                out.append(tabs).append("{\n");
                for (Stmt inner : b.statements()) {
                    stmt(inner, indent + 1, out);
                }
                out.append(tabs).append("}\n");
            }
            case Stmt.If i -> {
                out.append(tabs).append("if (").append(expr(i.cond())).append(")\n");
                nested(i.then(), indent, out);
                i.otherwise().ifPresent(o -> {
                    out.append(tabs).append("else\n");
                    nested(o, indent, out);
                });
            }
            case Stmt.While w -> {
                out.append(tabs).append("while (").append(expr(w.cond())).append(")\n");
                nested(w.body(), indent, out);
            }
        }
    }

    /** A branch: a block at the same indentation, any other statement one level deeper. */
    private static void nested(Stmt s, int indent, StringBuilder out) {
        stmt(s, s instanceof Stmt.Block ? indent : indent + 1, out);
    }
}
