package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * Page reclaim (mm/vmscan.c, v5.6): isolate pages from the tail of an inactive list under
 * lru_lock, then shrink_page_list() tries each with its page lock: references, swap slot,
 * unmap, writeback, and __remove_mapping() with the refcount frozen; the rest go back.
 */
public final class Vmscan {
    private Vmscan() {
    }

    /** enum page_references. */
    enum PageRefs { RECLAIM, RECLAIM_CLEAN, KEEP, ACTIVATE }

    /** What shrink_page_list() did. */
    public record Stat(int reclaimed, int kept, int activated) {
    }

    /**
     * isolate_lru_page(): take one page off the LRU with a reference, for a caller that found it
     * by other means (migration, khugepaged). Caller holds: a reference.
     *
     * @see mm/vmscan.c isolate_lru_page() (v5.6). Takes: lru_lock (IRQs off).
     * @return true if isolated
     */
    public static boolean isolateLruPage(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "isolate_lru_page")) {
            boolean ret = false;
            if (PageFlags.test(page, PageFlags.PG_lru, "PageLRU")) {
                Lruvec lru = k.lruvec;
                lru.lruLock.lockIrq();
                if (PageFlags.test(page, PageFlags.PG_lru, "PageLRU")) {
                    PageRef.getPage(page);
                    PageFlags.clear(page, PageFlags.PG_lru, "ClearPageLRU");
                    lru.del(page);
                    ret = true;
                }
                lru.lruLock.unlockIrq();
            }
            return ret;
        }
    }

    /**
     * putback_lru_page(): back on the LRU, dropping the isolation reference (lru_cache_add
     * takes its own). Caller holds: the isolation reference.
     *
     * @see mm/vmscan.c putback_lru_page() (v5.6)
     */
    public static void putbackLruPage(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "putback_lru_page")) {
            Swap.lruCacheAdd(k, page);
            Swap.putPage(k, page);
        }
    }

    /**
     * isolate_lru_pages(): up to {@code nr} pages from the tail of {@code list}; each gets a
     * reference unless it is being freed (__isolate_lru_page: get_page_unless_zero), loses PG_lru.
     *
     * @see mm/vmscan.c isolate_lru_pages() __isolate_lru_page() (v5.6). Caller holds: lru_lock.
     */
    static List<Page> isolateLruPages(Kernel k, Lruvec.List list, int nr) {
        try (Fn f = Fn.enter(k.x, "isolate_lru_pages")) {
            Lruvec lru = k.lruvec;
            lru.lruLock.assertHeld();
            List<Page> out = new ArrayList<>();
            for (Page page : lru.fromTail(list)) {
                if (out.size() >= nr) {
                    break;
                }
                if (!PageFlags.test(page, PageFlags.PG_lru, "PageLRU")) {
                    continue;
                }
                if (PageRef.getPageUnlessZero(page)) {
                    PageFlags.clear(page, PageFlags.PG_lru, "ClearPageLRU");
                    lru.del(page);
                    out.add(page);
                }
            }
            return out;
        }
    }

    /**
     * shrink_inactive_list(): drain this CPU's pagevec, isolate, shrink, put the survivors back.
     *
     * @see mm/vmscan.c shrink_inactive_list() (v5.6). Takes: lru_lock (IRQs off), page locks.
     */
    public static Stat shrinkInactiveList(Kernel k, Lruvec.List list, int nrToScan) {
        try (Fn f = Fn.enter(k.x, "shrink_inactive_list")) {
            Swap.lruAddDrain(k);
            Lruvec lru = k.lruvec;
            lru.lruLock.lockIrq();
            List<Page> isolated = isolateLruPages(k, list, nrToScan);
            lru.lruLock.unlockIrq();
            if (isolated.isEmpty()) {
                return new Stat(0, 0, 0);
            }
            List<Page> ret = new ArrayList<>();
            Stat stat = ShrinkPageList.shrinkPageList(k, isolated, ret);
            lru.lruLock.lockIrq();
            moveToLru(k, ret);
            lru.lruLock.unlockIrq();
            return stat;
        }
    }

    /**
     * move_pages_to_lru() (putback_inactive_pages before v5.5): SetPageLRU, add, and drop the
     * isolation reference; a page whose last reference that was is freed (outside the lock).
     * Caller holds: lru_lock.
     */
    static void moveToLru(Kernel k, List<Page> pages) {
        try (Fn f = Fn.enter(k.x, "move_pages_to_lru")) {
            Lruvec lru = k.lruvec;
            List<Page> free = new ArrayList<>();
            for (Page page : pages) {
                PageFlags.set(page, PageFlags.PG_lru, "SetPageLRU");
                boolean file = !PageFlags.test(page, PageFlags.PG_swapbacked, "page_is_file_cache");
                boolean active = PageFlags.test(page, PageFlags.PG_active, "PageActive");
                lru.add(page, Lruvec.List.of(file, active));
                if (PageRef.putPageTestzero(page)) {
                    PageFlags.nonAtomicClear(page, PageFlags.PG_lru, "__ClearPageLRU");
                    PageFlags.nonAtomicClear(page, PageFlags.PG_active, "__ClearPageActive");
                    lru.del(page);
                    free.add(page);
                }
            }
            if (!free.isEmpty()) {
                lru.lruLock.unlockIrq();
                for (Page p : free) {
                    k.pages.freePage(p, "free_unref_page_list");
                }
                lru.lruLock.lockIrq();
            }
        }
    }

    /** page_check_references(): what page_referenced() and PG_referenced say to do with the page. */
    static PageRefs pageCheckReferences(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "page_check_references")) {
            TryToUnmap.Referenced r = TryToUnmap.pageReferenced(k, page, true);
            boolean referencedPage = PageFlags.testClear(page, PageFlags.PG_referenced, "TestClearPageReferenced");
            if ((r.vmFlags() & VmFlags.VM_LOCKED) != 0) {
                return PageRefs.RECLAIM;
            }
            if (r.referenced() > 0) {
                if (PageFlags.test(page, PageFlags.PG_swapbacked, "PageSwapBacked")) {
                    return PageRefs.ACTIVATE;
                }
                PageFlags.set(page, PageFlags.PG_referenced, "SetPageReferenced");
                if (referencedPage || r.referenced() > 1 || (r.vmFlags() & VmFlags.VM_EXEC) != 0) {
                    return PageRefs.ACTIVATE;
                }
                return PageRefs.KEEP;
            }
            if (referencedPage && !PageFlags.test(page, PageFlags.PG_swapbacked, "PageSwapBacked")) {
                return PageRefs.RECLAIM_CLEAN;
            }
            return PageRefs.RECLAIM;
        }
    }

    /**
     * Reclaim as the world calls it: shrink the inactive anon and file lists by up to
     * {@code nrToScan} pages each (kswapd or direct reclaim; no shrink_active_list aging).
     */
    public static Stat shrinkNode(Kernel k, int nrToScan) {
        try (Fn f = Fn.enter(k.x, "shrink_node")) {
            Stat a = shrinkInactiveList(k, Lruvec.List.INACTIVE_ANON, nrToScan);
            Stat b = shrinkInactiveList(k, Lruvec.List.INACTIVE_FILE, nrToScan);
            return new Stat(a.reclaimed() + b.reclaimed(), a.kept() + b.kept(), a.activated() + b.activated());
        }
    }
}
