package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.RcuFlavour;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Rcu;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.variant.ZapFlush;

/**
 * struct mmu_gather (mm/mmu_gather.c, v5.6): pages and page tables unmapped by zap and
 * free_pgtables are gathered, the TLB is flushed for the range, and only then are they freed.
 * Page tables go with the pages after the flush (x86 native), or through
 * tlb_remove_table() and an RCU grace period (arm64).
 */
public final class MmuGather {
    final Kernel k;
    public final MmStruct mm;
    /** tlb->fullmm: exit_mmap's teardown of the whole address space. */
    final boolean fullmm;
    long start;
    long end;
    boolean freedTables;
    boolean clearedPtes;
    /** The batched pages (tlb->local / active batch). Only this gather's task touches it. */
    private final List<Page> pages = new ArrayList<>();
    /** tlb->batch of page tables for tlb_remove_table (RCU table freeing). */
    private final List<PteTable> tables = new ArrayList<>();

    private MmuGather(Kernel k, MmStruct mm, boolean fullmm) {
        this.k = k;
        this.mm = mm;
        this.fullmm = fullmm;
        resetRange();
    }

    /**
     * tlb_gather_mmu(): start gathering; inc_tlb_flush_pending() tells concurrent batchers
     * (mm_tlb_flush_nested) that someone is in the middle of changing PTEs of this mm.
     */
    public static MmuGather tlbGatherMmu(Kernel k, MmStruct mm, long start, long end) {
        MmuGather tlb = new MmuGather(k, mm, start == 0 && end == -1);
        mm.tlbFlushPending.rmw(Order.ONCE, "inc_tlb_flush_pending", v -> v + 1);
        return tlb;
    }

    private void resetRange() {
        start = Long.MAX_VALUE;
        end = 0;
        freedTables = false;
        clearedPtes = false;
    }

    /** tlb_remove_tlb_entry(): the PTE at addr was cleared; widen the range to flush. */
    void removeTlbEntry(long addr) {
        start = Math.min(start, addr);
        end = Math.max(end, addr + mmrace.kernel.Geometry.PAGE_SIZE);
        clearedPtes = true;
    }

    /**
     * __tlb_remove_page(): gather the page; true when the batch is full and the caller must
     * flush (tlb_flush_mmu) before going on. The counterfactual {@link ZapFlush#FREE_BEFORE_FLUSH}
     * frees it at once instead.
     */
    boolean removePage(Page page) {
        if (k.variant(ZapFlush.class) == ZapFlush.FREE_BEFORE_FLUSH) {
            SwapState.freePageAndSwapCache(k, page);
            return false;
        }
        pages.add(page);
        return pages.size() >= k.cfg.gatherBatch();
    }

    /**
     * pte_free_tlb(): a PTE table leaves the page tables; freed after the flush. Sets freed_tables,
     * so the flush also reaches lazy CPUs and drops paging-structure caches.
     */
    void pteFreeTlb(PteTable t, long addr) {
        freedTables = true;
        start = Math.min(start, addr);
        end = Math.max(end, addr + k.geo.pmdSize());
        if (k.arch.rcuTableFree()) {
            tables.add(t);
        } else if (removePageTable(t)) {
            tlbFlushMmu();
        }
    }

    private boolean removePageTable(PteTable t) {
        pages.add(t.page);
        return pages.size() >= k.cfg.gatherBatch();
    }

    /** tlb_flush_mmu_tlbonly(): flush the gathered range, if anything was cleared. */
    void tlbFlushMmuTlbonly() {
        if (!(freedTables || clearedPtes)) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "tlb_flush_mmu_tlbonly")) {
            k.arch.tlbFlush(k, mm, start, end, freedTables, fullmm);
            resetRange();
        }
    }

    /** tlb_flush_mmu_free(): tlb_table_flush() then tlb_batch_pages_flush(). */
    void tlbFlushMmuFree() {
        if (!tables.isEmpty()) {
            List<PteTable> batch = new ArrayList<>(tables);
            tables.clear();
            try (Fn f = Fn.enter(k.x, "tlb_table_flush")) {
                Runnable free = () -> {
                    for (PteTable t : batch) {
                        Pgtable.pteFree(k, t);
                    }
                };
                if (k.x.config().rcu() == RcuFlavour.PRE_4_20) {
                    Rcu.callRcuSched(k.x, "tlb_remove_table_rcu", free);
                } else {
                    Rcu.callRcu(k.x, "tlb_remove_table_rcu", free);
                }
            }
        }
        if (!pages.isEmpty()) {
            List<Page> batch = new ArrayList<>(pages);
            pages.clear();
            try (Fn f = Fn.enter(k.x, "tlb_batch_pages_flush")) {
                SwapState.freePagesAndSwapCache(k, batch);
            }
        }
    }

    /** tlb_flush_mmu(): flush the TLB, then free what was gathered. */
    public void tlbFlushMmu() {
        try (Fn f = Fn.enter(k.x, "tlb_flush_mmu")) {
            tlbFlushMmuTlbonly();
            tlbFlushMmuFree();
        }
    }

    /** tlb_end_vma(): flush (not free) at each VMA boundary unless tearing down the whole mm. */
    void tlbEndVma() {
        if (!fullmm) {
            tlbFlushMmuTlbonly();
        }
    }

    /**
     * tlb_finish_mmu(): "If there are parallel threads are doing PTE changes on same range under
     * non-exclusive lock (e.g., mmap_sem read-side) but defer TLB flush by batching, a thread has
     * stable TLB entry can fail to flush the TLB by observing pte_none|!pte_dirty": when another
     * gather is in flight (mm_tlb_flush_nested), flush the whole range.
     *
     * @see mm/mmu_gather.c tlb_finish_mmu() (v5.6)
     */
    public void tlbFinishMmu(long rangeStart, long rangeEnd) {
        try (Fn f = Fn.enter(k.x, "tlb_finish_mmu")) {
            if (mm.tlbFlushPending.readOnce() > 1) {
                start = rangeStart;
                end = rangeEnd;
                freedTables = true;
                clearedPtes = true;
            }
            tlbFlushMmu();
            mm.tlbFlushPending.rmw(Order.ONCE, "dec_tlb_flush_pending", v -> v - 1);
        }
    }
}
