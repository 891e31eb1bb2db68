package mmrace.kernel.arch;

/**
 * current->tlb_ubc (struct tlbflush_unmap_batch) with its arch part: the CPUs that may hold
 * translations reclaim removed without flushing yet. Per task; only its task touches it.
 */
public final class TlbBatch {
    /** arch.cpumask (x86): bit per CPU. */
    long cpumask;
    /** flush_required: some PTE was cleared with the flush deferred. */
    public boolean flushRequired;
    /** writable: some cleared PTE was dirty, so a stale entry may still write the page. */
    public boolean writable;

    public void clear() {
        cpumask = 0;
        flushRequired = false;
        writable = false;
    }
}
