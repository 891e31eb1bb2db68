package mmrace.kernel.mm;

import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.TaskStruct;
import mmrace.kernel.arch.TlbBatch;

/**
 * The generic TLB API mm code calls (flush_tlb_*, ptep_clear_flush, the batched flushes of
 * reclaim in mm/rmap.c), on top of {@link mmrace.kernel.arch.Arch}.
 */
public final class Tlb {
    private Tlb() {
    }

    public static void flushTlbPage(Kernel k, VmArea vma, long addr) {
        k.arch.flushTlbPage(k, vma.mm, addr);
    }

    public static void flushTlbRange(Kernel k, VmArea vma, long start, long end) {
        k.arch.flushTlbRange(k, vma.mm, start, end);
    }

    public static void flushTlbMm(Kernel k, MmStruct mm) {
        k.arch.flushTlbMm(k, mm);
    }

    /**
     * ptep_clear_flush(): clear the PTE atomically (catching a dirty bit the hardware sets
     * meanwhile) and flush it from every TLB if it was present (pte_accessible).
     *
     * @see mm/pgtable-generic.c ptep_clear_flush() (v5.6). Caller holds: the PTE lock.
     */
    public static long ptepClearFlush(Kernel k, VmArea vma, long addr, PteTable t, int i) {
        try (Fn f = Fn.enter(k.x, "ptep_clear_flush")) {
            t.ptl.assertHeld();
            long pte = t.xchg(i, 0, "ptep_get_and_clear");
            if (Pte.present(pte)) {
                flushTlbPage(k, vma, addr);
            }
            return pte;
        }
    }

    /**
     * ptep_clear_flush_young(): clear the accessed bit; x86 does not flush ("clearing the accessed
     * bit without a TLB flush doesn't cause data corruption"), arm64 flushes the page.
     */
    public static boolean ptepClearFlushYoung(Kernel k, VmArea vma, long addr, PteTable t, int i) {
        long old = t.update(i, "ptep_test_and_clear_young", v -> v & ~Pte._PAGE_ACCESSED);
        boolean young = Pte.young(old);
        if (young && k.arch.rcuTableFree()) {
            flushTlbPage(k, vma, addr);
        }
        return young;
    }

    /** should_defer_flush(): TTU_BATCH_FLUSH, the arch can batch, and another CPU may have the mm. */
    static boolean shouldDeferFlush(Kernel k, MmStruct mm, boolean batchFlush) {
        if (!batchFlush || !k.arch.batchedUnmapFlush()) {
            return false;
        }
        int self = k.x.requireProc("should_defer_flush").cpu.id;
        return (mm.cpumask.readOnce() & ~(1L << self)) != 0;
    }

    /**
     * set_tlb_ubc_flush_pending(): remember the flush; mm->tlb_flush_batched tells others
     * (flush_tlb_batched_pending) that this mm may have stale entries.
     *
     * @see mm/rmap.c (v5.6)
     */
    static void setTlbUbcFlushPending(Kernel k, MmStruct mm, boolean writable) {
        TlbBatch ubc = k.current().tlbUbc;
        k.arch.tlbbatchAddMm(k, ubc, mm);
        ubc.flushRequired = true;
        // barrier(): "Ensure compiler does not re-order the setting of tlb_flush_batched before the PTE is cleared."
        mm.tlbFlushBatched.write(1);
        if (writable) {
            ubc.writable = true;
        }
    }

    /** try_to_unmap_flush(): do the batched flush now. */
    public static void tryToUnmapFlush(Kernel k) {
        TaskStruct cur = k.current();
        TlbBatch ubc = cur.tlbUbc;
        if (!ubc.flushRequired) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "try_to_unmap_flush")) {
            k.arch.tlbbatchFlush(k, ubc);
            ubc.flushRequired = false;
            ubc.writable = false;
        }
    }

    /** try_to_unmap_flush_dirty(): flush if a cleared PTE was dirty (before writeback starts). */
    public static void tryToUnmapFlushDirty(Kernel k) {
        if (k.current().tlbUbc.writable) {
            tryToUnmapFlush(k);
        }
    }

    /**
     * flush_tlb_batched_pending(): before changing PTEs of {@code mm} under the PTE lock, flush
     * what a racing reclaim cleared without flushing yet (3ea277194daa, v4.13).
     *
     * @see mm/rmap.c flush_tlb_batched_pending() (v5.6). Caller holds: the PTE lock.
     */
    public static void flushTlbBatchedPending(Kernel k, MmStruct mm) {
        if (mm.tlbFlushBatched.load(Order.PLAIN, "mm->tlb_flush_batched") != 0) {
            try (Fn f = Fn.enter(k.x, "flush_tlb_batched_pending")) {
                flushTlbMm(k, mm);
                // "Do not allow the compiler to re-order the clearing of tlb_flush_batched before the tlb is flushed."
                mm.tlbFlushBatched.write(0);
            }
        }
    }
}
