package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Interrupts;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.CollapseAnon;

/**
 * khugepaged's anonymous collapse (mm/khugepaged.c, v5.6): scan a PMD range of small anonymous
 * pages under the mmap_lock for read; if it qualifies, allocate a huge page, take the mmap_lock
 * for write and the anon_vma lock for write, detach the PTE table from the PMD
 * (pmdp_collapse_flush), isolate every source page (locked, off the LRU, no extra reference —
 * a GUP pin makes it give up), copy, unmap and free them, and map the huge page by the PMD with
 * the old table deposited. Variants: {@link CollapseAnon} (seed S000).
 *
 * <p>Who can still race once the mmap_lock is held for write (the kernel's comment there:
 * "Prevent all access to pagetables with the exception of gup_fast later handled by the
 * ptep_clear_flush and the VM handled by the anon_vma lock"): rmap walks (reclaim's
 * try_to_unmap, page_referenced) through the anon_vma — shut out by anon_vma_lock_write until
 * the source pages are isolated, then blind to the detached table; get_user_pages_fast, which
 * holds no lock at all — shut out on x86 by the flush IPI it cannot acknowledge with IRQs off,
 * elsewhere only by its own re-check of the PMD (70cbc3cc78a99) or by tlb_remove_table_sync_one
 * (2ba99c5e0881).
 *
 * <p>Check {@code gup-page-mapped}, this side: a page that get_user_pages_fast committed to and
 * still holds is never replaced by the collapse.
 */
public final class Khugepaged {
    private Khugepaged() {
    }

    /** enum scan_result (the ones the model reaches). */
    public enum ScanResult {
        SCAN_FAIL, SCAN_SUCCEED, SCAN_PMD_NULL, SCAN_EXCEED_NONE_PTE, SCAN_PTE_NON_PRESENT, SCAN_PAGE_RO,
        SCAN_LACK_REFERENCED_PAGE, SCAN_PAGE_NULL, SCAN_SCAN_ABORT, SCAN_PAGE_COUNT, SCAN_PAGE_LRU, SCAN_PAGE_LOCK,
        SCAN_PAGE_ANON, SCAN_PAGE_COMPOUND, SCAN_ANY_PROCESS, SCAN_VMA_NULL, SCAN_VMA_CHECK, SCAN_ADDRESS_RANGE,
        SCAN_DEL_PAGE_LRU, SCAN_ALLOC_HUGE_PAGE_FAIL
    }

    /** khugepaged_max_ptes_none: HPAGE_PMD_NR - 1 by default. */
    static int maxPtesNone(Kernel k) {
        return k.geo.hpagePmdNr() - 1;
    }

    /**
     * khugepaged_scan_mm_slot() for one PMD range: the mmap_lock for read around
     * khugepaged_scan_pmd(), which calls collapse_huge_page() (that drops it) when the range
     * qualifies.
     *
     * @see mm/khugepaged.c khugepaged_scan_mm_slot() (v5.6). Takes: mmap_lock for read.
     */
    public static ScanResult scan(Kernel k, MmStruct mm, long address) {
        try (Fn f = Fn.enter(k.x, "khugepaged_scan_mm_slot")) {
            mm.mmapLock.downRead();
            if (mm.mmUsers.readOnce() == 0) { // khugepaged_test_exit()
                mm.mmapLock.upRead();
                return ScanResult.SCAN_ANY_PROCESS;
            }
            VmArea vma = mm.findVma(address);
            if (vma == null || !vma.isAnonymous() || (vma.flags() & VmFlags.VM_NOHUGEPAGE) != 0) {
                mm.mmapLock.upRead();
                return ScanResult.SCAN_VMA_CHECK;
            }
            ScanResult r = scanPmd(k, mm, vma, address & k.geo.pmdMask());
            if (r != ScanResult.SCAN_SUCCEED) {
                mm.mmapLock.upRead();
                return r;
            }
            return collapseHugePage(k, mm, address & k.geo.pmdMask());
        }
    }

    /**
     * khugepaged_scan_pmd(): under the PTE lock, does the range qualify? Few enough none PTEs, no
     * swap entries, every page anonymous, small, on the LRU, unlocked, with no reference but its
     * mapping's (+1 in the swap cache), at least one referenced, one writable.
     *
     * @see mm/khugepaged.c khugepaged_scan_pmd() (v5.6). Caller holds: mmap_lock for read.
     */
    static ScanResult scanPmd(Kernel k, MmStruct mm, VmArea vma, long address) {
        try (Fn f = Fn.enter(k.x, "khugepaged_scan_pmd")) {
            Loc pmd = mm.pmdOf(address);
            if (!Pmd.table(pmd.read())) { // mm_find_pmd()
                return ScanResult.SCAN_PMD_NULL;
            }
            Pgtable.PteRef ref = Pgtable.pteOffsetMapLock(k, mm, pmd, address);
            PteTable t = ref.table();
            int none = 0;
            int referenced = 0;
            boolean writable = false;
            ScanResult result = ScanResult.SCAN_SUCCEED;
            for (int i = 0; i < k.geo.hpagePmdNr(); i++) {
                long pteval = t.get(i);
                if (Pte.none(pteval) || (Pte.present(pteval) && Pte.special(pteval))) {
                    if (++none <= maxPtesNone(k)) {
                        continue;
                    }
                    result = ScanResult.SCAN_EXCEED_NONE_PTE;
                    break;
                }
                if (!Pte.present(pteval)) {
                    result = ScanResult.SCAN_PTE_NON_PRESENT; // swap: khugepaged_max_ptes_swap = 0 here
                    break;
                }
                if (Pte.write(pteval)) {
                    writable = true;
                }
                Page page = Memory.vmNormalPage(k, pteval);
                if (page.compoundNr() > 0) {
                    result = ScanResult.SCAN_PAGE_COMPOUND;
                    break;
                }
                if (!PageFlags.test(page, PageFlags.PG_lru, "PageLRU")) {
                    result = ScanResult.SCAN_PAGE_LRU;
                    break;
                }
                if (PageFlags.test(page, PageFlags.PG_locked, "PageLocked")) {
                    result = ScanResult.SCAN_PAGE_LOCK;
                    break;
                }
                if (!PageRef.pageAnon(page)) {
                    result = ScanResult.SCAN_PAGE_ANON;
                    break;
                }
                // "cannot use mapcount: can't collapse if there's a gup pin. The page must only
                // be referenced by the scanned process and possible swap cache."
                boolean swapCache = PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache");
                if (PageRef.pageCount(page) != 1 + (swapCache ? 1 : 0)) {
                    result = ScanResult.SCAN_PAGE_COUNT;
                    break;
                }
                if (Pte.young(pteval) || PageFlags.test(page, PageFlags.PG_referenced, "PageReferenced")) {
                    referenced++;
                }
            }
            Pgtable.pteUnmapUnlock(ref);
            if (result == ScanResult.SCAN_SUCCEED) {
                if (!writable) {
                    result = ScanResult.SCAN_PAGE_RO;
                } else if (referenced == 0) {
                    result = ScanResult.SCAN_LACK_REFERENCED_PAGE;
                }
            }
            return result;
        }
    }

    /**
     * hugepage_vma_revalidate(): after the mmap_lock was dropped, is there still an anonymous VMA
     * covering the whole aligned range, with an anon_vma?
     */
    static VmArea hugepageVmaRevalidate(Kernel k, MmStruct mm, long address) {
        VmArea vma = mm.findVma(address);
        if (vma == null || vma.start() > address || vma.end() < address + k.geo.pmdSize() || !vma.isAnonymous()
                || vma.anonVma.read() == 0) {
            return null;
        }
        return vma;
    }

    /**
     * collapse_huge_page(). Entered with the mmap_lock held for read, which it drops before
     * allocating; returns with no lock held.
     *
     * @see mm/khugepaged.c collapse_huge_page() (v5.6). Takes: mmap_lock for write, anon_vma
     *     lock for write, pmd lock, PTE lock.
     */
    static ScanResult collapseHugePage(Kernel k, MmStruct mm, long address) {
        try (Fn f = Fn.enter(k.x, "collapse_huge_page")) {
            CollapseAnon variant = k.variant(CollapseAnon.class);
            // "Before allocating the hugepage, release the mmap_sem read lock. The allocation
            // can take potentially a long time if it involves sync compaction, and we do not
            // need to hold the mmap_sem during that."
            mm.mmapLock.upRead();
            Page newPage = k.pages.allocHugePage();
            if (newPage == null) {
                return ScanResult.SCAN_ALLOC_HUGE_PAGE_FAIL;
            }
            // "Prevent all access to pagetables with the exception of gup_fast later handled by
            // the ptep_clear_flush and the VM handled by the anon_vma lock."
            mm.mmapLock.downWrite();
            VmArea vma = hugepageVmaRevalidate(k, mm, address);
            Loc pmd = mm.pmdOf(address);
            if (vma == null || !Pmd.table(pmd.read())) {
                mm.mmapLock.upWrite();
                Swap.putPage(k, newPage);
                return vma == null ? ScanResult.SCAN_VMA_CHECK : ScanResult.SCAN_PMD_NULL;
            }
            AnonVma anonVma = AnonVma.deref(k, vma.anonVma.read());
            anonVma.lockWrite();
            MmuNotifier.Range range = new MmuNotifier.Range(mm, address, address + k.geo.pmdSize());
            MmuNotifier.invalidateRangeStart(k, range);
            PteTable table = Pgtable.tableOf(k, pmd.read());
            SpinLock ptePtl = table.ptl;
            SpinLock pmdPtl = Pgtable.pmdLock(mm);
            // "After this gup_fast can't run anymore. This also removes any huge TLB entry from
            // the CPU so we won't allow huge and small TLB entries for the same virtual address
            // to avoid the risk of CPU bugs in that area. Parallel fast GUP is fine since fast
            // GUP will back off when it detects PMD is changed." (the last sentence is v6.2's)
            if (variant != CollapseAnon.NO_PMD_LOCK) {
                pmdPtl.lock();
            }
            long orig = pmdpCollapseFlush(k, vma, address, pmd, variant != CollapseAnon.NO_DETACH);
            if (variant != CollapseAnon.NO_PMD_LOCK) {
                pmdPtl.unlock();
            }
            if (variant == CollapseAnon.COLLAPSE_IPI_SYNC) {
                tlbRemoveTableSyncOne(k);
            }
            MmuNotifier.invalidateRangeEnd(k, range);

            ptePtl.lock();
            List<Page> isolated = collapseHugePageIsolate(k, vma, address, table);
            ptePtl.unlock();
            if (isolated == null) {
                // "We can only use set_pmd_at when establishing hugepmds and never for
                // establishing regular pmds that points to regular pagetables. Use
                // pmd_populate for that."
                pmdPtl.lock();
                if (variant != CollapseAnon.NO_DETACH) {
                    if (!Pmd.none(pmd.read())) {
                        throw k.x.fail(FindingKind.CHECK, CheckNames.VM_BUG_ON, "BUG_ON(!pmd_none(*pmd)) in collapse_huge_page");
                    }
                    pmd.writeOnce(orig); // pmd_populate(mm, pmd, pmd_pgtable(_pmd))
                }
                pmdPtl.unlock();
                anonVma.unlockWrite();
                mm.mmapLock.upWrite();
                Swap.putPage(k, newPage);
                return ScanResult.SCAN_FAIL;
            }
            // "All pages are isolated and locked so anon_vma rmap can't run anymore."
            anonVma.unlockWrite();

            collapseHugePageCopy(k, vma, address, table, newPage, variant);
            PageFlags.nonAtomicSet(newPage, PageFlags.PG_uptodate, "__SetPageUptodate");
            long huge = Pmd.mkHuge(newPage.pfn, Pte._PAGE_USER | Pte._PAGE_DIRTY | Pte._PAGE_ACCESSED
                    | ((vma.flags() & VmFlags.VM_WRITE) != 0 ? Pte._PAGE_RW : 0));
            // "spin_lock() below is not the equivalent of smp_wmb(), so this is needed to avoid
            // the copy_huge_page writes to become visible after the set_pmd_at() write."
            mmrace.engine.sync.Barriers.smpWmb(k.x);
            pmdPtl.lock();
            if (variant != CollapseAnon.NO_DETACH && !Pmd.none(pmd.read())) {
                throw k.x.fail(FindingKind.CHECK, CheckNames.VM_BUG_ON, "BUG_ON(!pmd_none(*pmd)) in collapse_huge_page");
            }
            pageAddNewAnonRmapHuge(k, newPage, vma, address);
            Swap.lruCacheAddActiveOrUnevictable(k, newPage, vma);
            mm.deposited[k.geo.pmdIndex(address)] = table; // pgtable_trans_huge_deposit()
            pmd.writeOnce(huge); // set_pmd_at()
            pmdPtl.unlock();
            mm.mmapLock.upWrite();
            return ScanResult.SCAN_SUCCEED;
        }
    }

    /**
     * pmdp_collapse_flush() (mm/pgtable-generic.c, used by x86 and arm64 in v5.6; power radix
     * adds serialize_against_pte_lookup through {@link mmrace.kernel.arch.Arch#afterPmdpCollapseFlush}):
     * pmdp_huge_get_and_clear(), then flush_tlb_range() over the huge range — an IPI that
     * waits for every CPU of the mm on x86, a broadcast TLBI that waits for no one on arm64.
     * {@code detach == false} is the no-detach counterfactual: the flush without the clear.
     *
     * @return the old PMD value
     */
    static long pmdpCollapseFlush(Kernel k, VmArea vma, long address, Loc pmd, boolean detach) {
        try (Fn f = Fn.enter(k.x, "pmdp_collapse_flush")) {
            long orig = detach ? pmd.rmw(Order.FULL, "pmdp_huge_get_and_clear", v -> 0) : pmd.read();
            Tlb.flushTlbRange(k, vma, address, address + k.geo.pmdSize());
            k.arch.afterPmdpCollapseFlush(k, vma.mm);
            return orig;
        }
    }

    /**
     * tlb_remove_table_sync_one(): an IPI to every other CPU, waited for, so that any
     * IRQs-off lockless walker (gup_fast) that may still see the old table has finished.
     *
     * @see mm/mmu_gather.c tlb_remove_table_sync_one() (2ba99c5e0881, v6.1). Caller holds: no spinlock.
     */
    static void tlbRemoveTableSyncOne(Kernel k) {
        if (!k.arch.rcuTableFree()) {
            return; // a no-op without CONFIG_MMU_GATHER_RCU_TABLE_FREE
        }
        try (Fn f = Fn.enter(k.x, "tlb_remove_table_sync_one")) {
            List<Cpu> all = new ArrayList<>(k.x.cpus());
            Interrupts.smpCallFunctionMany(k.x, all, "tlb_remove_table_smp_sync", c -> { }, true);
        }
    }

    /**
     * __collapse_huge_page_isolate(): under the PTE lock, each source page locked (trylock),
     * with exactly the mapping's reference (+1 swap cache: "can't collapse if there's a gup
     * pin"), isolated from the LRU. On failure releases what it isolated and returns null.
     *
     * @see mm/khugepaged.c __collapse_huge_page_isolate() (v5.6). Caller holds: mmap_lock for
     *     write, anon_vma lock for write, the PTE lock.
     */
    static List<Page> collapseHugePageIsolate(Kernel k, VmArea vma, long address, PteTable t) {
        try (Fn f = Fn.enter(k.x, "__collapse_huge_page_isolate")) {
            List<Page> isolated = new ArrayList<>();
            int none = 0;
            int referenced = 0;
            boolean writable = false;
            for (int i = 0; i < k.geo.hpagePmdNr(); i++) {
                long pteval = t.get(i);
                if (Pte.none(pteval) || (Pte.present(pteval) && Pte.special(pteval))) {
                    if (!Memory.userfaultfdMissing(vma, vma.flags()) && ++none <= maxPtesNone(k)) {
                        continue;
                    }
                    return releasePtePages(k, isolated);
                }
                if (!Pte.present(pteval)) {
                    return releasePtePages(k, isolated);
                }
                Page page = Memory.vmNormalPage(k, pteval);
                if (page.compoundNr() > 0) {
                    return releasePtePages(k, isolated);
                }
                if (!PageFlags.trylockPage(page)) {
                    return releasePtePages(k, isolated);
                }
                // "cannot use mapcount: can't collapse if there's a gup pin. The page must
                // only be referenced by the scanned process and possible swap cache."
                boolean swapCache = PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache");
                if (PageRef.pageCount(page) != 1 + (swapCache ? 1 : 0)) {
                    PageFlags.unlockPage(page);
                    return releasePtePages(k, isolated);
                }
                if (Pte.write(pteval)) {
                    writable = true;
                }
                // "Isolate the page to avoid collapsing an hugepage currently in use by the VM."
                if (!Vmscan.isolateLruPage(k, page)) {
                    PageFlags.unlockPage(page);
                    return releasePtePages(k, isolated);
                }
                isolated.add(page);
                if (Pte.young(pteval) || PageFlags.test(page, PageFlags.PG_referenced, "PageReferenced")) {
                    referenced++;
                }
            }
            if (!writable || referenced == 0) {
                return releasePtePages(k, isolated);
            }
            return isolated;
        }
    }

    /** release_pte_pages(): release_pte_page() of each page isolated so far; returns null. */
    private static List<Page> releasePtePages(Kernel k, List<Page> isolated) {
        for (Page p : isolated) {
            releasePtePage(k, p);
        }
        return null;
    }

    /** release_pte_page(): unlock_page, putback_lru_page (drops the isolation reference). */
    static void releasePtePage(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "release_pte_page")) {
            PageFlags.unlockPage(page);
            Vmscan.putbackLruPage(k, page);
        }
    }

    /**
     * __collapse_huge_page_copy(): per PTE, copy the source page into the huge page, release it
     * (back on the LRU, unlocked: v5.6), then under the PTE lock pte_clear + page_remove_rmap,
     * and free_page_and_swap_cache. yang-v2 unmaps first and, the page being unmapped then,
     * only unlocks it and drops the isolation reference, never putting it back.
     *
     * @see mm/khugepaged.c __collapse_huge_page_copy() (v5.6). Caller holds: mmap_lock for
     *     write; the source pages isolated and locked. Takes: the PTE lock.
     */
    static void collapseHugePageCopy(Kernel k, VmArea vma, long address, PteTable t, Page newPage,
                                     CollapseAnon variant) {
        try (Fn f = Fn.enter(k.x, "__collapse_huge_page_copy")) {
            MmStruct mm = vma.mm;
            long sum = 0;
            for (int i = 0; i < k.geo.hpagePmdNr(); i++, address += Geometry.PAGE_SIZE) {
                long pteval = t.get(i);
                if (Pte.none(pteval) || Pte.special(pteval)) {
                    // clear_user_highpage(); add_mm_counter(vma->vm_mm, MM_ANONPAGES, 1)
                    mm.rss[RssCounter.MM_ANONPAGES.ordinal()].rmw(Order.ONCE, "add_mm_counter(MM_ANONPAGES)", v -> v + 1);
                    if (Pte.special(pteval)) {
                        t.ptl.lock();
                        t.set(i, 0, Order.ONCE, "pte_clear");
                        t.ptl.unlock();
                    }
                    continue;
                }
                Page src = k.pages.page(Pte.pfn(pteval));
                sum += src.data.read(); // copy_user_highpage(): the model's THP holds one word
                if (PageRef.pageMapcount(src) != 1) {
                    throw k.x.fail(FindingKind.CHECK, CheckNames.VM_BUG_ON, "VM_BUG_ON_PAGE(page_mapcount(src_page) != 1) for "
                            + src + " in __collapse_huge_page_copy");
                }
                checkNotPinned(k, mm, address, src);
                if (variant == CollapseAnon.YANG_V2) {
                    t.ptl.lock();
                    t.set(i, 0, Order.ONCE, "pte_clear");
                    Rmap.pageRemoveRmap(k, src, t.ptl);
                    t.ptl.unlock();
                    if (!PageRef.pageMapped(src)) {
                        // "don't have to put being freed page back to lru"
                        PageFlags.unlockPage(src);
                        Swap.putPage(k, src); // the isolation reference
                    } else {
                        releasePtePage(k, src);
                    }
                } else {
                    releasePtePage(k, src);
                    // "ptl mostly unnecessary, but preempt has to be disabled to update the
                    // per-cpu stats inside page_remove_rmap()."
                    t.ptl.lock();
                    t.set(i, 0, Order.ONCE, "pte_clear");
                    Rmap.pageRemoveRmap(k, src, t.ptl);
                    t.ptl.unlock();
                }
                SwapState.freePageAndSwapCache(k, src);
            }
            newPage.data.write(sum);
        }
    }

    /** The collapse's half of gup-page-mapped: it must not replace a page GUP committed to. */
    private static void checkNotPinned(Kernel k, MmStruct mm, long address, Page src) {
        for (Kernel.GupPin pin : k.gupPins()) {
            if (pin.page() == src && pin.mm() == mm && pin.addr() == address) {
                throw k.x.fail(FindingKind.CHECK, CheckNames.GUP_PAGE_MAPPED, "khugepaged replaces " + src + " at 0x"
                        + Long.toHexString(address) + " of " + mm + " while get_user_pages_fast holds it: writes through the pin are lost");
            }
        }
    }

    /**
     * page_add_new_anon_rmap(page, vma, address, true) of a THP: compound_mapcount 0 (the head's
     * _mapcount in the model), SwapBacked, anon_vma. Caller holds: the pmd lock.
     */
    static void pageAddNewAnonRmapHuge(Kernel k, Page p, VmArea vma, long address) {
        try (Fn f = Fn.enter(k.x, "page_add_new_anon_rmap")) {
            PageFlags.nonAtomicSet(p, PageFlags.PG_swapbacked, "__SetPageSwapBacked");
            p.mapcount.store(0, Order.ONCE, "atomic_set(compound_mapcount_ptr(page), 0)");
            Rmap.pageSetAnonRmap(k, p, vma, address, true);
        }
    }
}
