package mmrace.kernel.mm;

import mmrace.engine.mem.Order;
import mmrace.engine.sync.Barriers;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * Write-protect faults (mm/memory.c do_wp_page, v5.6): reuse the page when this mapping is its
 * only user, else copy it (copy-on-write).
 */
public final class WpPage {
    private WpPage() {
    }

    /**
     * do_wp_page(): entered with the PTE lock held and vmf->orig_pte read-only. An anonymous
     * page is reused if, under its page lock, reuse_swap_page() finds this the only mapping and
     * no swap reference; a shared writable file mapping is made writable; anything else is copied.
     *
     * @see mm/memory.c do_wp_page() (v5.6). Caller holds: mmap_lock for read, the PTE lock
     *     (released here).
     */
    static int doWpPage(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "do_wp_page")) {
            VmArea vma = vmf.vma;
            vmf.page = Memory.vmNormalPage(k, vmf.origPte);
            if (vmf.page == null) {
                vmf.unlock();
                return wpPageCopy(k, vmf);
            }
            Page page = vmf.page;
            if (PageRef.pageAnon(page)) {
                if (!PageFlags.trylockPage(page)) {
                    PageRef.getPage(page);
                    vmf.unlock();
                    PageFlags.lockPage(page);
                    if (!vmf.mapLock(k) || vmf.pte() != vmf.origPte) {
                        PageFlags.unlockPage(page);
                        if (vmf.table != null && vmf.table.ptl.heldBy(k.x.current())) {
                            vmf.unlock();
                        }
                        Swap.putPage(k, page);
                        return 0;
                    }
                    Swap.putPage(k, page);
                }
                if (reuseSwapPage(k, page)) {
                    // page_move_anon_rmap() for a page that is "all ours" is not modelled
                    // (no anon_vma reuse across fork here).
                    PageFlags.unlockPage(page);
                    wpPageReuse(k, vmf);
                    return VmFault.VM_FAULT_WRITE;
                }
                PageFlags.unlockPage(page);
            } else if ((vma.flags() & (VmFlags.VM_WRITE | VmFlags.VM_SHARED)) == (VmFlags.VM_WRITE | VmFlags.VM_SHARED)) {
                // wp_page_shared(): no ->page_mkwrite here; dirty it and reuse.
                PageRef.getPage(page);
                wpPageReuse(k, vmf);
                PageFlags.lockPage(page);
                Writeback.setPageDirty(k, page);
                PageFlags.unlockPage(page);
                Swap.putPage(k, page);
                return VmFault.VM_FAULT_WRITE;
            }
            PageRef.getPage(page);
            vmf.unlock();
            return wpPageCopy(k, vmf);
        }
    }

    /**
     * reuse_swap_page() of a small page: can the faulting mapping write to it in place? Only if
     * mapcount + swapcount is 1; a swap-cache page it reuses leaves the swap cache.
     *
     * @see mm/swapfile.c reuse_swap_page() (v5.6). Caller holds: the page lock.
     */
    static boolean reuseSwapPage(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "reuse_swap_page")) {
            PageFlags.assertLocked(page, "reuse_swap_page");
            long count = PageRef.pageMapcount(page);
            boolean swapCache = PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache");
            if (swapCache) {
                count += Swapfile.pageSwapcount(k, page);
            }
            if (count == 1 && swapCache && !PageFlags.test(page, PageFlags.PG_writeback, "PageWriteback")) {
                SwapState.deleteFromSwapCache(k, page);
                PageFlags.set(page, PageFlags.PG_dirty, "SetPageDirty");
            }
            return count <= 1;
        }
    }

    /** wp_page_reuse(): make the PTE young, dirty and writable in place. Releases the PTE lock. */
    static void wpPageReuse(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "wp_page_reuse")) {
            long entry = Pte.mkyoung(vmf.origPte);
            entry = Pte.mkdirty(entry);
            if ((vmf.vma.flags() & VmFlags.VM_WRITE) != 0) {
                entry = Pte.mkwrite(entry);
            }
            if (vmf.pte() != entry) {
                vmf.table.set(vmf.index, entry, Order.PLAIN, "ptep_set_access_flags");
            }
            vmf.unlock();
        }
    }

    /**
     * wp_page_copy(): copy the old page (or zero a new one for the zero page), then under the
     * PTE lock, if the PTE is unchanged: clear and flush it first ("This will avoid a race
     * condition seen in the presence of one thread doing SMC and another thread doing COW"),
     * map the new page, and only then remove the old page's rmap ("Only after switching the pte
     * to the new page may we remove the mapcount here").
     *
     * @see mm/memory.c wp_page_copy() (v5.6). Caller holds: mmap_lock for read; a reference
     *     on vmf->page (if any), which this drops.
     */
    static int wpPageCopy(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "wp_page_copy")) {
            VmArea vma = vmf.vma;
            MmStruct mm = vma.mm;
            Page oldPage = vmf.page;
            if (!AnonVmas.anonVmaPrepare(k, vma)) {
                return oom(k, oldPage);
            }
            Page newPage = k.pages.allocPage(oldPage == null);
            if (newPage == null) {
                return oom(k, oldPage);
            }
            if (oldPage != null) {
                newPage.data.write(oldPage.data.read()); // cow_user_page()
            }
            Barriers.smpWmb(k.x);
            PageFlags.nonAtomicSet(newPage, PageFlags.PG_uptodate, "__SetPageUptodate");
            boolean copied = false;
            Page toPut = newPage;
            if (vmf.mapLock(k) && vmf.pte() == vmf.origPte) {
                if (oldPage != null) {
                    if (!PageRef.pageAnon(oldPage)) {
                        MmCounters.dec(mm, Memory.mmCounterFile(oldPage));
                        MmCounters.inc(mm, RssCounter.MM_ANONPAGES);
                    }
                } else {
                    MmCounters.inc(mm, RssCounter.MM_ANONPAGES);
                }
                long vmFlags = vma.flags();
                long entry = Pte.mkdirty(Pte.mk(newPage.pfn, VmFlags.pageProt(vmFlags)));
                if ((vmFlags & VmFlags.VM_WRITE) != 0) {
                    entry = Pte.mkwrite(entry);
                }
                Tlb.ptepClearFlush(k, vma, vmf.address, vmf.table, vmf.index);
                Rmap.pageAddNewAnonRmap(k, newPage, vma, vmf.address);
                Swap.lruCacheAddActiveOrUnevictable(k, newPage, vma);
                vmf.table.set(vmf.index, entry, Order.PLAIN, "set_pte_at_notify");
                if (oldPage != null) {
                    Rmap.pageRemoveRmap(k, oldPage, vmf.table.ptl);
                }
                toPut = oldPage;
                copied = true;
            }
            if (toPut != null) {
                Swap.putPage(k, toPut);
            }
            if (vmf.table != null && vmf.table.ptl.heldBy(k.x.current())) {
                vmf.unlock();
            }
            if (oldPage != null) {
                Swap.putPage(k, oldPage);
            }
            return copied ? VmFault.VM_FAULT_WRITE : 0;
        }
    }

    private static int oom(Kernel k, Page oldPage) {
        if (oldPage != null) {
            Swap.putPage(k, oldPage);
        }
        return VmFault.VM_FAULT_OOM;
    }
}
