package mmrace.kernel.mm;

import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.variant.SwapInKsmCopy;

/**
 * Swap-in (mm/memory.c do_swap_page, mm/swap_state.c read_swap_cache_async, v5.6), and the
 * wait on a migration entry that do_swap_page() also handles. No
 * readahead, no SWP_SYNCHRONOUS_IO shortcut; reading the slot is synchronous. The KSM-copy
 * branch is 5.3's ({@link SwapInKsmCopy}).
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
            if (Pte.isMigrationEntry(vmf.origPte)) {
                // non_swap_entry(entry) && is_migration_entry(entry): wait for the migration to
                // finish; returning 0 retries the fault.
                MigrationPtes.migrationEntryWait(k, vma.mm, vmf.pmd, vmf.address);
                return 0;
            }
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
            // "page = ksm_might_need_to_copy(page, vma, vmf->address);" (5.3)
            Page swapcache = page;
            page = ksmMightNeedToCopy(k, page, vma, vmf.address);
            if (page == null) {
                PageFlags.unlockPage(swapcache);
                Swap.putPage(k, swapcache);
                return VmFault.VM_FAULT_OOM;
            }
            boolean copied = page != swapcache;
            if (!vmf.mapLock(k) || vmf.pte() != vmf.origPte) {
                if (vmf.table != null && vmf.table.ptl.heldBy(k.x.current())) {
                    vmf.unlock();
                }
                PageFlags.unlockPage(page);
                Swap.putPage(k, page);
                if (copied) {
                    PageFlags.unlockPage(swapcache);
                    Swap.putPage(k, swapcache);
                }
                return ret;
            }
            if (!PageFlags.test(page, PageFlags.PG_uptodate, "PageUptodate")) {
                vmf.unlock();
                PageFlags.unlockPage(page);
                Swap.putPage(k, page);
                if (copied) {
                    PageFlags.unlockPage(swapcache);
                    Swap.putPage(k, swapcache);
                }
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
            boolean yuV3 = k.variant(SwapInKsmCopy.class) == SwapInKsmCopy.YU_V3;
            if (copied && yuV3) {
                Rmap.pageAddNewAnonRmap(k, page, vma, vmf.address);
                Swap.lruCacheAddActiveOrUnevictable(k, page, vma);
            }
            vmf.table.set(vmf.index, pte, Order.PLAIN, "set_pte_at");
            vmf.origPte = pte;
            if (copied) {
                // "ksm created a completely new copy" — 5.3 makes it reachable (set_pte_at
                // above) before page_add_new_anon_rmap's non-atomic __SetPageSwapBacked.
                if (!yuV3) {
                    Rmap.pageAddNewAnonRmap(k, page, vma, vmf.address);
                    Swap.lruCacheAddActiveOrUnevictable(k, page, vma);
                }
            } else {
                Rmap.pageAddAnonRmap(k, page, vma, vmf.address, exclusive, vmf.table.ptl);
                Swap.activatePage(k, page);
            }
            Swapfile.swapFree(k, entry);
            Swapfile.tryToFreeSwap(k, page);
            PageFlags.unlockPage(page);
            if (copied) {
                // "Hold the lock to avoid the swap entry to be reused until we take the PT lock
                // for the pte_same() check"
                PageFlags.unlockPage(swapcache);
                Swap.putPage(k, swapcache);
            }
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
                // eb085574a752: each use of swap_map and the swap address space inside
                // get_swap_device()/put_swap_device() (no-ops before it).
                if (!Swapoff.getSwapDevice(k)) {
                    break;
                }
                Page found = Filemap.findGetPage(k, si.swapCache, e);
                if (found != null) {
                    Swapoff.putSwapDevice(k);
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
                    Swapoff.putSwapDevice(k);
                    break;
                }
                if (page == null) {
                    page = k.pages.allocPage(false);
                    if (page == null) {
                        Swapoff.putSwapDevice(k);
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
                // From here SWAP_HAS_CACHE (ours) keeps swapoff's try_to_unuse waiting for the page.
                Swapoff.putSwapDevice(k);
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

    /**
     * ksm_might_need_to_copy(): a swap-cache page that is KSM's, or belongs to another anon_vma,
     * or sits at another index (mremap since), cannot be mapped here as it is: copy it into a
     * new page, dirty, uptodate and locked (the KSM stable tree is not modelled: no PageKsm).
     *
     * @see mm/ksm.c ksm_might_need_to_copy() (5.3). Caller holds: the swap-cache page locked.
     * @return the page to map (a new locked copy, or {@code page}), or null when out of memory
     */
    static Page ksmMightNeedToCopy(Kernel k, Page page, VmArea vma, long address) {
        long m = page.mapping.read();
        if ((m & AnonVma.PAGE_MAPPING_ANON) == 0 || m == 0) {
            return page; // "no need to copy it"
        }
        AnonVma av = AnonVma.deref(k, m & ~AnonVma.PAGE_MAPPING_FLAGS);
        AnonVma mine = AnonVma.deref(k, vma.anonVma.read());
        if (av.root.read() == mine.root.read() && page.index.read() == vma.linearPageIndex(address)) {
            return page; // "still no need to copy it"
        }
        if (!PageFlags.test(page, PageFlags.PG_uptodate, "PageUptodate")) {
            return page; // "let do_swap_page report the error"
        }
        try (Fn f = Fn.enter(k.x, "ksm_might_need_to_copy")) {
            Page copy = k.pages.allocPage(false);
            if (copy == null) {
                return null;
            }
            copy.data.write(page.data.read()); // copy_user_highpage()
            PageFlags.set(copy, PageFlags.PG_dirty, "SetPageDirty");
            PageFlags.nonAtomicSet(copy, PageFlags.PG_uptodate, "__SetPageUptodate");
            PageFlags.nonAtomicSet(copy, PageFlags.PG_locked, "__SetPageLocked");
            copy.lockOwner = k.x.current();
            return copy;
        }
    }
}
