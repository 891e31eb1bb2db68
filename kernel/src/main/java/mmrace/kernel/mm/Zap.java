package mmrace.kernel.mm;

import java.util.List;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;

/**
 * Unmapping ranges (mm/memory.c unmap_vmas .. zap_pte_range, v5.6): clear each PTE under its
 * lock, drop rmap and RSS, hand the page to the mmu_gather, which frees it only after the TLB
 * flush.
 */
public final class Zap {
    private Zap() {
    }

    /**
     * struct zap_details: truncation unmaps only the page-cache pages of one mapping
     * (check_mapping), not private COW copies of them.
     */
    public record Details(AddressSpace checkMapping) {
    }

    /** unmap_vmas(): every VMA of {@code vmas} overlapping [start, end). Caller holds: mmap_lock (or exit). */
    public static void unmapVmas(Kernel k, MmuGather tlb, List<VmArea> vmas, long start, long end) {
        try (Fn f = Fn.enter(k.x, "unmap_vmas")) {
            for (VmArea vma : vmas) {
                unmapSingleVma(k, tlb, vma, start, end, null);
            }
        }
    }

    /** unmap_single_vma(): clamp to the VMA, then unmap_page_range() between tlb_start_vma/tlb_end_vma. */
    public static void unmapSingleVma(Kernel k, MmuGather tlb, VmArea vma, long startAddr, long endAddr, Details details) {
        long start = Math.max(vma.start(), startAddr);
        long end = Math.min(vma.end(), endAddr);
        if (start >= end) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "unmap_page_range")) {
            zapPmdRange(k, tlb, vma, start, end, details);
            tlb.tlbEndVma();
        }
    }

    /** zap_pmd_range(): each PMD extent; none PMDs are skipped (pmd_none_or_trans_huge_or_clear_bad). */
    static void zapPmdRange(Kernel k, MmuGather tlb, VmArea vma, long addr, long end, Details details) {
        Geometry g = k.geo;
        while (addr < end) {
            long next = g.pmdAddrEnd(addr, end);
            Loc pmd = vma.mm.pmdOf(addr);
            long v = pmd.readOnce();
            if (Pmd.transHuge(v)) {
                throw new UnsupportedOperationException("zap of a huge PMD is not modelled (part 2)");
            }
            if (!Pmd.none(v)) {
                zapPteRange(k, tlb, vma, pmd, addr, next, details);
            }
            addr = next;
        }
    }

    /**
     * zap_pte_range(): under the PTE lock (after flush_tlb_batched_pending), for each PTE: a
     * present one is cleared with ptep_get_and_clear_full, its dirty and young bits moved to a
     * file page, RSS and rmap dropped, the page gathered; a swap entry is freed. A full batch
     * forces a TLB flush before the PTE lock is dropped and a free after.
     *
     * @see mm/memory.c zap_pte_range() (v5.6). Takes: the PTE lock.
     */
    static void zapPteRange(Kernel k, MmuGather tlb, VmArea vma, Loc pmd, long addr, long end, Details details) {
        try (Fn f = Fn.enter(k.x, "zap_pte_range")) {
            MmStruct mm = vma.mm;
            while (addr < end) {
                boolean forceFlush = false;
                long[] rss = new long[RssCounter.values().length];
                Pgtable.PteRef start = Pgtable.pteOffsetMapLock(k, mm, pmd, addr);
                PteTable t = start.table();
                Tlb.flushTlbBatchedPending(k, mm);
                for (; addr != end; addr += Geometry.PAGE_SIZE) {
                    int i = k.geo.pteIndex(addr);
                    long ptent = t.get(i);
                    if (Pte.none(ptent)) {
                        continue;
                    }
                    if (Pte.present(ptent)) {
                        Page page = Memory.vmNormalPage(k, ptent);
                        if (details != null && page != null
                                && (page.mapping.read() != Mappings.ptr(details.checkMapping()))) {
                            continue;
                        }
                        ptent = t.xchg(i, 0, "ptep_get_and_clear_full");
                        tlb.removeTlbEntry(addr);
                        if (page == null) {
                            continue;
                        }
                        if (!PageRef.pageAnon(page)) {
                            if (Pte.dirty(ptent)) {
                                forceFlush = true;
                                Writeback.setPageDirty(k, page);
                            }
                            if (Pte.young(ptent)) {
                                Swap.markPageAccessed(k, page);
                            }
                        }
                        rss[Memory.mmCounter(page).ordinal()]--;
                        Rmap.pageRemoveRmap(k, page, t.ptl);
                        if (tlb.removePage(page)) {
                            forceFlush = true;
                            addr += Geometry.PAGE_SIZE;
                            break;
                        }
                        continue;
                    }
                    if (details != null) {
                        continue;
                    }
                    if (Pte.isSwapSlot(ptent)) {
                        rss[RssCounter.MM_SWAPENTS.ordinal()]--;
                        Swapfile.freeSwapAndCache(k, Pte.swpOffset(ptent));
                    } else if (Pte.isMigrationEntry(ptent)) {
                        // A migration entry still counts as its page's mapping (try_to_unmap left
                        // the counter alone); free_swap_and_cache() ignores a non-swap entry.
                        Page page = k.pages.page(Pte.migrationEntryToPfn(ptent));
                        rss[Memory.mmCounter(page).ordinal()]--;
                    }
                    t.set(i, 0, Order.PLAIN, "pte_clear_not_present_full");
                }
                for (RssCounter c : RssCounter.values()) {
                    if (rss[c.ordinal()] != 0) {
                        MmCounters.add(mm, c, rss[c.ordinal()]);
                    }
                }
                // "Do the actual TLB flush before dropping ptl"
                if (forceFlush) {
                    tlb.tlbFlushMmuTlbonly();
                }
                Pgtable.pteUnmapUnlock(start);
                if (forceFlush) {
                    tlb.tlbFlushMmuFree();
                }
            }
        }
    }

    /**
     * zap_page_range(): unmap a range of one VMA with its own mmu_gather (madvise MADV_DONTNEED).
     *
     * @see mm/memory.c zap_page_range() (v5.6). Caller holds: mmap_lock for read.
     */
    public static void zapPageRange(Kernel k, VmArea vma, long start, long size) {
        try (Fn f = Fn.enter(k.x, "zap_page_range")) {
            long end = start + size;
            Swap.lruAddDrain(k);
            MmuGather tlb = MmuGather.tlbGatherMmu(k, vma.mm, start, end);
            unmapSingleVma(k, tlb, vma, start, end, null);
            tlb.tlbFinishMmu(start, end);
        }
    }

    /** zap_page_range_single() with details (unmap_mapping_range for truncation). */
    public static void zapPageRangeSingle(Kernel k, VmArea vma, long start, long size, Details details) {
        try (Fn f = Fn.enter(k.x, "zap_page_range_single")) {
            long end = start + size;
            Swap.lruAddDrain(k);
            MmuGather tlb = MmuGather.tlbGatherMmu(k, vma.mm, start, end);
            unmapSingleVma(k, tlb, vma, start, end, details);
            tlb.tlbFinishMmu(start, end);
        }
    }
}
