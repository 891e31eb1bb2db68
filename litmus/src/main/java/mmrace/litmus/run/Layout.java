package mmrace.litmus.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import mmrace.litmus.syntax.CType;
import mmrace.litmus.syntax.InitEntry;
import mmrace.litmus.syntax.LitmusTest;
import mmrace.litmus.syntax.Location;
import mmrace.litmus.syntax.Value;

/**
 * Where a test's globals live: each global (each cell of an array) has an address, far from
 * any integer a test computes with, so that a register holding an address prints as the
 * global's name, as herd7 prints it ({@code 1:r0=x}). Fixed per test, the same in every
 * execution.
 */
final class Layout {
    static final long BASE = 0x7100_0000_0000L;
    private static final long STRIDE = 0x1_0000L;

    /** What a global is. */
    enum Kind { INT, SPINLOCK, SRCU }

    /** One global: its name, kind, cell count (1 unless an array) and base address. */
    record Global(String name, Kind kind, int cells, long base) {
    }

    private final SequencedMap<String, Global> globals = new LinkedHashMap<>();
    private final Map<Long, String> names = new LinkedHashMap<>();

    Layout(LitmusTest t) {
        java.util.Set<String> locked = spinlockNames(t);
        long next = BASE;
        for (Map.Entry<String, CType> g : t.globals().entrySet()) {
            CType type = g.getValue().unqualified();
            int cells = type instanceof CType.Array a ? a.length() : 1;
            String base = type instanceof CType.Array a ? a.element().unqualified().toString() : type.toString();
            Kind kind = switch (base) {
                // herd7's spinlock_t is an int location: a test may also xchg or store it.
                // One no spin_*() names is plain memory (locked == null: some spin_*() call
                // takes a computed pointer, so every spinlock_t stays a lock).
                case "spinlock_t" -> locked == null || locked.contains(g.getKey()) ? Kind.SPINLOCK : Kind.INT;
                case "struct srcu_struct" -> Kind.SRCU;
                default -> Kind.INT;
            };
            globals.put(g.getKey(), new Global(g.getKey(), kind, cells, next));
            for (int i = 0; i < cells; i++) {
                names.put(next + i, cells == 1 && !(type instanceof CType.Array) ? g.getKey() : g.getKey() + "[" + i + "]");
            }
            next += STRIDE;
        }
    }

    /**
     * The globals some spin_lock/unlock/trylock/is_locked() call names, or null if one of
     * these calls takes something else than a parameter name.
     */
    private static java.util.Set<String> spinlockNames(LitmusTest t) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (mmrace.litmus.syntax.Process p : t.processes()) {
            for (mmrace.litmus.syntax.Stmt s : p.body()) {
                if (!spinCalls(s, p, out)) {
                    return null;
                }
            }
        }
        return out;
    }

    private static boolean spinCalls(mmrace.litmus.syntax.Stmt s, mmrace.litmus.syntax.Process p, java.util.Set<String> out) {
        return switch (s) {
            case mmrace.litmus.syntax.Stmt.Declare d -> d.init().map(e -> spinCalls(e, p, out)).orElse(true);
            case mmrace.litmus.syntax.Stmt.Assign a -> spinCalls(a.target(), p, out) && spinCalls(a.value(), p, out);
            case mmrace.litmus.syntax.Stmt.Eval e -> spinCalls(e.expr(), p, out);
            case mmrace.litmus.syntax.Stmt.If i -> spinCalls(i.cond(), p, out) && spinCalls(i.then(), p, out)
                    && i.otherwise().map(o -> spinCalls(o, p, out)).orElse(true);
            case mmrace.litmus.syntax.Stmt.While w -> spinCalls(w.cond(), p, out) && spinCalls(w.body(), p, out);
            case mmrace.litmus.syntax.Stmt.Block b -> b.statements().stream().allMatch(x -> spinCalls(x, p, out));
        };
    }

    private static boolean spinCalls(mmrace.litmus.syntax.Expr e, mmrace.litmus.syntax.Process p, java.util.Set<String> out) {
        return switch (e) {
            case mmrace.litmus.syntax.Expr.Call c -> {
                boolean ok = c.args().stream().allMatch(a -> spinCalls(a, p, out));
                switch (c.primitive().kind()) {
                    case SPIN_LOCK, SPIN_UNLOCK, SPIN_TRYLOCK, SPIN_IS_LOCKED -> {
                        if (c.args().get(0) instanceof mmrace.litmus.syntax.Expr.Name n && p.parameter(n.name()).isPresent()) {
                            out.add(n.name());
                        } else {
                            ok = false;
                        }
                    }
                    default -> { }
                }
                yield ok;
            }
            case mmrace.litmus.syntax.Expr.Deref d -> spinCalls(d.pointer(), p, out);
            case mmrace.litmus.syntax.Expr.AddressOf a -> spinCalls(a.operand(), p, out);
            case mmrace.litmus.syntax.Expr.Index i -> spinCalls(i.base(), p, out) && spinCalls(i.index(), p, out);
            case mmrace.litmus.syntax.Expr.Unary u -> spinCalls(u.operand(), p, out);
            case mmrace.litmus.syntax.Expr.Binary b -> spinCalls(b.left(), p, out) && spinCalls(b.right(), p, out);
            case mmrace.litmus.syntax.Expr.Cast c -> spinCalls(c.operand(), p, out);
            default -> true;
        };
    }

    SequencedMap<String, Global> globals() {
        return globals;
    }

    long address(String global) {
        Global g = globals.get(global);
        if (g == null) {
            throw new IllegalStateException("no global " + global);
        }
        return g.base;
    }

    /** The address of a location of the state language (a global or an array cell). */
    long address(Location l) {
        return switch (l) {
            case Location.Global g -> address(g.name());
            case Location.ArrayCell c -> address(c.array()) + c.index();
            case Location.Register r -> throw new IllegalArgumentException("a register has no address: " + r);
        };
    }

    /** A value of the state language as a machine value. */
    long value(Value v) {
        return switch (v) {
            case Value.Int i -> i.value();
            case Value.Address a -> address(a.global());
        };
    }

    /** A machine value as herd7 prints it: a global's name if it is one's address. */
    Value show(long v) {
        String n = names.get(v);
        return n != null && !n.contains("[") ? Value.addressOf(n) : Value.of(v);
    }

    /** The initial value of a global's cell, from the test's initial state. */
    long initial(LitmusTest t, String global, int cell, boolean array) {
        for (InitEntry e : t.init()) {
            Location l = e.location();
            boolean match = array ? l.equals(new Location.ArrayCell(global, cell)) : l.equals(new Location.Global(global));
            if (match && e.value().isPresent()) {
                return value(e.value().get());
            }
        }
        return 0;
    }
}
