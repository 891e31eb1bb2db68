package mmrace.kernel;

import mmrace.kernel.arch.TlbBatch;
import mmrace.kernel.mm.MmStruct;

/**
 * The parts of struct task_struct the mm model needs, one per simulated CPU's task: its mm
 * (null for a kernel thread) and its batch of deferred TLB flushes. Only its own task (and
 * interrupts on its CPU, which see it as {@code current}) touch it.
 */
public final class TaskStruct {
    public final String comm;
    /** current->mm. */
    public MmStruct mm;
    /** current->tlb_ubc. */
    public final TlbBatch tlbUbc = new TlbBatch();

    public TaskStruct(String comm, MmStruct mm) {
        this.comm = comm;
        this.mm = mm;
    }

    @Override
    public String toString() {
        return comm;
    }
}
