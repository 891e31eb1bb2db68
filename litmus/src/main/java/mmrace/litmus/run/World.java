package mmrace.litmus.run;

import java.util.HashMap;
import java.util.Map;
import mmrace.engine.exec.Execution;
import mmrace.engine.mem.Loc;
import mmrace.engine.sync.SpinLock;
import mmrace.litmus.syntax.LitmusTest;

/**
 * The shared state of one execution of a test: a {@link Loc} for every int, pointer, atomic_t
 * and srcu_struct global (one per array cell) and a {@link SpinLock} for every spinlock_t,
 * found by address.
 */
final class World {
    private final Map<Long, Loc> locs = new HashMap<>();
    private final Map<Long, SpinLock> locks = new HashMap<>();
    final Layout layout;
    /** Set when a process stopped at the loop unrolling bound: the execution is not counted. */
    boolean cut;

    World(Execution x, LitmusTest t, Layout layout) {
        this.layout = layout;
        for (Layout.Global g : layout.globals().values()) {
            if (g.kind() == Layout.Kind.SPINLOCK) {
                locks.put(g.base(), new SpinLock(x, g.name()));
                continue;
            }
            boolean array = t.globals().get(g.name()).unqualified() instanceof mmrace.litmus.syntax.CType.Array;
            for (int i = 0; i < g.cells(); i++) {
                String name = array ? g.name() + "[" + i + "]" : g.name();
                locs.put(g.base() + i, new Loc(x, name, layout.initial(t, g.name(), i, array)));
            }
        }
    }

    /** The memory location at {@code address}, or null. */
    Loc loc(long address) {
        return locs.get(address);
    }

    SpinLock lock(long address) {
        return locks.get(address);
    }

    /** A spinlock's final value as a location: 1 while held (unused by the kernel's tests). */
    boolean isLock(long address) {
        return locks.containsKey(address);
    }
}
