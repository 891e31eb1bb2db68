package mmrace.engine.mem;

import java.util.function.LongUnaryOperator;
import mmrace.engine.exec.Proc;

/**
 * The memory of one execution as a memory model sees it. Every shared access of every context
 * goes through here after the scheduler has let it run, so a model decides which value a load
 * returns (SC: the last store; TSO: the CPU's own store buffer first; weak models: any write
 * their axioms allow) while the engine and the kernel model stay the same.
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

    /** Sets a location's initial value, before any context runs. */
    void init(Loc loc, long value);
}
