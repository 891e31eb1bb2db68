package mmrace.engine.mem;

import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;

/**
 * The memory of one execution as a memory model sees it. Every shared access of every context
 * goes through here after the scheduler has let it run, so a model decides which value a load
 * returns (SC: the last store; weak models: any write their axioms allow) while the engine and
 * the kernel model stay the same.
 *
 * <p>The methods with defaults are what weak models need beyond SC: dependencies
 * ({@link Dep}), the engine's synchronization events (so that locks, RCU and IPIs appear in the
 * execution graph), and a last word on whether the finished execution counts.
 */
public interface Memory {
    /** The value {@code p} reads. */
    long load(Proc p, Loc loc, Order order);

    void store(Proc p, Loc loc, long value, Order order);

    /**
     * An atomic read-modify-write: reads the old value, writes {@code f(old)} unless
     * {@code f} returns {@code old} and {@code writeIfSame} is false (a failed cmpxchg only reads).
     * Returns the old value.
     */
    long rmw(Proc p, Loc loc, Order order, LongUnaryOperator f, boolean writeIfSame);

    void fence(Proc p, Fence fence);

    /** The value an observer sees once all contexts are done (and during setup). */
    long peek(Loc loc);

    /** Sets a location's initial value (during setup), or initializes new memory (during a run). */
    void init(Loc loc, long value);

    // ---------------------------------------------------------------- weak models

    /** A load whose address depends on the loads of {@code addr}. */
    default long load(Proc p, Loc loc, Order order, Dep addr) {
        return load(p, loc, order);
    }

    /** A store whose address and value depend on the loads of {@code addr} and {@code data}. */
    default void store(Proc p, Loc loc, long value, Order order, Dep addr, Dep data) {
        store(p, loc, value, order);
    }

    /** An RMW that always writes {@code f(old)}; returns the old value. */
    default long rmw(Proc p, Loc loc, Order order, LongUnaryOperator f, Dep addr, Dep data) {
        return rmw(p, loc, order, f, true);
    }

    /**
     * A conditional RMW: writes {@code f(old)} if {@code cond(old)}, else is only a read (a
     * failed cmpxchg, atomic_add_unless at its limit). Returns the old value.
     */
    default long condRmw(Proc p, Loc loc, Order order, LongPredicate cond, LongUnaryOperator f, Dep addr, Dep data) {
        return rmw(p, loc, order, v -> cond.test(v) ? f.applyAsLong(v) : v, false);
    }

    /** A fence that concerns one location: synchronize_srcu() of the srcu_struct {@code loc}. */
    default void fence(Proc p, Fence fence, Loc loc) {
        fence(p, fence);
    }

    /**
     * {@code p} touches {@code loc} after its memory was freed, by the schedule (KASAN is about
     * to report it): a weak model records the access as one that observes the free, and drops
     * the report with the execution if no consistent execution can do that.
     */
    default void faulted(Proc p, Loc loc, boolean write) {
    }

    /** The token of {@code p}'s most recent load, for {@link Deps#last}. */
    default Dep lastRead(Proc p) {
        return Dep.NONE;
    }

    /** From now on every event of {@code p} is control dependent on {@code on}. */
    default void ctrl(Proc p, Dep on) {
    }

    /**
     * Told of every event the scheduler commits (before the operation takes effect), so that
     * locks, RCU, IPIs and other synchronization become events of the execution graph.
     */
    default void committed(Event e) {
    }

    /**
     * Asked once the execution has ended (completed, found a bug or deadlocked): false if it
     * does not count, e.g. a weak model found it inconsistent or it repeats one already seen.
     * Its findings are then dropped with it.
     */
    default boolean accept(Execution x) {
        return true;
    }
}
