package mmrace.engine.mem;

/** The kernel's barriers, by their kernel names. */
public enum Fence {
    MB("smp_mb"),
    RMB("smp_rmb"),
    WMB("smp_wmb"),
    BEFORE_ATOMIC("smp_mb__before_atomic"),
    AFTER_ATOMIC("smp_mb__after_atomic"),
    AFTER_SPINLOCK("smp_mb__after_spinlock"),
    AFTER_UNLOCK_LOCK("smp_mb__after_unlock_lock"),
    READ_BARRIER_DEPENDS("smp_read_barrier_depends"),
    AFTER_SRCU_READ_UNLOCK("smp_mb__after_srcu_read_unlock"),
    /** A compiler barrier only. */
    BARRIER("barrier");

    public final String kernelName;

    Fence(String kernelName) {
        this.kernelName = kernelName;
    }
}
