package mmrace.kernel.mm;

import mmrace.engine.mem.Order;
import mmrace.engine.sync.Atomic;
import mmrace.engine.sync.Rcu;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;

/**
 * Truncation and the end of an inode (mm/truncate.c, mm/memory.c unmap_mapping_pages,
 * fs/inode.c iput/evict, v5.6): unmap the range from every VMA mapping the file, take the pages
 * out of the page cache under their lock, and when the last reference to an unlinked inode
 * goes, evict it and free it after an RCU grace period (destroy_inode -> call_rcu(i_callback)).
 */
public final class Truncate {
    private Truncate() {
    }

    /**
     * ftruncate() to {@code newSize} pages: i_size first (truncate_setsize), then
     * truncate_pagecache(): unmap (even private COW copies), drop the pages, unmap again
     * ("it is possible for private pages to be COWed ... we don't want to leave them mapped").
     *
     * @see mm/truncate.c truncate_pagecache() (v5.6). Takes: i_rwsem.
     */
    public static void truncate(Kernel k, Inode inode, int newSize) {
        try (Fn f = Fn.enter(k.x, "do_truncate")) {
            inode.iRwsem.downWrite();
            inode.iSize.writeOnce(newSize);
            AddressSpace mapping = inode.mapping;
            unmapMappingPages(k, mapping, newSize, mapping.iPages.length - newSize, true);
            truncateInodePages(k, mapping, newSize);
            unmapMappingPages(k, mapping, newSize, mapping.iPages.length - newSize, true);
            inode.iRwsem.upWrite();
        }
    }

    /**
     * unmap_mapping_pages(): zap [start, start+nr) of the file in every VMA of i_mmap; without
     * {@code evenCows} only the page-cache pages (zap_details.check_mapping).
     *
     * @see mm/memory.c unmap_mapping_pages() (v5.6). Takes: i_mmap_rwsem for write.
     */
    public static void unmapMappingPages(Kernel k, AddressSpace mapping, long start, long nr, boolean evenCows) {
        try (Fn f = Fn.enter(k.x, "unmap_mapping_pages")) {
            long last = start + nr - 1;
            mapping.iMmapLockWrite();
            for (VmArea vma : mapping.iMmap()) {
                long vmPgoff = vma.pgoff();
                long vmStart = vma.start();
                long vmEnd = vma.end();
                long vmLast = vmPgoff + ((vmEnd - vmStart) >> Geometry.PAGE_SHIFT) - 1;
                if (vmLast < start || vmPgoff > last) {
                    continue;
                }
                long zapStart = vmStart + (Math.max(start, vmPgoff) - vmPgoff) * Geometry.PAGE_SIZE;
                long zapEnd = vmStart + (Math.min(last, vmLast) - vmPgoff + 1) * Geometry.PAGE_SIZE;
                Zap.zapPageRangeSingle(k, vma, zapStart, zapEnd - zapStart,
                        evenCows ? null : new Zap.Details(mapping));
            }
            mapping.iMmapUnlockWrite();
        }
    }

    /**
     * truncate_inode_pages_range() from page {@code start}: each cached page is locked, checked
     * to still belong to the mapping, unmapped if mapped, cleaned and deleted from the cache.
     *
     * @see mm/truncate.c truncate_inode_pages_range() truncate_inode_page() (v5.6)
     */
    public static void truncateInodePages(Kernel k, AddressSpace mapping, int start) {
        try (Fn f = Fn.enter(k.x, "truncate_inode_pages_range")) {
            for (int index = start; index < mapping.iPages.length; index++) {
                Page page = Filemap.findGetPage(k, mapping, index);
                if (page == null) {
                    continue;
                }
                PageFlags.lockPage(page);
                if (page.mapping.read() == Mappings.ptr(mapping)) {
                    // truncate_cleanup_page()
                    if (PageRef.pageMapped(page)) {
                        unmapMappingPages(k, mapping, index, 1, false);
                    }
                    if (PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")) {
                        PageFlags.testClear(page, PageFlags.PG_dirty, "cancel_dirty_page");
                    }
                    Filemap.deleteFromPageCache(k, mapping, page);
                }
                PageFlags.unlockPage(page);
                Swap.putPage(k, page);
            }
        }
    }

    /** get_file()/ihold(): one more reference on the inode (a VMA mapping it). */
    static void ihold(Inode inode) {
        inode.iCount.rmw(Order.ONCE, "ihold", v -> v + 1);
    }

    /**
     * iput(): drop a reference; the last one of an unlinked inode evicts it (generic_drop_inode).
     * atomic_dec_and_lock takes i_lock when the count reaches zero.
     *
     * @see fs/inode.c iput() iput_final() (v5.6)
     */
    public static void iput(Kernel k, Inode inode) {
        try (Fn f = Fn.enter(k.x, "iput")) {
            if (!Atomic.in(inode.iCount).decAndTest()) {
                return;
            }
            inode.iLock.lock();
            inode.iState.write(inode.iState.read() | Inode.I_FREEING);
            inode.iLock.unlock();
            evict(k, inode);
        }
    }

    /**
     * evict(): truncate_inode_pages_final() then destroy_inode(), which frees the inode (and the
     * address_space inside it) through call_rcu: "RCU-walk may still look at it".
     *
     * @see fs/inode.c evict() destroy_inode() (v5.6)
     */
    static void evict(Kernel k, Inode inode) {
        try (Fn f = Fn.enter(k.x, "evict")) {
            truncateInodePages(k, inode.mapping, 0);
            if (k.variant(mmrace.kernel.variant.DestroyInode.class) == mmrace.kernel.variant.DestroyInode.CALL_RCU_SCHED) {
                Rcu.callRcuSched(k.x, "i_callback", () -> k.caches.inode.free(inode));
            } else {
                Rcu.callRcu(k.x, "i_callback", () -> k.caches.inode.free(inode));
            }
        }
    }
}
