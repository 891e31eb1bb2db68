package mmrace.litmus.run;

import java.util.HashMap;
import java.util.Map;
import mmrace.engine.exec.Execution;
import mmrace.engine.mem.Deps;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.SpinLock;
import mmrace.litmus.syntax.Expr;
import mmrace.litmus.syntax.LitmusTest;
import mmrace.litmus.syntax.Location;
import mmrace.litmus.syntax.Parameter;
import mmrace.litmus.syntax.Process;
import mmrace.litmus.syntax.SourcePos;
import mmrace.litmus.syntax.Stmt;

/**
 * Runs one process of a litmus test on its CPU: statements in order, every memory access and
 * primitive through the engine ({@link Calls}), registers as Java values with their
 * dependencies ({@link Val}). Branching on a value is a control dependency on its loads for
 * everything after, as in herd7; a {@code while} loop runs at most {@code unroll} iterations,
 * and an execution that would need more is cut, as herd7 does with its unrolling bound (the
 * process stops there; the execution runs to its end but is not one of the test's).
 */
final class Interpreter {
    final Execution x;
    final World world;
    private final LitmusTest test;
    private final Process process;
    private final int unroll;
    private final RunState state;
    private final Map<String, Val> regs = new HashMap<>();
    private final Calls calls;

    Interpreter(Execution x, LitmusTest test, Process process, World world, int unroll, RunState state) {
        this.x = x;
        this.test = test;
        this.process = process;
        this.world = world;
        this.unroll = unroll;
        this.state = state;
        this.calls = new Calls(this);
    }

    /** Unwinds a process whose loop hit the unrolling bound. */
    private static final class Cut extends RuntimeException {
        Cut() {
            super(null, null, false, false);
        }
    }

    void run() {
        for (Parameter p : process.parameters()) {
            regs.put(p.name(), Val.of(world.layout.address(p.name())));
        }
        try {
            for (Stmt s : process.body()) {
                exec(s);
            }
        } catch (Cut c) {
            // The execution does not count (see World.cut), but the other processes go on:
            // what they write is what later executions may read.
            return;
        }
        for (Stmt.Declare d : process.locals()) {
            Val v = regs.get(d.name());
            x.record(d.name(), v == null ? initialRegister(d.name()) : v.v());
        }
    }

    private long initialRegister(String name) {
        Location r = new Location.Register(process.id(), name);
        for (var e : test.init()) {
            if (e.location().equals(r) && e.value().isPresent()) {
                return world.layout.value(e.value().get());
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- statements

    private void exec(Stmt s) {
        switch (s) {
            case Stmt.Declare d -> regs.put(d.name(), d.init().map(this::eval).orElse(Val.of(initialRegister(d.name()))));
            case Stmt.Assign a -> assign(a);
            case Stmt.Eval e -> eval(e.expr());
            case Stmt.Block b -> b.statements().forEach(this::exec);
            case Stmt.If i -> {
                Val c = eval(i.cond());
                Deps.ctrl(x, c.dep());
                if (c.v() != 0) {
                    exec(i.then());
                } else {
                    i.otherwise().ifPresent(this::exec);
                }
            }
            case Stmt.While w -> loop(w);
        }
    }

    private void loop(Stmt.While w) {
        for (int i = 0; ; i++) {
            Val c = eval(w.cond());
            Deps.ctrl(x, c.dep());
            if (c.v() == 0) {
                return;
            }
            if (i == unroll) {
                state.unrolled = true;
                world.cut = true;
                throw new Cut();
            }
            exec(w.body());
        }
    }

    private void assign(Stmt.Assign a) {
        Val v = eval(a.value());
        switch (a.target()) {
            case Expr.Name n -> regs.put(n.name(), v);
            case Expr.Deref d -> store(eval(d.pointer()), v, a.pos());
            case Expr.Index i -> store(index(i), v, a.pos());
            default -> throw fail(a.pos(), "cannot assign to " + a.target());
        }
    }

    private void store(Val address, Val v, SourcePos pos) {
        loc(address, pos).store(v.v(), Order.PLAIN, "WRITE", address.dep(), v.dep());
    }

    // ---------------------------------------------------------------- expressions

    Val eval(Expr e) {
        return switch (e) {
            case Expr.IntLiteral l -> Val.of(l.value());
            case Expr.Name n -> register(n);
            case Expr.Deref d -> load(eval(d.pointer()), d.pos());
            case Expr.Index i -> load(index(i), i.pos());
            case Expr.AddressOf a -> address(a.operand());
            case Expr.Cast c -> eval(c.operand());
            case Expr.Unary u -> {
                Val v = eval(u.operand());
                long r = switch (u.op()) {
                    case NEG -> -v.v();
                    case NOT -> v.v() == 0 ? 1 : 0;
                    case BIT_NOT -> ~v.v();
                };
                yield new Val(r, v.dep());
            }
            case Expr.Binary b -> binary(b);
            case Expr.Call c -> calls.call(c);
        };
    }

    private Val register(Expr.Name n) {
        Val v = regs.get(n.name());
        if (v == null) {
            throw fail(n.pos(), "'" + n.name() + "' has no value here");
        }
        return v;
    }

    private Val binary(Expr.Binary b) {
        Val l = eval(b.left());
        if (b.op() == mmrace.litmus.syntax.BinaryOp.LAND || b.op() == mmrace.litmus.syntax.BinaryOp.LOR) {
            boolean decided = b.op() == mmrace.litmus.syntax.BinaryOp.LAND ? l.v() == 0 : l.v() != 0;
            if (decided) {
                return new Val(b.op() == mmrace.litmus.syntax.BinaryOp.LOR ? 1 : 0, l.dep());
            }
            Val r = eval(b.right());
            return l.with(r.v() != 0 ? 1 : 0, r);
        }
        Val r = eval(b.right());
        long a = l.v();
        long c = r.v();
        long v = switch (b.op()) {
            case OR -> a | c;
            case XOR -> a ^ c;
            case AND -> a & c;
            case EQ -> a == c ? 1 : 0;
            case NE -> a != c ? 1 : 0;
            case LT -> a < c ? 1 : 0;
            case LE -> a <= c ? 1 : 0;
            case GT -> a > c ? 1 : 0;
            case GE -> a >= c ? 1 : 0;
            case SHL -> a << c;
            case SHR -> a >> c;
            case ADD -> a + c;
            case SUB -> a - c;
            case MUL -> a * c;
            case DIV, MOD -> {
                if (c == 0) {
                    throw fail(b.pos(), "division by zero");
                }
                yield b.op() == mmrace.litmus.syntax.BinaryOp.DIV ? a / c : a % c;
            }
            case LOR, LAND -> throw new IllegalStateException();
        };
        return l.with(v, r);
    }

    /** The address an lvalue ({@code *p}, {@code p[i]}) designates. */
    Val address(Expr lvalue) {
        return switch (lvalue) {
            case Expr.Deref d -> eval(d.pointer());
            case Expr.Index i -> index(i);
            default -> eval(lvalue);
        };
    }

    private Val index(Expr.Index i) {
        Val base = eval(i.base());
        Val k = eval(i.index());
        return base.with(base.v() + k.v(), k);
    }

    private Val load(Val address, SourcePos pos) {
        long v = loc(address, pos).load(Order.PLAIN, "READ", address.dep());
        return new Val(v, Deps.last(x));
    }

    // ---------------------------------------------------------------- addresses

    Loc loc(Val address, SourcePos pos) {
        Loc l = world.loc(address.v());
        if (l == null) {
            throw fail(pos, "dereference of " + address.v() + ", which is not the address of a location");
        }
        return l;
    }

    SpinLock lock(Val address, SourcePos pos) {
        SpinLock s = world.lock(address.v());
        if (s == null) {
            throw fail(pos, "not a spinlock_t");
        }
        return s;
    }

    /**
     * An error of one execution. It may come from a value no consistent execution produces (a
     * speculated pointer), so the execution is dropped and the error kept: the runner reports it
     * if the test has no execution at all.
     */
    RuntimeException fail(SourcePos pos, String what) {
        state.error(new LitmusRunException(pos, what));
        return x.abandon();
    }
}
