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
            Rmap.pageAddAnonRmap(k, page, vma, vmf.address, exclusive);
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
     * __read_swap_cache_async() + swap_readpage(): a new page, locked and swap-backed, into the
     * swap cache for {@code entry}, read from the slot. If another task is doing the same
     * (swapcache_prepare finds SWAP_HAS_CACHE) this returns what the cache holds, possibly
     * nothing, instead of waiting: the fault is then retried.
     */
    static Page readSwapCacheAsync(Kernel k, long entry) {
        try (Fn f = Fn.enter(k.x, "read_swap_cache_async")) {
            Page found = Filemap.findGetPage(k, k.swap.swapCache, (int) entry);
            if (found != null) {
                return found;
            }
            Page page = k.pages.allocPage(false);
            if (page == null) {
                return null;
            }
            SwapInfo si = k.swap;
            si.lock.lock();
            long count = si.swapMap[(int) entry].read();
            boolean prepared = count != 0 && (count & SwapInfo.SWAP_HAS_CACHE) == 0;
            if (prepared) {
                si.swapMap[(int) entry].write(count | SwapInfo.SWAP_HAS_CACHE);
            }
            si.lock.unlock();
            if (!prepared) {
                Swap.putPage(k, page);
                return Filemap.findGetPage(k, k.swap.swapCache, (int) entry);
            }
            PageFlags.nonAtomicSet(page, PageFlags.PG_locked, "__SetPageLocked");
            page.lockOwner = k.x.current();
            PageFlags.nonAtomicSet(page, PageFlags.PG_swapbacked, "__SetPageSwapBacked");
            SwapState.addToSwapCache(k, page, entry);
            Swap.lruCacheAdd(k, page);
            // swap_readpage(): synchronous here.
            page.data.write(si.slotData[(int) entry].read());
            PageFlags.set(page, PageFlags.PG_uptodate, "SetPageUptodate");
            PageFlags.unlockPage(page);
            return page;
        }
    }
}
