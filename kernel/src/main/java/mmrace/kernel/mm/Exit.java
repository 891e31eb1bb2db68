package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.sync.Atomic;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;

/** Tearing down an address space (kernel/fork.c mmput, mm/mmap.c exit_mmap, v5.6). */
public final class Exit {
    private Exit() {
    }

    /**
     * mmput(): the last user tears the address space down, then __mmdrop's check_mm() looks at
     * the counters. (The mm_struct itself is not freed here: lazy-TLB users may still hold it,
     * and mmdrop at context switch is not modelled.)
     *
     * @see kernel/fork.c mmput() __mmput() (v5.6)
     */
    public static void mmput(Kernel k, MmStruct mm) {
        if (Atomic.in(mm.mmUsers).decAndTest()) {
            try (Fn f = Fn.enter(k.x, "__mmput")) {
                exitMmap(k, mm);
                checkMm(k, mm);
            }
        }
    }

    /**
     * exit_mmap(): unmap everything with a full-mm gather, free all page tables, free the VMAs.
     * No mmap_lock: nobody else can reach the mm but rmap walkers, which free_pgtables hides
     * the VMAs from before the tables go.
     *
     * @see mm/mmap.c exit_mmap() (v5.6)
     */
    public static void exitMmap(Kernel k, MmStruct mm) {
        try (Fn f = Fn.enter(k.x, "exit_mmap")) {
            java.util.List<VmArea> vmas = new java.util.ArrayList<>(mm.vmaMap().values());
            if (vmas.isEmpty()) {
                mm.exited = true;
                return;
            }
            Swap.lruAddDrain(k);
            MmuGather tlb = MmuGather.tlbGatherMmu(k, mm, 0, -1);
            Zap.unmapVmas(k, tlb, vmas, 0, k.geo.taskSize());
            FreePgtables.freePgtables(k, tlb, vmas, 0, 0);
            tlb.tlbFinishMmu(0, -1);
            mm.vmaMap().clear();
            for (VmArea v : vmas) {
                Mmap.removeVma(k, v);
            }
            mm.exited = true;
        }
    }

    /** check_mm(): "BUG: Bad rss-counter state" / "non-zero pgtables_bytes on freeing mm". */
    static void checkMm(Kernel k, MmStruct mm) {
        for (RssCounter c : RssCounter.values()) {
            long v = mm.rss[c.ordinal()].peek();
            if (v != 0) {
                throw k.x.fail(FindingKind.CHECK, CheckNames.RSS, "BUG: Bad rss-counter state mm:" + mm + " type:" + c
                        + " val:" + v);
            }
        }
        long ptes = mm.nrPtes.peek();
        if (ptes != 0) {
            throw k.x.fail(FindingKind.CHECK, CheckNames.RSS, "BUG: non-zero pgtables_bytes on freeing mm " + mm + ": "
                    + ptes + " PTE tables");
        }
    }
}
