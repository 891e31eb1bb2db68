package mmrace.litmus.syntax;

import java.util.List;
import java.util.function.Consumer;

/** Visits the primitive calls of statements, for tests. */
final class Walk {
    private Walk() {
    }

    static void calls(List<Stmt> stmts, Consumer<Expr.Call> f) {
        for (Stmt s : stmts) {
            stmt(s, f);
        }
    }

    private static void stmt(Stmt s, Consumer<Expr.Call> f) {
        switch (s) {
            case Stmt.Declare d -> d.init().ifPresent(e -> expr(e, f));
            case Stmt.Assign a -> {
                expr(a.target(), f);
                expr(a.value(), f);
            }
            case Stmt.Eval e -> expr(e.expr(), f);
            case Stmt.If i -> {
                expr(i.cond(), f);
                stmt(i.then(), f);
                i.otherwise().ifPresent(o -> stmt(o, f));
            }
            case Stmt.While w -> {
                expr(w.cond(), f);
                stmt(w.body(), f);
            }
            case Stmt.Block b -> calls(b.statements(), f);
        }
    }

    private static void expr(Expr e, Consumer<Expr.Call> f) {
        switch (e) {
            case Expr.Call c -> {
                f.accept(c);
                c.args().forEach(a -> expr(a, f));
            }
            case Expr.Deref d -> expr(d.pointer(), f);
            case Expr.AddressOf a -> expr(a.operand(), f);
            case Expr.Index x -> {
                expr(x.base(), f);
                expr(x.index(), f);
            }
            case Expr.Unary u -> expr(u.operand(), f);
            case Expr.Binary b -> {
                expr(b.left(), f);
                expr(b.right(), f);
            }
            case Expr.Cast c -> expr(c.operand(), f);
            case Expr.IntLiteral l -> { }
            case Expr.Name n -> { }
        }
    }
}
