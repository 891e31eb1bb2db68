package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Cpu;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * mm/swap.c (v5.6): the per-CPU LRU pagevecs, putting pages on and taking them off the LRU
 * lists, and the last put_page() of a page.
 */
public final class Swap {
    private Swap() {
    }

    /** The per-CPU lru_add_pvec. Touched only by its CPU's task (with preemption off in the kernel). */
    static final class Pagevec {
        final List<Page> pages = new ArrayList<>();
    }

    private static Pagevec lruAddPvec(Kernel k) {
        Cpu c = k.x.requireProc("lru_add_pvec").cpu;
        return c.perCpu(Pagevec.class, Pagevec::new);
    }

    /**
     * lru_cache_add(): takes a reference for the pagevec; when it is full, __pagevec_lru_add().
     *
     * @see mm/swap.c __lru_cache_add() (v5.6). Caller holds: anything but lru_lock.
     */
    public static void lruCacheAdd(Kernel k, Page p) {
        try (Fn f = Fn.enter(k.x, "lru_cache_add")) {
            PageRef.getPage(p);
            Pagevec pvec = lruAddPvec(k);
            pvec.pages.add(p);
            if (pvec.pages.size() >= k.cfg.pagevecSize()) {
                pagevecLruAdd(k, pvec);
            }
        }
    }

    /**
     * lru_cache_add_active_or_unevictable(): new anonymous pages start active.
     *
     * @see mm/swap.c (v5.6)
     */
    public static void lruCacheAddActiveOrUnevictable(Kernel k, Page p, VmArea vma) {
        try (Fn f = Fn.enter(k.x, "lru_cache_add_active_or_unevictable")) {
            PageFlags.set(p, PageFlags.PG_active, "SetPageActive");
            lruCacheAdd(k, p);
        }
    }

    /** __pagevec_lru_add(): SetPageLRU and add each page under lru_lock, then drop the pagevec's references. */
    static void pagevecLruAdd(Kernel k, Pagevec pvec) {
        try (Fn f = Fn.enter(k.x, "__pagevec_lru_add")) {
            List<Page> pages = new ArrayList<>(pvec.pages);
            pvec.pages.clear();
            Lruvec lru = k.lruvec;
            long flags = lru.lruLock.lockIrqsave();
            for (Page p : pages) {
                // __pagevec_lru_add_fn: "SetPageLRU() must come before any list add" (v5.6 comment)
                PageFlags.set(p, PageFlags.PG_lru, "SetPageLRU");
                boolean file = !PageFlags.test(p, PageFlags.PG_swapbacked, "page_is_file_cache");
                boolean active = PageFlags.test(p, PageFlags.PG_active, "PageActive");
                lru.add(p, Lruvec.List.of(file, active));
            }
            lru.lruLock.unlockIrqrestore(flags);
            releasePages(k, pages);
        }
    }

    /** How many times {@code p} sits in some CPU's lru_add_pvec (each holds a reference): for checks. */
    public static int pagevecRefs(Kernel k, Page p) {
        int n = 0;
        for (Cpu c : k.x.cpus()) {
            for (Page q : c.perCpu(Pagevec.class, Pagevec::new).pages) {
                if (q == p) {
                    n++;
                }
            }
        }
        return n;
    }

    /** lru_add_drain(): this CPU's pagevec onto the LRU. */
    public static void lruAddDrain(Kernel k) {
        Pagevec pvec = lruAddPvec(k);
        if (!pvec.pages.isEmpty()) {
            try (Fn f = Fn.enter(k.x, "lru_add_drain")) {
                pagevecLruAdd(k, pvec);
            }
        }
    }

    /**
     * put_page(): drop a reference; the last one frees the page.
     *
     * @see include/linux/mm.h put_page(), mm/swap.c __put_page() __put_single_page() (v5.6)
     */
    public static void putPage(Kernel k, Page p) {
        if (PageRef.putPageTestzero(p)) {
            try (Fn f = Fn.enter(k.x, "__put_page")) {
                pageCacheRelease(k, p);
                k.pages.freePage(p, "free_unref_page");
            }
        }
    }

    /**
     * __page_cache_release(): a page whose last reference went may still be on the LRU (no one
     * isolated it): take it off under lru_lock. __ClearPageLRU is non-atomic on purpose: the
     * refcount is zero, nobody else can reach the flags.
     */
    static void pageCacheRelease(Kernel k, Page p) {
        if (PageFlags.test(p, PageFlags.PG_lru, "PageLRU")) {
            Lruvec lru = k.lruvec;
            long flags = lru.lruLock.lockIrqsave();
            PageFlags.nonAtomicClear(p, PageFlags.PG_lru, "__ClearPageLRU");
            PageFlags.nonAtomicClear(p, PageFlags.PG_active, "page_off_lru: __ClearPageActive");
            lru.del(p);
            lru.lruLock.unlockIrqrestore(flags);
        }
        PageFlags.nonAtomicClear(p, PageFlags.PG_waiters, "__ClearPageWaiters");
    }

    /**
     * release_pages(): put_page of each, with the LRU removal batched under one lru_lock.
     *
     * @see mm/swap.c release_pages() (v5.6)
     */
    public static void releasePages(Kernel k, List<Page> pages) {
        if (pages.isEmpty()) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "release_pages")) {
            List<Page> free = new ArrayList<>();
            Lruvec lru = k.lruvec;
            boolean locked = false;
            long flags = 0;
            for (Page p : pages) {
                if (!PageRef.putPageTestzero(p)) {
                    continue;
                }
                if (PageFlags.test(p, PageFlags.PG_lru, "PageLRU")) {
                    if (!locked) {
                        flags = lru.lruLock.lockIrqsave();
                        locked = true;
                    }
                    PageFlags.nonAtomicClear(p, PageFlags.PG_lru, "__ClearPageLRU");
                    lru.del(p);
                }
                PageFlags.nonAtomicClear(p, PageFlags.PG_active, "__ClearPageActive");
                PageFlags.nonAtomicClear(p, PageFlags.PG_waiters, "__ClearPageWaiters");
                free.add(p);
            }
            if (locked) {
                lru.lruLock.unlockIrqrestore(flags);
            }
            for (Page p : free) {
                k.pages.freePage(p, "free_unref_page_list");
            }
        }
    }

    /**
     * mark_page_accessed(): inactive,unreferenced -> inactive,referenced -> active (activate_page
     * under lru_lock when on the LRU).
     *
     * @see mm/swap.c mark_page_accessed() (v5.6)
     */
    public static void markPageAccessed(Kernel k, Page p) {
        try (Fn f = Fn.enter(k.x, "mark_page_accessed")) {
            boolean active = PageFlags.test(p, PageFlags.PG_active, "PageActive");
            boolean referenced = PageFlags.test(p, PageFlags.PG_referenced, "PageReferenced");
            if (!active && referenced && PageFlags.test(p, PageFlags.PG_lru, "PageLRU")) {
                activatePage(k, p);
                PageFlags.clear(p, PageFlags.PG_referenced, "ClearPageReferenced");
            } else if (!referenced) {
                PageFlags.set(p, PageFlags.PG_referenced, "SetPageReferenced");
            }
        }
    }

    /** activate_page() -> __activate_page under lru_lock. */
    static void activatePage(Kernel k, Page p) {
        Lruvec lru = k.lruvec;
        lru.lruLock.lockIrq();
        if (PageFlags.test(p, PageFlags.PG_lru, "PageLRU") && !PageFlags.test(p, PageFlags.PG_active, "PageActive")) {
            boolean file = !PageFlags.test(p, PageFlags.PG_swapbacked, "page_is_file_cache");
            lru.del(p);
            PageFlags.set(p, PageFlags.PG_active, "SetPageActive");
            lru.add(p, Lruvec.List.of(file, true));
        }
        lru.lruLock.unlockIrq();
    }
}
