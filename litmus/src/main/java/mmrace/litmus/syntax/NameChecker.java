package mmrace.litmus.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic pass after parsing: every name resolves. In process bodies, a name is a
 * parameter or a local declared earlier; memory primitives get a memory location where the def
 * wants one. In the initial state, the filter, {@code locations} and the condition, registers
 * belong to an existing process that declares them, and globals exist.
 */
final class NameChecker {
    private final LitmusTest test;
    private final List<SourcePos> locationPositions;
    private final Set<String> globals = new HashSet<>();
    private final Map<String, Integer> arrays = new HashMap<>();

    private NameChecker(LitmusTest test, List<SourcePos> locationPositions) {
        this.test = test;
        this.locationPositions = locationPositions;
    }

    /**
     * Checks a parsed test.
     *
     * @param locationPositions where each entry of {@code locations [...]} is
     */
    static void check(LitmusTest test, List<SourcePos> locationPositions) throws LitmusSyntaxException {
        new NameChecker(test, locationPositions).run();
    }

    private void run() throws LitmusSyntaxException {
        for (InitEntry e : test.init()) {
            if (e.location() instanceof Location.Global g) {
                globals.add(g.name());
                if (e.type().orElse(null) instanceof CType.Array a) {
                    arrays.put(g.name(), a.length());
                }
            }
            if (e.value().orElse(null) instanceof Value.Address a) {
                globals.add(a.global()); // { p=y; } makes y a global even if no process uses it
            }
        }
        for (Process p : test.processes()) {
            for (Parameter param : p.parameters()) {
                globals.add(param.name());
            }
        }
        for (Process p : test.processes()) {
            new BodyChecker(p, globals).check();
        }
        checkInit();
        for (int k = 0; k < test.locations().size(); k++) {
            location(test.locations().get(k), locationPositions.get(k), "in 'locations'");
        }
        if (test.filter().isPresent()) {
            prop(test.filter().get(), "in the filter");
        }
        prop(test.condition().prop(), "in the condition");
    }

    private void checkInit() throws LitmusSyntaxException {
        Set<Location> seen = new HashSet<>();
        for (InitEntry e : test.init()) {
            if (!seen.add(e.location())) {
                throw new LitmusSyntaxException(e.pos(), "'" + e.location() + "' is initialized twice");
            }
            if (e.location() instanceof Location.Register) {
                location(e.location(), e.pos(), "in the initial state");
            }
            if (e.value().orElse(null) instanceof Value.Address a) {
                global(a.global(), e.pos(), "as an initial value");
            }
        }
    }

    private void prop(Prop p, String where) throws LitmusSyntaxException {
        switch (p) {
            case Prop.True t -> { }
            case Prop.False f -> { }
            case Prop.Equals e -> {
                location(e.location(), e.pos(), where);
                if (e.value() instanceof Value.Address a) {
                    global(a.global(), e.pos(), "as a value " + where);
                }
            }
            case Prop.SameValue s -> {
                location(s.left(), s.pos(), where);
                location(s.right(), s.pos(), where);
            }
            case Prop.Not n -> prop(n.operand(), where);
            case Prop.And a -> {
                prop(a.left(), where);
                prop(a.right(), where);
            }
            case Prop.Or o -> {
                prop(o.left(), where);
                prop(o.right(), where);
            }
            case Prop.Implies i -> {
                prop(i.left(), where);
                prop(i.right(), where);
            }
        }
    }

    private void location(Location loc, SourcePos pos, String where) throws LitmusSyntaxException {
        switch (loc) {
            case Location.Global g -> global(g.name(), pos, where);
            case Location.ArrayCell c -> {
                Integer length = arrays.get(c.array());
                if (length == null) {
                    throw new LitmusSyntaxException(pos, "'" + c.array() + "' " + where
                            + " is not an array declared in the initial state (e.g. 'int " + c.array() + "[2];')");
                }
                if (c.index() >= length) {
                    throw new LitmusSyntaxException(pos, "index " + c.index() + " is out of bounds for '"
                            + c.array() + "', which has " + length + " cells");
                }
            }
            case Location.Register r -> {
                int n = test.processes().size();
                if (r.process() >= n) {
                    throw new LitmusSyntaxException(pos, "'" + r + "' " + where + " names P" + r.process()
                            + ", but the test has only " + n + (n == 1 ? " process" : " processes"));
                }
                Process p = test.process(r.process());
                if (!p.hasRegister(r.name())) {
                    throw new LitmusSyntaxException(pos, "'" + r + "' " + where + ": P" + r.process()
                            + " has no local or parameter named '" + r.name() + "'");
                }
            }
        }
    }

    private void global(String name, SourcePos pos, String where) throws LitmusSyntaxException {
        if (!globals.contains(name)) {
            throw new LitmusSyntaxException(pos, "unknown global '" + name + "' " + where
                    + ": no process has a parameter '" + name + "' and the initial state does not declare it");
        }
    }

    /** Resolves the names of one process body, in program order. */
    private static final class BodyChecker {
        private final Process process;
        private final Set<String> globals;
        private final Set<String> declared = new HashSet<>();
        private final Deque<Set<String>> blocks = new ArrayDeque<>();

        BodyChecker(Process process, Set<String> globals) {
            this.process = process;
            this.globals = globals;
        }

        void check() throws LitmusSyntaxException {
            Set<String> params = new HashSet<>();
            for (Parameter p : process.parameters()) {
                if (!params.add(p.name())) {
                    throw new LitmusSyntaxException(p.pos(), "duplicate parameter '" + p.name() + "' in " + process.name());
                }
            }
            declared.addAll(params);
            block(process.body());
        }

        private void block(List<Stmt> stmts) throws LitmusSyntaxException {
            blocks.push(new HashSet<>());
            for (Stmt s : stmts) {
                stmt(s);
            }
            blocks.pop();
        }

        private void stmt(Stmt s) throws LitmusSyntaxException {
            switch (s) {
                case Stmt.Declare d -> {
                    if (d.init().isPresent()) {
                        expr(d.init().get());
                    }
                    if (process.parameter(d.name()).isPresent()) {
                        throw new LitmusSyntaxException(d.pos(), "local '" + d.name() + "' has the name of a parameter of "
                                + process.name());
                    }
                    if (!blocks.peek().add(d.name())) {
                        throw new LitmusSyntaxException(d.pos(), "redeclaration of '" + d.name() + "' in " + process.name());
                    }
                    declared.add(d.name());
                }
                case Stmt.Assign a -> {
                    expr(a.target());
                    expr(a.value());
                }
                case Stmt.Eval e -> expr(e.expr());
                case Stmt.If i -> {
                    expr(i.cond());
                    branch(i.then());
                    if (i.otherwise().isPresent()) {
                        branch(i.otherwise().get());
                    }
                }
                case Stmt.While w -> {
                    expr(w.cond());
                    branch(w.body());
                }
                case Stmt.Block b -> block(b.statements());
            }
        }

        private void branch(Stmt s) throws LitmusSyntaxException {
            block(List.of(s));
        }

        private void expr(Expr e) throws LitmusSyntaxException {
            switch (e) {
                case Expr.IntLiteral l -> { }
                case Expr.Name n -> name(n);
                case Expr.Deref d -> expr(d.pointer());
                case Expr.AddressOf a -> {
                    if (!(a.operand() instanceof Expr.Deref || a.operand() instanceof Expr.Index)) {
                        throw new LitmusSyntaxException(a.pos(), "cannot take the address of '"
                                + CodePrinter.expr(a.operand()) + "': only of a memory location such as '*p' or 'p[1]'"
                                + (a.operand() instanceof Expr.Name n && process.parameter(n.name()).isPresent()
                                        ? " (the parameter '" + n.name() + "' already is the address of global '"
                                                + n.name() + "')" : ""));
                    }
                    expr(a.operand());
                }
                case Expr.Index x -> {
                    expr(x.base());
                    expr(x.index());
                }
                case Expr.Unary u -> expr(u.operand());
                case Expr.Binary b -> {
                    expr(b.left());
                    expr(b.right());
                }
                case Expr.Cast c -> expr(c.operand());
                case Expr.Call c -> call(c);
            }
        }

        private void call(Expr.Call c) throws LitmusSyntaxException {
            Primitive p = c.primitive();
            if (p.addressing() == Primitive.Addressing.LVALUE) {
                Expr arg = c.args().get(p.addressParam());
                if (!(arg instanceof Expr.Deref || arg instanceof Expr.Index)) {
                    throw new LitmusSyntaxException(arg.pos(), p.name() + "() needs a memory location such as '*"
                            + CodePrinter.expr(arg) + "' as its " + ordinal(p.addressParam()) + " argument, found '"
                            + CodePrinter.expr(arg) + "'");
                }
            }
            for (Expr a : c.args()) {
                expr(a);
            }
        }

        private static String ordinal(int index) {
            return switch (index) {
                case 0 -> "first";
                case 1 -> "second";
                default -> "third";
            };
        }

        private void name(Expr.Name n) throws LitmusSyntaxException {
            if (declared.contains(n.name())) {
                return;
            }
            String name = n.name();
            if (process.local(name).isPresent()) {
                throw new LitmusSyntaxException(n.pos(), "'" + name + "' is used before its declaration in " + process.name());
            }
            if (globals.contains(name)) {
                throw new LitmusSyntaxException(n.pos(), process.name() + " uses the global '" + name
                        + "' without declaring it: add 'int *" + name + "' to the parameters of " + process.name());
            }
            throw new LitmusSyntaxException(n.pos(), "'" + name + "' is not declared in " + process.name()
                    + ": declare a local ('int " + name + ";') or add a parameter ('int *" + name + "')");
        }
    }
}
