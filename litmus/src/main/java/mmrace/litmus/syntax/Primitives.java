package mmrace.litmus.syntax;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mmrace.litmus.syntax.Primitive.Addressing;
import mmrace.litmus.syntax.Primitive.Kind;
import mmrace.litmus.syntax.Primitive.Ordering;
import mmrace.litmus.syntax.Primitive.Origin;
import mmrace.litmus.syntax.Primitive.ResultTest;
import mmrace.litmus.syntax.Primitive.RmwOp;

/**
 * The registry of every primitive a process may call: each entry of the kernel's
 * {@code tools/memory-model/linux-kernel.def} (the newest version, with the
 * {@code atomic_and}/{@code or}/{@code xor}/{@code andnot} family, {@code srcu_down_read} and
 * {@code smp_mb__after_srcu_read_unlock}), herd7's built-in {@code atomic_add_unless}, the two
 * entries older defs had, and {@code atomic_inc_not_zero} as an mmrace extension. Adding a
 * primitive is one line here.
 */
public final class Primitives {

    private static final String X = "X";
    private static final String V = "V";
    private static final String W = "W";

    /** The RMW ordering suffixes of the def, with the ordering each one means. */
    private static final Map<String, Ordering> SUFFIXES = orderedMap(
            "", Ordering.MB, "_relaxed", Ordering.ONCE, "_acquire", Ordering.ACQUIRE, "_release", Ordering.RELEASE);

    private static final Map<String, Primitive> BY_NAME = build();

    private Primitives() {
    }

    /**
     * {@return the primitive with this name}
     *
     * @param name a C function name
     */
    public static Optional<Primitive> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** {@return every known primitive, in def order} */
    public static Collection<Primitive> all() {
        return BY_NAME.values();
    }

    private static Map<String, Primitive> build() {
        List<Primitive> l = new ArrayList<>();
        Origin def = Origin.LINUX_KERNEL_DEF;
        // ONCE
        l.add(load("READ_ONCE", Ordering.ONCE, Addressing.LVALUE, def));
        l.add(store("WRITE_ONCE", Kind.STORE, Ordering.ONCE, Addressing.LVALUE, def));
        // Release, acquire and friends
        l.add(store("smp_store_release", Kind.STORE, Ordering.RELEASE, Addressing.POINTER, def));
        l.add(load("smp_load_acquire", Ordering.ACQUIRE, Addressing.POINTER, def));
        l.add(store("rcu_assign_pointer", Kind.STORE, Ordering.RELEASE, Addressing.LVALUE, def));
        l.add(load("rcu_dereference", Ordering.ONCE, Addressing.LVALUE, def));
        l.add(store("smp_store_mb", Kind.STORE_MB, Ordering.ONCE, Addressing.LVALUE, def));
        l.add(load("lockless_dereference", Ordering.ONCE, Addressing.LVALUE, Origin.LEGACY_DEF));
        // Fences
        l.add(fence("smp_mb", "mb", def));
        l.add(fence("smp_rmb", "rmb", def));
        l.add(fence("smp_wmb", "wmb", def));
        l.add(fence("smp_mb__before_atomic", "before-atomic", def));
        l.add(fence("smp_mb__after_atomic", "after-atomic", def));
        l.add(fence("smp_mb__after_spinlock", "after-spinlock", def));
        l.add(fence("smp_mb__after_unlock_lock", "after-unlock-lock", def));
        l.add(fence("smp_mb__after_srcu_read_unlock", "after-srcu-read-unlock", def));
        l.add(fence("barrier", "barrier", def));
        l.add(fence("smp_read_barrier_depends", "rb_dep", Origin.LEGACY_DEF));
        // Exchange
        for (var s : SUFFIXES.entrySet()) {
            l.add(xchg("xchg" + s.getKey(), s.getValue()));
        }
        for (var s : SUFFIXES.entrySet()) {
            l.add(cmpxchg("cmpxchg" + s.getKey(), s.getValue()));
        }
        // Spinlocks
        l.add(unary("spin_lock", Kind.SPIN_LOCK, "lock"));
        l.add(unary("spin_unlock", Kind.SPIN_UNLOCK, "unlock"));
        l.add(unary("spin_trylock", Kind.SPIN_TRYLOCK, "trylock"));
        l.add(unary("spin_is_locked", Kind.SPIN_IS_LOCKED, "islocked"));
        // RCU
        l.add(fence("rcu_read_lock", "rcu-lock", def));
        l.add(fence("rcu_read_unlock", "rcu-unlock", def));
        l.add(fence("synchronize_rcu", "sync-rcu", def));
        l.add(fence("synchronize_rcu_expedited", "sync-rcu", def));
        // SRCU
        l.add(unary("srcu_read_lock", Kind.SRCU_READ_LOCK, "srcu-lock"));
        l.add(srcuUnlock("srcu_read_unlock"));
        l.add(unary("srcu_down_read", Kind.SRCU_READ_LOCK, "srcu-lock"));
        l.add(srcuUnlock("srcu_up_read"));
        l.add(unary("synchronize_srcu", Kind.SYNCHRONIZE_SRCU, "sync-srcu"));
        l.add(unary("synchronize_srcu_expedited", Kind.SYNCHRONIZE_SRCU, "sync-srcu"));
        // Atomic
        l.add(load("atomic_read", Ordering.ONCE, Addressing.POINTER, def));
        l.add(store("atomic_set", Kind.STORE, Ordering.ONCE, Addressing.POINTER, def));
        l.add(load("atomic_read_acquire", Ordering.ACQUIRE, Addressing.POINTER, def));
        l.add(store("atomic_set_release", Kind.STORE, Ordering.RELEASE, Addressing.POINTER, def));
        for (String op : List.of("add", "sub", "and", "or", "xor", "inc", "dec", "andnot")) {
            l.add(rmw("atomic_" + op, Kind.ATOMIC_OP, op, Ordering.ONCE, "noreturn", ResultTest.NONE));
        }
        for (String op : List.of("add", "sub", "inc", "dec")) {
            for (var s : SUFFIXES.entrySet()) {
                l.add(rmw("atomic_" + op + "_return" + s.getKey(), Kind.ATOMIC_OP_RETURN, op,
                        s.getValue(), annotation(s.getValue()), ResultTest.NONE));
            }
        }
        for (String op : List.of("add", "sub", "inc", "dec", "and", "or", "xor", "andnot")) {
            for (var s : SUFFIXES.entrySet()) {
                l.add(rmw("atomic_fetch_" + op + s.getKey(), Kind.ATOMIC_FETCH_OP, op,
                        s.getValue(), annotation(s.getValue()), ResultTest.NONE));
            }
        }
        for (var s : SUFFIXES.entrySet()) {
            l.add(xchg("atomic_xchg" + s.getKey(), s.getValue()));
        }
        for (var s : SUFFIXES.entrySet()) {
            l.add(cmpxchg("atomic_cmpxchg" + s.getKey(), s.getValue()));
        }
        l.add(rmw("atomic_sub_and_test", Kind.ATOMIC_OP_TEST, "sub", Ordering.MB, "mb", ResultTest.EQ_ZERO));
        l.add(rmw("atomic_dec_and_test", Kind.ATOMIC_OP_TEST, "dec", Ordering.MB, "mb", ResultTest.EQ_ZERO));
        l.add(rmw("atomic_inc_and_test", Kind.ATOMIC_OP_TEST, "inc", Ordering.MB, "mb", ResultTest.EQ_ZERO));
        for (var s : SUFFIXES.entrySet()) {
            l.add(rmw("atomic_add_negative" + s.getKey(), Kind.ATOMIC_OP_TEST, "add",
                    s.getValue(), annotation(s.getValue()), ResultTest.NEGATIVE));
        }
        l.add(new Primitive("atomic_add_unless", List.of(X, V, W), Kind.ATOMIC_ADD_UNLESS, Ordering.MB, "mb",
                0, Addressing.POINTER, RmwOp.ADD, 1, 0, 2, 0, ResultTest.NONE, Origin.HERD_BUILTIN));
        l.add(new Primitive("atomic_inc_not_zero", List.of(X), Kind.ATOMIC_ADD_UNLESS, Ordering.MB, "mb",
                0, Addressing.POINTER, RmwOp.ADD, -1, 1, -1, 0, ResultTest.NONE, Origin.MMRACE_EXTENSION));

        Map<String, Primitive> m = new LinkedHashMap<>();
        for (Primitive p : l) {
            if (m.put(p.name(), p) != null) {
                throw new IllegalStateException("duplicate primitive " + p.name());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static Primitive load(String name, Ordering o, Addressing a, Origin origin) {
        return new Primitive(name, List.of(X), Kind.LOAD, o, annotation(o), 0, a, RmwOp.NONE, -1, 0, -1, 0,
                ResultTest.NONE, origin);
    }

    private static Primitive store(String name, Kind kind, Ordering o, Addressing a, Origin origin) {
        return new Primitive(name, List.of(X, V), kind, o, annotation(o), 0, a, RmwOp.NONE, 1, 0, -1, 0,
                ResultTest.NONE, origin);
    }

    private static Primitive fence(String name, String annotation, Origin origin) {
        return new Primitive(name, List.of(), Kind.FENCE, Ordering.NONE, annotation, -1, Addressing.NONE,
                RmwOp.NONE, -1, 0, -1, 0, ResultTest.NONE, origin);
    }

    private static Primitive xchg(String name, Ordering o) {
        return new Primitive(name, List.of(X, V), Kind.XCHG, o, annotation(o), 0, Addressing.POINTER,
                RmwOp.NONE, 1, 0, -1, 0, ResultTest.NONE, Origin.LINUX_KERNEL_DEF);
    }

    private static Primitive cmpxchg(String name, Ordering o) {
        return new Primitive(name, List.of(X, V, W), Kind.CMPXCHG, o, annotation(o), 0, Addressing.POINTER,
                RmwOp.NONE, 2, 0, 1, 0, ResultTest.NONE, Origin.LINUX_KERNEL_DEF);
    }

    private static Primitive unary(String name, Kind kind, String annotation) {
        return new Primitive(name, List.of(X), kind, Ordering.NONE, annotation, 0, Addressing.POINTER,
                RmwOp.NONE, -1, 0, -1, 0, ResultTest.NONE, Origin.LINUX_KERNEL_DEF);
    }

    private static Primitive srcuUnlock(String name) {
        return new Primitive(name, List.of(X, "Y"), Kind.SRCU_READ_UNLOCK, Ordering.NONE, "srcu-unlock", 0,
                Addressing.POINTER, RmwOp.NONE, 1, 0, -1, 0, ResultTest.NONE, Origin.LINUX_KERNEL_DEF);
    }

    /** An atomic RMW of the def: {@code inc}/{@code dec} take {@code (X)}, the others {@code (V,X)}. */
    private static Primitive rmw(String name, Kind kind, String op, Ordering o, String annotation, ResultTest test) {
        boolean constant = op.equals("inc") || op.equals("dec");
        RmwOp rmwOp = switch (op) {
            case "add", "inc" -> RmwOp.ADD;
            case "sub", "dec" -> RmwOp.SUB;
            case "and" -> RmwOp.AND;
            case "or" -> RmwOp.OR;
            case "xor" -> RmwOp.XOR;
            case "andnot" -> RmwOp.ANDNOT;
            default -> throw new IllegalArgumentException(op);
        };
        List<String> params = constant ? List.of(X) : List.of(V, X);
        return new Primitive(name, params, kind, o, annotation, constant ? 0 : 1, Addressing.POINTER, rmwOp,
                constant ? -1 : 0, constant ? 1 : 0, -1, 0, test, Origin.LINUX_KERNEL_DEF);
    }

    private static String annotation(Ordering o) {
        return switch (o) {
            case NONE -> "";
            case ONCE -> "once";
            case ACQUIRE -> "acquire";
            case RELEASE -> "release";
            case MB -> "mb";
        };
    }

    private static Map<String, Ordering> orderedMap(Object... kv) {
        Map<String, Ordering> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Ordering) kv[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
