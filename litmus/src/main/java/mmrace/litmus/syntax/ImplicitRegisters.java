package mmrace.litmus.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * herd7's C does not require registers to be declared: older litmus tests (the herd-generated
 * ones and most of Paul McKenney's collection) write {@code r1 = READ_ONCE(*x);} without
 * {@code int r1;}, or give a register its value in the initial state ({@code 1:r4=x;}) and
 * use it without declaring it. Such a name is a register of type {@code int}, initially 0
 * unless the initial state gives it a value.
 *
 * <p>This pass adds, at the top of each process body, a declaration {@code int r;} (without
 * initializer, so the interpreter takes the initial state's value) for each name the body uses
 * that is not a parameter, not a declared local and not a global, and that the body assigns
 * or the initial state initializes. A name only ever read (a typo such as {@code rc9} for
 * {@code r9c}) stays an error of the name check, and so does a global used without being a
 * parameter, and {@code n:r} in the condition for a register process n never uses.
 */
final class ImplicitRegisters {

    private ImplicitRegisters() {
    }

    /**
     * {@return the test with implicit register declarations added, or the test itself if it
     * needs none}
     *
     * @param test a parsed test, before the name check
     */
    static LitmusTest add(LitmusTest test) {
        Set<String> globals = new HashSet<>();
        for (InitEntry e : test.init()) {
            if (e.location() instanceof Location.Global g) {
                globals.add(g.name());
            }
            if (e.location() instanceof Location.ArrayCell c) {
                globals.add(c.array());
            }
            if (e.value().orElse(null) instanceof Value.Address a) {
                globals.add(a.global());
            }
        }
        for (Process p : test.processes()) {
            for (Parameter param : p.parameters()) {
                globals.add(param.name());
            }
        }
        List<Set<String>> initialized = new ArrayList<>();
        for (int i = 0; i < test.processes().size(); i++) {
            initialized.add(new HashSet<>());
        }
        for (InitEntry e : test.init()) {
            if (e.location() instanceof Location.Register r && r.process() >= 0 && r.process() < initialized.size()) {
                initialized.get(r.process()).add(r.name());
            }
        }

        boolean changed = false;
        List<Process> processes = new ArrayList<>();
        for (Process p : test.processes()) {
            Set<String> used = new LinkedHashSet<>();
            Set<String> assigned = new HashSet<>();
            for (Stmt s : p.body()) {
                stmt(s, used, assigned);
            }
            Set<String> known = new HashSet<>();
            p.parameters().forEach(param -> known.add(param.name()));
            p.locals().forEach(d -> known.add(d.name()));
            List<Stmt> body = new ArrayList<>();
            for (String name : used) {
                if (!known.contains(name) && !globals.contains(name)
                        && (assigned.contains(name) || initialized.get(p.id()).contains(name))) {
                    body.add(new Stmt.Declare(p.pos(), CType.INT, name, Optional.empty()));
                }
            }
            if (body.isEmpty()) {
                processes.add(p);
            } else {
                changed = true;
                body.addAll(p.body());
                processes.add(new Process(p.pos(), p.id(), p.parameters(), body));
            }
        }
        if (!changed) {
            return test;
        }
        return new LitmusTest(test.file(), test.name(), test.doc(), test.info(), test.init(), processes,
                test.locations(), test.filter(), test.condition());
    }

    private static void stmt(Stmt s, Set<String> used, Set<String> assigned) {
        switch (s) {
            case Stmt.Declare d -> d.init().ifPresent(e -> expr(e, used));
            case Stmt.Assign a -> {
                if (a.target() instanceof Expr.Name n) {
                    assigned.add(n.name());
                }
                expr(a.target(), used);
                expr(a.value(), used);
            }
            case Stmt.Eval e -> expr(e.expr(), used);
            case Stmt.If i -> {
                expr(i.cond(), used);
                stmt(i.then(), used, assigned);
                i.otherwise().ifPresent(o -> stmt(o, used, assigned));
            }
            case Stmt.While w -> {
                expr(w.cond(), used);
                stmt(w.body(), used, assigned);
            }
            case Stmt.Block b -> b.statements().forEach(x -> stmt(x, used, assigned));
        }
    }

    private static void expr(Expr e, Set<String> used) {
        switch (e) {
            case Expr.IntLiteral l -> { }
            case Expr.Name n -> used.add(n.name());
            case Expr.Deref d -> expr(d.pointer(), used);
            case Expr.AddressOf a -> expr(a.operand(), used);
            case Expr.Index x -> {
                expr(x.base(), used);
                expr(x.index(), used);
            }
            case Expr.Unary u -> expr(u.operand(), used);
            case Expr.Binary b -> {
                expr(b.left(), used);
                expr(b.right(), used);
            }
            case Expr.Cast c -> expr(c.operand(), used);
            case Expr.Call c -> c.args().forEach(a -> expr(a, used));
        }
    }
}
