package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Loc;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;

/**
 * Swap slots (mm/swapfile.c, v5.6) on the one device, under si->lock (swap clusters and the
 * per-CPU slot caches are not modelled). swap_map[offset] counts the swap PTEs referring to
 * the slot, plus SWAP_HAS_CACHE while a swap-cache page holds it.
 */
public final class Swapfile {
    private Swapfile() {
    }

    /**
     * get_swap_page(): a free slot, taken with SWAP_HAS_CACHE; 0 if the device is full.
     * Caller holds: the page lock.
     */
    public static long getSwapPage(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "get_swap_page")) {
            SwapInfo si = k.swap;
            si.lock.lock();
            long found = 0;
            for (int off = 1; off < si.swapMap.length; off++) {
                if (si.swapMap[off].read() == 0) {
                    si.swapMap[off].write(SwapInfo.SWAP_HAS_CACHE);
                    found = off;
                    break;
                }
            }
            si.lock.unlock();
            return found;
        }
    }

    /** swap_duplicate(): one more swap PTE refers to the slot. */
    public static void swapDuplicate(Kernel k, long offset) {
        try (Fn f = Fn.enter(k.x, "swap_duplicate")) {
            SwapInfo si = k.swap;
            si.lock.lock();
            Loc m = si.swapMap[(int) offset];
            long count = m.read();
            if (count == 0) {
                si.lock.unlock();
                throw k.x.fail(FindingKind.CHECK, CheckNames.VM_BUG_ON, "swap_duplicate of free swap slot " + offset);
            }
            m.write(count + 1);
            si.lock.unlock();
        }
    }

    /** __swap_entry_free(): one swap PTE less; returns the remaining count (with SWAP_HAS_CACHE). */
    static long swapEntryFree(Kernel k, long offset) {
        SwapInfo si = k.swap;
        si.lock.lock();
        Loc m = si.swapMap[(int) offset];
        long count = m.read();
        long usage = count & ~SwapInfo.SWAP_HAS_CACHE;
        if (usage == 0) {
            si.lock.unlock();
            throw k.x.fail(FindingKind.CHECK, CheckNames.VM_BUG_ON, "swap_free of swap slot " + offset
                    + " with no swap PTE (Bad swap offset entry)");
        }
        long now = count - 1;
        m.write(now);
        si.lock.unlock();
        return now;
    }

    /** swap_free(). */
    public static void swapFree(Kernel k, long offset) {
        try (Fn f = Fn.enter(k.x, "swap_free")) {
            swapEntryFree(k, offset);
        }
    }

    /** put_swap_page(): the swap cache lets go of the slot. */
    public static void putSwapPage(Kernel k, long offset) {
        try (Fn f = Fn.enter(k.x, "put_swap_page")) {
            SwapInfo si = k.swap;
            si.lock.lock();
            Loc m = si.swapMap[(int) offset];
            m.write(m.read() & ~SwapInfo.SWAP_HAS_CACHE);
            si.lock.unlock();
        }
    }

    /**
     * free_swap_and_cache(): a swap PTE goes away (zap); if only the swap cache still holds
     * the slot, try to reclaim that page too.
     */
    public static void freeSwapAndCache(Kernel k, long offset) {
        try (Fn f = Fn.enter(k.x, "free_swap_and_cache")) {
            long count = swapEntryFree(k, offset);
            if (count == SwapInfo.SWAP_HAS_CACHE) {
                tryToReclaimSwap(k, offset);
            }
        }
    }

    /** __try_to_reclaim_swap(si, offset, TTRS_UNMAPPED | TTRS_FULL). */
    static void tryToReclaimSwap(Kernel k, long offset) {
        try (Fn f = Fn.enter(k.x, "__try_to_reclaim_swap")) {
            Page page = Filemap.findGetPage(k, k.swap.swapCache, (int) offset);
            if (page == null) {
                return;
            }
            if (PageFlags.trylockPage(page)) {
                if (!PageRef.pageMapped(page)) {
                    tryToFreeSwap(k, page);
                }
                PageFlags.unlockPage(page);
            }
            Swap.putPage(k, page);
        }
    }

    /** page_swapcount(): swap PTEs referring to the page's slot. */
    static long pageSwapcount(Kernel k, Page page) {
        long offset = page.priv.read();
        SwapInfo si = k.swap;
        si.lock.lock();
        long count = si.swapMap[(int) offset].read() & ~SwapInfo.SWAP_HAS_CACHE;
        si.lock.unlock();
        return count;
    }

    /**
     * try_to_free_swap(): drop a swap-cache page's slot if no swap PTE refers to it any more.
     *
     * @see mm/swapfile.c try_to_free_swap() (v5.6). Caller holds: the page lock.
     */
    public static boolean tryToFreeSwap(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "try_to_free_swap")) {
            PageFlags.assertLocked(page, "try_to_free_swap");
            if (!PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache")) {
                return false;
            }
            if (PageFlags.test(page, PageFlags.PG_writeback, "PageWriteback")) {
                return false;
            }
            if (pageSwapcount(k, page) != 0) {
                return false;
            }
            SwapState.deleteFromSwapCache(k, page);
            PageFlags.set(page, PageFlags.PG_dirty, "SetPageDirty");
            return true;
        }
    }
}
