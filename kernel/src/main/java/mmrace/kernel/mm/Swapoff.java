package mmrace.kernel.mm;

import mmrace.engine.mem.Order;
import mmrace.engine.sync.Rcu;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.variant.SwapDevice;

/**
 * swapoff(2) of the one swap device (mm/swapfile.c, 4.15 with eb085574a752 as a variant):
 * try_to_unuse() brings every swapped page back and points its PTEs at it (unuse_pte), then
 * the swap structures are freed — swap_map (vfree) and the swap cache's address space
 * (exit_swap_address_space). A swap-in that read a swap PTE before try_to_unuse changed it
 * may still be on its way to them: eb085574a752's get_swap_device() ({@link SwapDevice}).
 */
public final class Swapoff {
    private Swapoff() {
    }

    /**
     * get_swap_device(): rcu_read_lock, then the device must still be SWP_VALID; returns false
     * (and leaves the RCU section) if not. Before eb085574a752: always true, no RCU.
     *
     * @see mm/swapfile.c get_swap_device() (eb085574a752, v5.1)
     */
    public static boolean getSwapDevice(Kernel k) {
        if (k.variant(SwapDevice.class) != SwapDevice.GET_SWAP_DEVICE) {
            return true;
        }
        try (Fn f = Fn.enter(k.x, "get_swap_device")) {
            Rcu.rcuReadLock(k.x);
            if ((k.swap.flags.load(Order.ONCE, "si->flags") & SwapInfo.SWP_VALID) == 0) {
                Rcu.rcuReadUnlock(k.x);
                return false;
            }
            return true;
        }
    }

    /** put_swap_device(): rcu_read_unlock. */
    public static void putSwapDevice(Kernel k) {
        if (k.variant(SwapDevice.class) == SwapDevice.GET_SWAP_DEVICE) {
            Rcu.rcuReadUnlock(k.x);
        }
    }

    /**
     * sys_swapoff(): try_to_unuse(), then (eb085574a752) clear SWP_VALID and synchronize_rcu(),
     * then free swap_map and the swap address space.
     *
     * @see mm/swapfile.c SYSCALL_DEFINE1(swapoff) (4.15; eb085574a752)
     */
    public static void swapoff(Kernel k) {
        try (Fn f = Fn.enter(k.x, "sys_swapoff")) {
            SwapInfo si = k.swap;
            if (tryToUnuse(k) != 0) {
                return; // the kernel reinserts the device (reinsert_swap_info): nothing was freed
            }
            if (k.variant(SwapDevice.class) == SwapDevice.GET_SWAP_DEVICE) {
                si.lock.lock();
                si.flags.write(si.flags.read() & ~SwapInfo.SWP_VALID); // "mark swap device as invalid"
                si.lock.unlock();
                // "wait for swap operations protected by get/put_swap_device() to complete"
                Rcu.synchronizeRcu(k.x);
            }
            si.lock.lock();
            si.flags.write(0); // p->flags = 0
            si.lock.unlock();
            si.mapCache.free(si.swapMapArea); // vfree(swap_map)
            si.spacesCache.free(si.spacesArea); // exit_swap_address_space(): kvfree(spaces)
        }
    }

    /**
     * try_to_unuse(): for each slot still referenced by swap PTEs, read the page into the swap
     * cache (or find it), lock it, unuse_mm() every mm, then take it out of the swap cache.
     *
     * @see mm/swapfile.c try_to_unuse() unuse_mm() unuse_pte() (4.15)
     */
    static int tryToUnuse(Kernel k) {
        try (Fn f = Fn.enter(k.x, "try_to_unuse")) {
            SwapInfo si = k.swap;
            for (int off = 1; off < si.swapMap.length; off++) {
                // find_next_to_unuse(): any count, SWAP_HAS_CACHE alone included.
                if (si.swapMap[off].readOnce() == 0) {
                    continue;
                }
                Page page = SwapIn.readSwapCacheAsync(k, off);
                if (page == null) {
                    // "Either swap_duplicate() failed because entry has been freed
                    // independently [...] or alloc_page() failed."
                    if (si.swapMap[off].readOnce() == 0) {
                        continue;
                    }
                    return -12; // -ENOMEM: swapoff fails and the device stays
                }
                PageFlags.lockPage(page);
                for (MmStruct mm : k.allMms()) {
                    if (!mm.exited()) {
                        unuseMm(k, mm, off, page);
                    }
                }
                if (PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache") && Swapfile.pageSwapcount(k, page) == 0) {
                    SwapState.deleteFromSwapCache(k, page);
                    PageFlags.set(page, PageFlags.PG_dirty, "SetPageDirty");
                }
                PageFlags.unlockPage(page);
                Swap.putPage(k, page);
            }
            return 0;
        }
    }

    /** unuse_mm(): every PTE of {@code mm} holding the entry, under mmap_lock for read. */
    static void unuseMm(Kernel k, MmStruct mm, long entry, Page page) {
        try (Fn f = Fn.enter(k.x, "unuse_mm")) {
            mm.mmapLock.downRead();
            for (VmArea vma : mm.vmaList()) {
                if (!vma.isAnonymous() && vma.anonVma.read() == 0) {
                    continue;
                }
                for (long addr = vma.start(); addr < vma.end(); addr += mmrace.kernel.Geometry.PAGE_SIZE) {
                    PteTable t = Pgtable.tableOf(k, mm.pmdOf(addr).read());
                    if (t != null && t.get(k.geo.pteIndex(addr)) == Pte.swpEntry(entry)) {
                        unusePte(k, vma, addr, entry, page);
                    }
                }
            }
            mm.mmapLock.upRead();
        }
    }

    /**
     * unuse_pte(): under the PTE lock, if the PTE still holds the entry: the counters, a
     * reference, set_pte_at, page_add_anon_rmap (4.15 order: the PTE first), swap_free.
     *
     * @see mm/swapfile.c unuse_pte() (4.15). Caller holds: mmap_lock for read, the page lock.
     */
    static void unusePte(Kernel k, VmArea vma, long addr, long entry, Page page) {
        try (Fn f = Fn.enter(k.x, "unuse_pte")) {
            Pgtable.PteRef ref = Pgtable.pteOffsetMapLock(k, vma.mm, vma.mm.pmdOf(addr), addr);
            if (ref == null || ref.get() != Pte.swpEntry(entry)) {
                if (ref != null) {
                    Pgtable.pteUnmapUnlock(ref);
                }
                return;
            }
            MmCounters.dec(vma.mm, RssCounter.MM_SWAPENTS);
            MmCounters.inc(vma.mm, RssCounter.MM_ANONPAGES);
            PageRef.getPage(page);
            ref.table().set(ref.index(), Pte.mk(page.pfn, VmFlags.pageProt(vma.flags())), Order.PLAIN, "set_pte_at");
            Rmap.pageAddAnonRmap(k, page, vma, addr, false, ref.ptl());
            Swapfile.swapFree(k, entry);
            Swap.activatePage(k, page);
            Pgtable.pteUnmapUnlock(ref);
        }
    }
}
