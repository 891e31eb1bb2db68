package mmrace.kernel.mm;

import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Rcu;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * The page cache (mm/filemap.c, v5.6): lockless lookup, insertion, removal, and filemap_fault.
 * Readahead and fault-around are not modelled; reading a page is synchronous.
 */
public final class Filemap {
    private Filemap() {
    }

    /** What a fault handler returns: VM_FAULT_* as an enum; a page when LOCKED. */
    public enum Vmf { LOCKED, SIGBUS, OOM, NOPAGE }

    /** The page a ->fault handler found (locked), or why not. */
    public record FaultResult(Vmf ret, Page page) {
    }

    /**
     * find_get_page(): under rcu_read_lock, load the slot, take a reference only if the page is
     * not being freed (page_cache_get_speculative), and re-check the slot still holds it.
     *
     * @see mm/filemap.c find_get_entry() (v5.6). Takes: rcu_read_lock.
     */
    public static Page findGetPage(Kernel k, AddressSpace mapping, int index) {
        try (Fn f = Fn.enter(k.x, "find_get_page")) {
            Loc slot = mapping.iPages[index];
            Rcu.rcuReadLock(k.x);
            for (;;) {
                long pfn = slot.loadAcquire();
                if (pfn == 0) {
                    Rcu.rcuReadUnlock(k.x);
                    return null;
                }
                Page p = k.pages.page(pfn);
                if (!PageRef.getPageUnlessZero(p)) {
                    // "goto repeat": the page is being freed (or its refcount is frozen); the
                    // loop ends once the slot changes or the refcount is unfrozen.
                    long seen = pfn;
                    mmrace.kernel.Ops.spinUntil(k.x, "find_get_entry: repeat", new Loc[] {slot, p.refcount},
                            () -> k.x.memory().peek(slot) != seen || k.x.memory().peek(p.refcount) != 0);
                    continue;
                }
                if (slot.readOnce() != pfn) {
                    Swap.putPage(k, p);
                    continue;
                }
                Rcu.rcuReadUnlock(k.x);
                return p;
            }
        }
    }

    /**
     * add_to_page_cache_lru(): a new page, locked with the non-atomic __SetPageLocked (nobody
     * can see it yet), into i_pages at {@code index} with a reference for the cache, then onto
     * the LRU.
     *
     * @see mm/filemap.c __add_to_page_cache_locked() (v5.6). Takes: i_pages lock.
     * @return false if another page got there first (-EEXIST)
     */
    public static boolean addToPageCacheLru(Kernel k, Page page, AddressSpace mapping, int index) {
        try (Fn f = Fn.enter(k.x, "add_to_page_cache_lru")) {
            PageFlags.nonAtomicSet(page, PageFlags.PG_locked, "__SetPageLocked");
            page.lockOwner = k.x.current();
            if (mapping.host.shmem) {
                PageFlags.nonAtomicSet(page, PageFlags.PG_swapbacked, "__SetPageSwapBacked");
            }
            PageRef.getPage(page);
            page.mapping.write(Mappings.ptr(mapping));
            page.index.write(index);
            mapping.iPagesLock.lockIrq();
            boolean added = mapping.iPages[index].read() == 0;
            if (added) {
                mapping.iPages[index].storeRelease(page.pfn);
                mapping.nrpages.write(mapping.nrpages.read() + 1);
            }
            mapping.iPagesLock.unlockIrq();
            if (!added) {
                page.mapping.write(0);
                page.lockOwner = null;
                PageFlags.nonAtomicClear(page, PageFlags.PG_locked, "__ClearPageLocked");
                PageRef.putPageTestzero(page);
                return false;
            }
            Swap.lruCacheAdd(k, page);
            return true;
        }
    }

    /**
     * filemap_fault(): find or read the page at vmf->pgoff, return it locked after checking it
     * was not truncated meanwhile (page->mapping still the file's) and is inside i_size.
     *
     * @see mm/filemap.c filemap_fault() (v5.6). Caller holds: mmap_lock for read.
     */
    public static FaultResult filemapFault(Kernel k, VmArea vma, int offset) {
        try (Fn f = Fn.enter(k.x, "filemap_fault")) {
            AddressSpace mapping = vma.file.mapping;
            Inode inode = mapping.host;
            if (offset >= inode.iSize.readOnce()) {
                return new FaultResult(Vmf.SIGBUS, null);
            }
            Page page = findGetPage(k, mapping, offset);
            for (;;) {
                if (page == null) {
                    page = pagecacheGetPageCreate(k, mapping, offset);
                    if (page == null) {
                        return new FaultResult(Vmf.OOM, null);
                    }
                }
                PageFlags.lockPage(page);
                if (page.mapping.read() != Mappings.ptr(mapping)) {
                    // "Did it get truncated?"
                    PageFlags.unlockPage(page);
                    Swap.putPage(k, page);
                    page = findGetPage(k, mapping, offset);
                    continue;
                }
                if (!PageFlags.test(page, PageFlags.PG_uptodate, "PageUptodate")) {
                    readpage(k, mapping, page, offset);
                    Swap.putPage(k, page);
                    page = findGetPage(k, mapping, offset);
                    continue;
                }
                // "We must recheck i_size under page lock."
                if (offset >= inode.iSize.readOnce()) {
                    PageFlags.unlockPage(page);
                    Swap.putPage(k, page);
                    return new FaultResult(Vmf.SIGBUS, null);
                }
                return new FaultResult(Vmf.LOCKED, page);
            }
        }
    }

    /** pagecache_get_page(FGP_CREAT | FGP_FOR_MMAP): a new page in the cache, returned unlocked. */
    private static Page pagecacheGetPageCreate(Kernel k, AddressSpace mapping, int offset) {
        for (;;) {
            Page page = k.pages.allocPage(false);
            if (page == null) {
                return null;
            }
            if (addToPageCacheLru(k, page, mapping, offset)) {
                // FGP_FOR_MMAP: "filemap_fault() will lock it again".
                PageFlags.unlockPage(page);
                return page;
            }
            Swap.putPage(k, page);
            Page found = findGetPage(k, mapping, offset);
            if (found != null) {
                return found;
            }
        }
    }

    /** ->readpage(): synchronous here: the disk's contents, PG_uptodate, unlock. Caller holds: the page lock. */
    static void readpage(Kernel k, AddressSpace mapping, Page page, int offset) {
        try (Fn f = Fn.enter(k.x, "readpage")) {
            if (!mapping.host.shmem) {
                page.data.write(mapping.host.disk[offset].read());
            }
            PageFlags.set(page, PageFlags.PG_uptodate, "SetPageUptodate");
            PageFlags.unlockPage(page);
        }
    }

    /**
     * __delete_from_page_cache(): clear the slot and page->mapping. The cache's reference is
     * dropped by the caller (page_cache_free_page).
     *
     * @see mm/filemap.c page_cache_delete() (v5.6). Caller holds: the page lock and the i_pages lock.
     */
    static void deleteFromPageCacheLocked(Kernel k, AddressSpace mapping, Page page) {
        mapping.iPagesLock.assertHeld();
        PageFlags.assertLocked(page, "__delete_from_page_cache");
        int index = (int) page.index.read();
        mapping.iPages[index].writeOnce(0);
        page.mapping.write(0);
        mapping.nrpages.write(mapping.nrpages.read() - 1);
    }

    /** delete_from_page_cache(). Caller holds: the page lock. */
    public static void deleteFromPageCache(Kernel k, AddressSpace mapping, Page page) {
        try (Fn f = Fn.enter(k.x, "delete_from_page_cache")) {
            mapping.iPagesLock.lockIrq();
            deleteFromPageCacheLocked(k, mapping, page);
            mapping.iPagesLock.unlockIrq();
            Swap.putPage(k, page);
        }
    }

    /** page->index as a page offset, for the checks' use (page_to_pgoff). */
    static long pageToPgoff(Page p) {
        return p.index.load(Order.PLAIN, "page_to_pgoff");
    }
}
