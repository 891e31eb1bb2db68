package mmrace.kernel.mm;

import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * Swap-in (mm/memory.c do_swap_page, mm/swap_state.c read_swap_cache_async, v5.6). No
 * readahead, no SWP_SYNCHRONOUS_IO shortcut, no KSM copy; reading the slot is synchronous.
 */
public final class SwapIn {
    private SwapIn() {
    }

    /**
     * do_swap_page(): find or read the page into the swap cache, lock it, check it is still the
     * swap cache page of this entry, then under the PTE lock, if the PTE still holds the entry:
     * rss, set_pte_at, then the rmap (v5.6 sets the PTE first), swap_free, try_to_free_swap
     * (vm_swap_full() is taken as true: the device is tiny), and a write breaks COW.
     *
     * @see mm/memory.c do_swap_page() (v5.6). Caller holds: mmap_lock for read.
     */
    static int doSwapPage(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "do_swap_page")) {
            VmArea vma = vmf.vma;
            long entry = Pte.swpOffset(vmf.origPte);
            int ret = 0;
            Page page = SwapState.lookupSwapCache(k, entry);
            if (page == null) {
                page = readSwapCacheAsync(k, entry);
                if (page == null) {
                    // "Back out if somebody else faulted in this pte while we released the pte lock."
                    if (!vmf.mapLock(k)) {
                        return 0;
                    }
                    if (vmf.pte() == vmf.origPte) {
                        ret = VmFault.VM_FAULT_OOM;
                    }
                    vmf.unlock();
                    return ret;
                }
                ret = VmFault.VM_FAULT_MAJOR;
            }
            PageFlags.lockPage(page);
            // "Make sure try_to_free_swap or reuse_swap_page or swapoff did not release the
            // swapcache from under us."
            if (!PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache") || page.priv.read() != entry) {
                PageFlags.unlockPage(page);
                Swap.putPage(k, page);
                return ret;
            }
            if (!vmf.mapLock(k) || vmf.pte() != vmf.origPte) {
                if (vmf.table != null && vmf.table.ptl.heldBy(k.x.current())) {
                    vmf.unlock();
                }
                PageFlags.unlockPage(page);
                Swap.putPage(k, page);
                return ret;
            }
            if (!PageFlags.test(page, PageFlags.PG_uptodate, "PageUptodate")) {
                vmf.unlock();
                PageFlags.unlockPage(page);
                Swap.putPage(k, page);
                return VmFault.VM_FAULT_SIGBUS;
            }
            MmStruct mm = vma.mm;
            MmCounters.inc(mm, RssCounter.MM_ANONPAGES);
            MmCounters.dec(mm, RssCounter.MM_SWAPENTS);
            long vmFlags = vma.flags();
            long pte = Pte.mk(page.pfn, VmFlags.pageProt(vmFlags));
            boolean exclusive = false;
            if (vmf.write() && WpPage.reuseSwapPage(k, page)) {
                pte = Pte.mkdirty(pte);
                if ((vmFlags & VmFlags.VM_WRITE) != 0) {
                    pte = Pte.mkwrite(pte);
                }
                vmf.flags &= ~VmFault.FAULT_FLAG_WRITE;
                ret |= VmFault.VM_FAULT_WRITE;
                exclusive = true;
            }
            vmf.table.set(vmf.index, pte, Order.PLAIN, "set_pte_at");
            vmf.origPte = pte;
            Rmap.pageAddAnonRmap(k, page, vma, vmf.address, exclusive, vmf.table.ptl);
            Swap.activatePage(k, page);
            Swapfile.swapFree(k, entry);
            Swapfile.tryToFreeSwap(k, page);
            PageFlags.unlockPage(page);
            if (vmf.write()) {
                ret |= WpPage.doWpPage(k, vmf);
                return (ret & VmFault.VM_FAULT_ERROR) != 0 ? ret & VmFault.VM_FAULT_ERROR : ret;
            }
            vmf.unlock();
            return ret;
        }
    }

    /**
     * __read_swap_cache_async() + swap_readpage(): find the page in the swap cache, or put a new
     * one there (locked, swap-backed) and read the slot into it. swapcache_prepare() sets
     * SWAP_HAS_CACHE; if someone else holds it (-EEXIST: adding the page, or removing it) the
     * kernel loops, which the model does as a wait for the swap cache slot to fill or
     * SWAP_HAS_CACHE to go.
     *
     * @see mm/swap_state.c __read_swap_cache_async() (v5.6)
     * @return the page with a reference, or null if the swap entry was freed or memory ran out
     */
    static Page readSwapCacheAsync(Kernel k, long entry) {
        try (Fn f = Fn.enter(k.x, "read_swap_cache_async")) {
            SwapInfo si = k.swap;
            int e = (int) entry;
            Page page = null;
            for (;;) {
                Page found = Filemap.findGetPage(k, si.swapCache, e);
                if (found != null) {
                    if (page != null) {
                        Swap.putPage(k, page);
                    }
                    return found;
                }
                // "Just skip read ahead for unused swap slot."
                si.lock.lock();
                long count = si.swapMap[e].read();
                si.lock.unlock();
                if ((count & ~SwapInfo.SWAP_HAS_CACHE) == 0) {
                    break;
                }
                if (page == null) {
                    page = k.pages.allocPage(false);
                    if (page == null) {
                        return null;
                    }
                }
                // swapcache_prepare()
                si.lock.lock();
                count = si.swapMap[e].read();
                boolean exists = (count & SwapInfo.SWAP_HAS_CACHE) != 0;
                if (count != 0 && !exists) {
                    si.swapMap[e].write(count | SwapInfo.SWAP_HAS_CACHE);
                }
                si.lock.unlock();
                if (count == 0) {
                    break;
                }
                if (exists) {
                    mmrace.engine.mem.Loc slot = si.swapCache.iPages[e];
                    mmrace.engine.mem.Loc map = si.swapMap[e];
                    mmrace.kernel.Ops.spinUntil(k.x, "swapcache_prepare: -EEXIST, retry", new mmrace.engine.mem.Loc[] {slot, map},
                            () -> k.x.memory().peek(slot) != 0 || (k.x.memory().peek(map) & SwapInfo.SWAP_HAS_CACHE) == 0);
                    continue;
                }
                PageFlags.nonAtomicSet(page, PageFlags.PG_locked, "__SetPageLocked");
                page.lockOwner = k.x.current();
                PageFlags.nonAtomicSet(page, PageFlags.PG_swapbacked, "__SetPageSwapBacked");
                SwapState.addToSwapCache(k, page, entry);
                Swap.lruCacheAdd(k, page);
                // swap_readpage(): synchronous here.
                page.data.write(si.slotData[e].read());
                PageFlags.set(page, PageFlags.PG_uptodate, "SetPageUptodate");
                PageFlags.unlockPage(page);
                return page;
            }
            if (page != null) {
                Swap.putPage(k, page);
            }
            return null;
        }
    }
}
