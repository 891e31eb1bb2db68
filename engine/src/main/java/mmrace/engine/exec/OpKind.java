package mmrace.engine.exec;

/**
 * Every kind of visible operation the engine knows, in one place. Adding an operation means a
 * constant here and the code that performs it; the explorer only ever looks at footprints, and
 * the trace renderers only at {@link #text}.
 *
 * <p>{@code text} is the kernel spelling shown in traces: {@code %l} is replaced by the
 * target's name, {@code %a} by the event's first value, {@code %b} by its second.
 */
public enum OpKind {
    // memory accesses (values: a = value read or written, b = new value for RMWs)
    LOAD("%o(%l) = %a"),
    STORE("%o(%l, %a)"),
    RMW("%o(%l): %a -> %b"),
    FENCE("%o()"),
    // spinlocks
    SPIN_LOCK("%o(%l)"),
    SPIN_TRYLOCK("%o(%l) = %a"),
    SPIN_UNLOCK("%o(%l)"),
    SPIN_IS_LOCKED("%o(%l) = %a"),
    // sleeping locks (mutexes are the writer side of a semaphore)
    DOWN_READ("%o(%l)"),
    DOWN_READ_TRYLOCK("%o(%l) = %a"),
    UP_READ("%o(%l)"),
    DOWN_WRITE("%o(%l)"),
    DOWN_WRITE_TRYLOCK("%o(%l) = %a"),
    UP_WRITE("%o(%l)"),
    DOWNGRADE_WRITE("%o(%l)"),
    // bit locks on a flags word
    BIT_LOCK("%o(%l, bit %a)"),
    BIT_UNLOCK("%o(%l, bit %a)"),
    // interrupts
    IRQ_DISABLE("%o()"),
    IRQ_ENABLE("%o()"),
    IRQ_ENTRY("<IRQ> %o on %l"),
    IPI_SEND("smp_call_function_many(%l) -> %o"),
    IPI_WAIT("wait for IPI acks (%l)"),
    IPI_ACK("IPI done (%l)"),
    // RCU
    RCU_READ_LOCK("%o()"),
    RCU_READ_UNLOCK("%o()"),
    GP_START("%o: grace period starts"),
    GP_END("%o: grace period ends"),
    CALL_RCU("%o(%l)"),
    // object lifetimes
    ALLOC("%o(%l) = %a"),
    FREE("%o(%l)"),
    // threads (for the classic benchmarks: contexts that start, end and are joined)
    SPAWN("spawn CPU%a"),
    THREAD_START("%l starts"),
    EXIT("%l exits"),
    JOIN("join %l"),
    // assertions and markers
    CHECK("check %o"),
    YIELD("%o");

    /** How the event is printed; see the class comment. */
    public final String text;

    OpKind(String text) {
        this.text = text;
    }
}
