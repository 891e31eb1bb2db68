package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * shrink_page_list() and its helpers (mm/vmscan.c, v5.6), for small pages. Dirty file pages
 * are not written by this (direct) reclaim: they are marked PG_reclaim and activated, as
 * the kernel does outside kswapd.
 */
final class ShrinkPageList {
    private ShrinkPageList() {
    }

    private enum Outcome { FREE, KEEP, KEEP_LOCKED, ACTIVATE_LOCKED }

    /**
     * @param pages isolated pages, each with the isolation reference
     * @param ret receives the pages to put back
     * @see mm/vmscan.c shrink_page_list() (v5.6). Takes: page locks; the anon_vma and PTE locks
     *     through try_to_unmap; i_pages locks in __remove_mapping.
     */
    static Vmscan.Stat shrinkPageList(Kernel k, List<Page> pages, List<Page> ret) {
        try (Fn f = Fn.enter(k.x, "shrink_page_list")) {
            List<Page> free = new ArrayList<>();
            int activated = 0;
            for (Page page : pages) {
                Outcome o = one(k, page);
                switch (o) {
                    case FREE -> free.add(page);
                    case ACTIVATE_LOCKED -> {
                        activateLocked(k, page);
                        activated++;
                        PageFlags.unlockPage(page);
                        ret.add(page);
                    }
                    case KEEP_LOCKED -> {
                        PageFlags.unlockPage(page);
                        ret.add(page);
                    }
                    case KEEP -> ret.add(page);
                }
            }
            if (TryToUnmap.flushBeforeFree(k)) {
                Tlb.tryToUnmapFlush(k);
            }
            for (Page p : free) {
                // The refcount was frozen at zero by __remove_mapping: straight to the allocator.
                k.pages.freePage(p, "free_unref_page_list");
            }
            if (!TryToUnmap.flushBeforeFree(k)) {
                Tlb.tryToUnmapFlush(k);
            }
            return new Vmscan.Stat(free.size(), ret.size() - activated, activated);
        }
    }

    private static Outcome one(Kernel k, Page page) {
        if (!PageFlags.trylockPage(page)) {
            return Outcome.KEEP;
        }
        if (PageFlags.test(page, PageFlags.PG_writeback, "PageWriteback")) {
            return Outcome.KEEP_LOCKED;
        }
        Vmscan.PageRefs references = Vmscan.pageCheckReferences(k, page);
        if (references == Vmscan.PageRefs.ACTIVATE) {
            return Outcome.ACTIVATE_LOCKED;
        }
        if (references == Vmscan.PageRefs.KEEP) {
            return Outcome.KEEP_LOCKED;
        }
        // "Anonymous process memory has backing store? Try to allocate it some swap space here."
        if (PageRef.pageAnon(page) && PageFlags.test(page, PageFlags.PG_swapbacked, "PageSwapBacked")) {
            if (!PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache")) {
                if (!SwapState.addToSwap(k, page)) {
                    return Outcome.ACTIVATE_LOCKED;
                }
            }
        }
        AddressSpace mapping = PageRef.pageMapping(page);
        // "The page is mapped into the page tables of one or more processes. Try to unmap it here."
        if (PageRef.pageMapped(page)) {
            if (!TryToUnmap.tryToUnmap(k, page, true)) {
                return Outcome.ACTIVATE_LOCKED;
            }
        }
        if (PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")) {
            if (mapping != null && !mapping.isSwapCache()) {
                PageFlags.set(page, PageFlags.PG_reclaim, "SetPageReclaim");
                return Outcome.ACTIVATE_LOCKED;
            }
            if (references == Vmscan.PageRefs.RECLAIM_CLEAN) {
                return Outcome.KEEP_LOCKED;
            }
            // "Page is dirty. Flush the TLB if a writable entry potentially exists to avoid CPU
            // writes after IO starts and then write it out here."
            Tlb.tryToUnmapFlushDirty(k);
            switch (pageout(k, page, mapping)) {
                case KEEP:
                    return Outcome.KEEP_LOCKED;
                case ACTIVATE:
                    return Outcome.ACTIVATE_LOCKED;
                case SUCCESS:
                    if (PageFlags.test(page, PageFlags.PG_writeback, "PageWriteback")
                            || PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")) {
                        return Outcome.KEEP;
                    }
                    // "A synchronous write - probably a ramdisk. Go ahead and try to reclaim the page."
                    if (!PageFlags.trylockPage(page)) {
                        return Outcome.KEEP;
                    }
                    if (PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")
                            || PageFlags.test(page, PageFlags.PG_writeback, "PageWriteback")) {
                        return Outcome.KEEP_LOCKED;
                    }
                    mapping = PageRef.pageMapping(page);
                    break;
                case CLEAN:
                    break;
            }
        }
        if (mapping == null || !removeMapping(k, mapping, page)) {
            return Outcome.KEEP_LOCKED;
        }
        // v5.6 unlocks with unlock_page() (4.x used the non-atomic __ClearPageLocked: "we have no
        // other references and there is no way to pick any more up").
        PageFlags.unlockPage(page);
        return Outcome.FREE;
    }

    /** activate_locked: reclaim swap space of a page that stays; SetPageActive. */
    private static void activateLocked(Kernel k, Page page) {
        if (PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache")) {
            Swapfile.tryToFreeSwap(k, page);
        }
        PageFlags.set(page, PageFlags.PG_active, "SetPageActive");
    }

    private enum PageoutResult { KEEP, ACTIVATE, SUCCESS, CLEAN }

    /**
     * pageout(): write a dirty page whose only references are ours and the cache's.
     *
     * @see mm/vmscan.c pageout() (v5.6). Caller holds: the page lock (writepage releases it).
     */
    private static PageoutResult pageout(Kernel k, Page page, AddressSpace mapping) {
        try (Fn f = Fn.enter(k.x, "pageout")) {
            // is_page_cache_freeable(): the isolation reference and the cache's.
            if (PageRef.pageCount(page) != 2) {
                return PageoutResult.KEEP;
            }
            if (mapping == null) {
                return PageoutResult.KEEP;
            }
            if (Writeback.clearPageDirtyForIo(k, page)) {
                PageFlags.set(page, PageFlags.PG_reclaim, "SetPageReclaim");
                Writeback.writepage(k, mapping, page);
                if (!PageFlags.test(page, PageFlags.PG_writeback, "PageWriteback")) {
                    PageFlags.clear(page, PageFlags.PG_reclaim, "ClearPageReclaim");
                }
                return PageoutResult.SUCCESS;
            }
            return PageoutResult.CLEAN;
        }
    }

    /**
     * __remove_mapping(): under the i_pages lock, freeze the refcount at exactly ours + the
     * cache's ("The non racy check for a busy page"; the cmpxchg provides the smp_rmb before the
     * PageDirty test), then take the page out of the swap or page cache.
     *
     * @see mm/vmscan.c __remove_mapping() (v5.6). Caller holds: the page lock.
     */
    static boolean removeMapping(Kernel k, AddressSpace mapping, Page page) {
        try (Fn f = Fn.enter(k.x, "__remove_mapping")) {
            PageFlags.assertLocked(page, "__remove_mapping");
            long flags = mapping.iPagesLock.lockIrqsave();
            if (!PageRef.pageRefFreeze(page, 2)) {
                mapping.iPagesLock.unlockIrqrestore(flags);
                return false;
            }
            if (PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")) {
                PageRef.pageRefUnfreeze(page, 2);
                mapping.iPagesLock.unlockIrqrestore(flags);
                return false;
            }
            if (PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache")) {
                long swap = page.priv.read();
                SwapState.deleteFromSwapCacheLocked(k, page, swap);
                mapping.iPagesLock.unlockIrqrestore(flags);
                Swapfile.putSwapPage(k, swap);
            } else {
                Filemap.deleteFromPageCacheLocked(k, mapping, page);
                mapping.iPagesLock.unlockIrqrestore(flags);
            }
            return true;
        }
    }
}
