package mmrace.engine.exec;

/**
 * Which RCU the kernel being modelled has. The difference that matters for races: whether a
 * normal grace period waits for regions with interrupts or preemption disabled.
 */
public enum RcuFlavour {
    /**
     * Before v4.20: rcu_read_lock() sections are the only readers a normal grace period waits
     * for; IRQs-off and preempt-off regions are readers of RCU-sched only.
     */
    PRE_4_20,
    /** v4.20 and later: the flavours are consolidated, so any of the three is a reader. */
    CONSOLIDATED
}
