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
    /** synchronize_srcu(): a grace period of one srcu_struct (see {@link Memory#fence(mmrace.engine.exec.Proc, Fence, Loc)}). */
    SYNCHRONIZE_SRCU("synchronize_srcu"),
    /** A compiler barrier only. */
    BARRIER("barrier");

    public final String kernelName;

    Fence(String kernelName) {
        this.kernelName = kernelName;
    }
}
