package mmrace.litmus.run;

import java.util.List;
import mmrace.engine.exec.Execution;
import mmrace.engine.mem.Dep;
import mmrace.engine.mem.Deps;
import mmrace.engine.mem.Fence;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Barriers;
import mmrace.engine.sync.Rcu;
import mmrace.engine.sync.SpinLock;
import mmrace.engine.sync.Srcu;
import mmrace.litmus.syntax.Expr;
import mmrace.litmus.syntax.Primitive;

/**
 * The kernel primitives of a litmus test (linux-kernel.def) as calls of the engine's API: the
 * same calls Java kernel code makes, so a litmus test exercises exactly what the kernel model
 * uses. Arguments carry their dependencies: the location's into an address dependency, a
 * stored value's or an RMW operand's into a data dependency.
 */
final class Calls {
    private final Interpreter in;
    private final Execution x;

    Calls(Interpreter in) {
        this.in = in;
        this.x = in.x;
    }

    Val call(Expr.Call c) {
        Primitive p = c.primitive();
        List<Expr> args = c.args();
        return switch (p.kind()) {
            case FENCE -> fence(p);
            case LOAD -> load(p, args);
            case STORE, STORE_MB -> store(p, args);
            case XCHG, ATOMIC_OP, ATOMIC_OP_RETURN, ATOMIC_FETCH_OP, ATOMIC_OP_TEST -> rmw(p, args);
            case CMPXCHG, ATOMIC_ADD_UNLESS -> conditional(p, args);
            case SPIN_LOCK -> {
                lock(c).lock();
                yield Val.ZERO;
            }
            case SPIN_UNLOCK -> {
                lock(c).unlock();
                yield Val.ZERO;
            }
            case SPIN_TRYLOCK -> Val.of(lock(c).trylock() ? 1 : 0);
            case SPIN_IS_LOCKED -> Val.of(lock(c).isLocked() ? 1 : 0);
            case SRCU_READ_LOCK -> {
                long idx = Srcu.srcuReadLock(location(p, args).loc);
                yield new Val(idx, Deps.last(x));
            }
            case SRCU_READ_UNLOCK -> {
                Val idx = in.eval(args.get(p.valueParam()));
                Srcu.srcuReadUnlock(location(p, args).loc, idx.v(), idx.dep());
                yield Val.ZERO;
            }
            case SYNCHRONIZE_SRCU -> {
                Srcu.synchronizeSrcu(x, location(p, args).loc);
                yield Val.ZERO;
            }
        };
    }

    /** The location argument, resolved, with the dependency of its address. */
    private record Target(Loc loc, Dep addr) {
    }

    private Target location(Primitive p, List<Expr> args) {
        Expr a = args.get(p.addressParam());
        Val address = p.addressing() == Primitive.Addressing.LVALUE ? in.address(a) : in.eval(a);
        return new Target(in.loc(address, a.pos()), address.dep());
    }

    private SpinLock lock(Expr.Call c) {
        Expr a = c.args().get(c.primitive().addressParam());
        return in.lock(in.eval(a), a.pos());
    }

    private static Order order(Primitive.Ordering o) {
        return switch (o) {
            case NONE, ONCE -> Order.ONCE;
            case ACQUIRE -> Order.ACQUIRE;
            case RELEASE -> Order.RELEASE;
            case MB -> Order.FULL;
        };
    }

    /** The order of an RMW: the def's once on a value-returning op is _relaxed. */
    private static Order rmwOrder(Primitive p) {
        if (p.kind() == Primitive.Kind.ATOMIC_OP) {
            return Order.ONCE;
        }
        return p.ordering() == Primitive.Ordering.ONCE ? Order.RELAXED : order(p.ordering());
    }

    private Val fence(Primitive p) {
        switch (p.annotation()) {
            case "rcu-lock" -> Rcu.rcuReadLock(x);
            case "rcu-unlock" -> Rcu.rcuReadUnlock(x);
            case "sync-rcu" -> Rcu.synchronizeRcu(x);
            default -> Barriers.fence(x, switch (p.annotation()) {
                case "mb" -> Fence.MB;
                case "rmb" -> Fence.RMB;
                case "wmb" -> Fence.WMB;
                case "before-atomic" -> Fence.BEFORE_ATOMIC;
                case "after-atomic" -> Fence.AFTER_ATOMIC;
                case "after-spinlock" -> Fence.AFTER_SPINLOCK;
                case "after-unlock-lock" -> Fence.AFTER_UNLOCK_LOCK;
                case "after-srcu-read-unlock" -> Fence.AFTER_SRCU_READ_UNLOCK;
                case "rb_dep" -> Fence.READ_BARRIER_DEPENDS;
                case "barrier" -> Fence.BARRIER;
                default -> throw new IllegalStateException("fence " + p.annotation());
            });
        }
        return Val.ZERO;
    }

    private Val load(Primitive p, List<Expr> args) {
        Target t = location(p, args);
        boolean deref = p.name().equals("rcu_dereference") || p.name().equals("lockless_dereference");
        long v = deref ? t.loc.rcuDereference(t.addr) : t.loc.load(order(p.ordering()), p.name(), t.addr);
        return new Val(v, lastRead());
    }

    private Dep lastRead() {
        return Deps.last(x);
    }

    private Val store(Primitive p, List<Expr> args) {
        Target t = location(p, args);
        Val v = in.eval(args.get(p.valueParam()));
        t.loc.store(v.v(), order(p.ordering()), p.name(), t.addr, v.dep());
        if (p.kind() == Primitive.Kind.STORE_MB) {
            Barriers.smpMb(x);
        }
        return Val.ZERO;
    }

    private Val rmw(Primitive p, List<Expr> args) {
        Target t = location(p, args);
        Val operand = p.valueParam() >= 0 ? in.eval(args.get(p.valueParam())) : Val.of(p.constantValue());
        long k = operand.v();
        long old = t.loc.rmw(rmwOrder(p), p.name(), v -> p.kind() == Primitive.Kind.XCHG ? k : apply(p.op(), v, k),
                t.addr, operand.dep());
        Dep d = lastRead();
        long neu = p.kind() == Primitive.Kind.XCHG ? k : apply(p.op(), old, k);
        return switch (p.kind()) {
            case XCHG, ATOMIC_FETCH_OP -> new Val(old, d);
            case ATOMIC_OP_RETURN -> new Val(neu, d.and(operand.dep()));
            case ATOMIC_OP_TEST -> new Val(switch (p.test()) {
                case EQ_ZERO -> neu == 0 ? 1 : 0;
                case NEGATIVE -> neu < 0 ? 1 : 0;
                case NONE -> neu;
            }, d.and(operand.dep()));
            default -> Val.ZERO;
        };
    }

    private Val conditional(Primitive p, List<Expr> args) {
        Target t = location(p, args);
        Val operand = p.valueParam() >= 0 ? in.eval(args.get(p.valueParam())) : Val.of(p.constantValue());
        Val expected = p.expectedParam() >= 0 ? in.eval(args.get(p.expectedParam())) : Val.of(p.constantExpected());
        long k = operand.v();
        long e = expected.v();
        Dep data = operand.dep().and(expected.dep());
        if (p.kind() == Primitive.Kind.CMPXCHG) {
            long old = t.loc.condRmw(rmwOrder(p), p.name(), v -> v == e, v -> k, t.addr, data);
            return new Val(old, lastRead());
        }
        long old = t.loc.condRmw(rmwOrder(p), p.name(), v -> v != e, v -> v + k, t.addr, data);
        return new Val(old != e ? 1 : 0, lastRead());
    }

    private static long apply(Primitive.RmwOp op, long v, long k) {
        return switch (op) {
            case ADD -> v + k;
            case SUB -> v - k;
            case AND -> v & k;
            case OR -> v | k;
            case XOR -> v ^ k;
            case ANDNOT -> v & ~k;
            case NONE -> k;
        };
    }
}
