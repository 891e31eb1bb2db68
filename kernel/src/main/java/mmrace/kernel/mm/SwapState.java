package mmrace.kernel.mm;

import java.util.List;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/** The swap cache (mm/swap_state.c, v5.6). */
public final class SwapState {
    private SwapState() {
    }

    /**
     * add_to_swap(): give a locked anonymous page a swap slot and put it in the swap cache,
     * dirty, so reclaim writes it out.
     *
     * @see mm/swap_state.c add_to_swap() (v5.6). Caller holds: the page lock.
     * @return false if no slot was free
     */
    public static boolean addToSwap(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "add_to_swap")) {
            PageFlags.assertLocked(page, "add_to_swap");
            long entry = Swapfile.getSwapPage(k, page);
            if (entry == 0) {
                return false;
            }
            addToSwapCache(k, page, entry);
            Writeback.setPageDirty(k, page);
            return true;
        }
    }

    /**
     * add_to_swap_cache(): a reference for the cache, PG_swapcache, page->private = entry, and
     * the slot in the swap cache's i_pages.
     *
     * @see mm/swap_state.c add_to_swap_cache() (v5.6). Caller holds: the page lock. Takes: i_pages lock.
     */
    public static void addToSwapCache(Kernel k, Page page, long entry) {
        try (Fn f = Fn.enter(k.x, "add_to_swap_cache")) {
            AddressSpace sc = k.swap.swapCache;
            PageRef.pageRefAdd(page, 1, "page_ref_add");
            PageFlags.set(page, PageFlags.PG_swapcache, "SetPageSwapCache");
            sc.iPagesLock.lockIrq();
            page.priv.write(entry);
            sc.iPages[(int) entry].storeRelease(page.pfn);
            sc.nrpages.write(sc.nrpages.read() + 1);
            sc.iPagesLock.unlockIrq();
        }
    }

    /** __delete_from_swap_cache(). Caller holds: the page lock and the swap cache's i_pages lock. */
    static void deleteFromSwapCacheLocked(Kernel k, Page page, long entry) {
        AddressSpace sc = k.swap.swapCache;
        sc.iPagesLock.assertHeld();
        page.priv.write(0);
        sc.iPages[(int) entry].writeOnce(0);
        PageFlags.clear(page, PageFlags.PG_swapcache, "ClearPageSwapCache");
        sc.nrpages.write(sc.nrpages.read() - 1);
    }

    /**
     * delete_from_swap_cache(): out of the swap cache, slot released, the cache's reference dropped.
     *
     * @see mm/swap_state.c (v5.6). Caller holds: the page lock.
     */
    public static void deleteFromSwapCache(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "delete_from_swap_cache")) {
            long entry = page.priv.read();
            AddressSpace sc = k.swap.swapCache;
            sc.iPagesLock.lockIrq();
            deleteFromSwapCacheLocked(k, page, entry);
            sc.iPagesLock.unlockIrq();
            Swapfile.putSwapPage(k, entry);
            page.refcount.rmw(Order.ONCE, "page_ref_sub", v -> v - 1);
        }
    }

    /** free_swap_cache(): an unmapped swap-cache page we can lock leaves the cache. */
    static void freeSwapCache(Kernel k, Page page) {
        if (PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache") && !PageRef.pageMapped(page)
                && PageFlags.trylockPage(page)) {
            Swapfile.tryToFreeSwap(k, page);
            PageFlags.unlockPage(page);
        }
    }

    /** free_page_and_swap_cache(). */
    public static void freePageAndSwapCache(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "free_page_and_swap_cache")) {
            freeSwapCache(k, page);
            Swap.putPage(k, page);
        }
    }

    /** free_pages_and_swap_cache(): what an mmu_gather does with its pages after the flush. */
    public static void freePagesAndSwapCache(Kernel k, List<Page> pages) {
        try (Fn f = Fn.enter(k.x, "free_pages_and_swap_cache")) {
            Swap.lruAddDrain(k);
            for (Page p : pages) {
                freeSwapCache(k, p);
            }
            Swap.releasePages(k, pages);
        }
    }

    /** lookup_swap_cache(): find_get_page in the swap cache. */
    public static Page lookupSwapCache(Kernel k, long entry) {
        try (Fn f = Fn.enter(k.x, "lookup_swap_cache")) {
            if (!Swapoff.getSwapDevice(k)) {
                return null;
            }
            Page page = Filemap.findGetPage(k, k.swap.swapCache, (int) entry);
            Swapoff.putSwapDevice(k);
            return page;
        }
    }
}
