package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.MigrateRefcount;

/**
 * Moving a page's identity to its replacement (mm/migrate.c, v5.6): move_to_new_page() ->
 * migrate_page() -> migrate_page_move_mapping(), the point of no return, where the count of
 * references decides whether anyone but the migration still uses the page, then
 * migrate_page_copy(): the contents and the flags. Both pages are locked and the old one is
 * mapped by nobody (its PTEs are migration entries).
 *
 * <p>The refcount check is the {@link MigrateRefcount} variant. Every a_ops->migratepage is
 * migrate_page() here (swap cache, shmem and the model's files have no buffers).
 */
public final class MigrateMapping {
    private MigrateMapping() {
    }

    /**
     * move_to_new_page(): migrate_page() through page_mapping(page); on success a page-cache
     * page forgets its mapping ("old pagecache page->mapping must be cleared before page is
     * freed; but stats require that PageAnon be left as PageAnon").
     *
     * @see mm/migrate.c move_to_new_page() (v5.6). Caller holds: both page locks.
     * @return MIGRATEPAGE_SUCCESS or -EAGAIN
     */
    static int moveToNewPage(Kernel k, Page newpage, Page page) {
        try (Fn f = Fn.enter(k.x, "move_to_new_page")) {
            PageFlags.assertLocked(page, "move_to_new_page");
            PageFlags.assertLocked(newpage, "move_to_new_page");
            AddressSpace mapping = PageRef.pageMapping(page);
            int rc = migratePage(k, mapping, newpage, page);
            if (rc == Migrate.MIGRATEPAGE_SUCCESS && !PageRef.pageAnon(page)) {
                page.mapping.write(0);
            }
            return rc;
        }
    }

    /**
     * migrate_page(): move the mapping, then copy contents and flags.
     *
     * @see mm/migrate.c migrate_page() (v5.6)
     */
    static int migratePage(Kernel k, AddressSpace mapping, Page newpage, Page page) {
        try (Fn f = Fn.enter(k.x, "migrate_page")) {
            int rc = migratePageMoveMapping(k, mapping, newpage, page, 0);
            if (rc != Migrate.MIGRATEPAGE_SUCCESS) {
                return rc;
            }
            migratePageCopy(k, newpage, page);
            return Migrate.MIGRATEPAGE_SUCCESS;
        }
    }

    /**
     * migrate_page_move_mapping(): "The number of remaining references must be: 1 for anonymous
     * pages without a mapping, 2 for pages with a mapping, 3 for pages with a mapping and
     * PagePrivate/PagePrivate2 set." An anonymous page without a mapping is checked with a plain
     * page_count() — no one can find it any more but through a reference already held. A page
     * in a cache is frozen (page_ref_freeze) under the i_pages lock, its slot pointed at the new
     * page, and unfrozen less the cache's reference, which the new page takes.
     *
     * @see mm/migrate.c migrate_page_move_mapping() expected_page_refs() (v5.6). Caller holds:
     *     both page locks. Takes: the i_pages lock (IRQs off) of a mapping.
     * @return MIGRATEPAGE_SUCCESS or -EAGAIN
     */
    static int migratePageMoveMapping(Kernel k, AddressSpace mapping, Page newpage, Page page, int extraCount) {
        try (Fn f = Fn.enter(k.x, "migrate_page_move_mapping")) {
            int expectedCount = expectedPageRefs(mapping, page) + extraCount;
            if (mapping == null) {
                // "Anonymous page without mapping"
                if (k.variant(MigrateRefcount.class) == MigrateRefcount.V5_6
                        && PageRef.pageCount(page) != expectedCount) {
                    return Migrate.EAGAIN;
                }
                // "No turning back from here"
                newpage.index.write(page.index.read());
                newpage.mapping.write(page.mapping.read());
                if (PageFlags.test(page, PageFlags.PG_swapbacked, "PageSwapBacked")) {
                    PageFlags.nonAtomicSet(newpage, PageFlags.PG_swapbacked, "__SetPageSwapBacked");
                }
                return Migrate.MIGRATEPAGE_SUCCESS;
            }
            boolean swapCache = PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache");
            int index = (int) (swapCache ? page.priv.read() : page.index.read()); // page_index()
            long flags = mapping.iPagesLock.lockIrqsave(); // xas_lock_irq
            if (PageRef.pageCount(page) != expectedCount || mapping.iPages[index].read() != page.pfn) {
                mapping.iPagesLock.unlockIrqrestore(flags);
                return Migrate.EAGAIN;
            }
            if (!PageRef.pageRefFreeze(page, expectedCount)) {
                mapping.iPagesLock.unlockIrqrestore(flags);
                return Migrate.EAGAIN;
            }
            // "Now we know that no one else is looking at the page: no turning back from here."
            newpage.index.write(page.index.read());
            newpage.mapping.write(page.mapping.read());
            PageRef.pageRefAdd(newpage, 1, "page_ref_add"); // "add cache reference"
            if (PageFlags.test(page, PageFlags.PG_swapbacked, "PageSwapBacked")) {
                PageFlags.nonAtomicSet(newpage, PageFlags.PG_swapbacked, "__SetPageSwapBacked");
                if (swapCache) {
                    PageFlags.set(newpage, PageFlags.PG_swapcache, "SetPageSwapCache");
                    newpage.priv.write(page.priv.read());
                }
            } else if (swapCache) {
                throw k.x.fail(FindingKind.CHECK, CheckNames.VM_BUG_ON, "migrate_page_move_mapping: " + page
                        + " is PageSwapCache but not PageSwapBacked");
            }
            // "Move dirty while page refs frozen and newpage not yet exposed"
            if (PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")) {
                PageFlags.clear(page, PageFlags.PG_dirty, "ClearPageDirty");
                PageFlags.set(newpage, PageFlags.PG_dirty, "SetPageDirty");
            }
            mapping.iPages[index].store(newpage.pfn, Order.RELEASE, "xas_store");
            // "Drop cache reference from old page by unfreezing to one less reference. We know
            // this isn't the last reference."
            PageRef.pageRefUnfreeze(page, expectedCount - 1);
            mapping.iPagesLock.unlockIrqrestore(flags);
            return Migrate.MIGRATEPAGE_SUCCESS;
        }
    }

    /** expected_page_refs(): the isolation's reference, plus the cache's and the buffers'. */
    static int expectedPageRefs(AddressSpace mapping, Page page) {
        int expected = 1;
        if (mapping != null) {
            expected += 1;
            if (PageFlags.test(page, PageFlags.PG_private, "page_has_private")) {
                expected++;
            }
        }
        return expected;
    }

    /**
     * migrate_page_copy(): copy_highpage(), then migrate_page_states(): the flags the new page
     * inherits (PG_active moves, it is not copied), the old page loses PG_swapcache and private.
     *
     * @see mm/migrate.c migrate_page_copy() migrate_page_states() (v5.6). Caller holds: both page locks.
     */
    static void migratePageCopy(Kernel k, Page newpage, Page page) {
        try (Fn f = Fn.enter(k.x, "migrate_page_copy")) {
            newpage.data.store(page.data.load(Order.PLAIN, "copy_highpage: load"), Order.PLAIN, "copy_highpage: store");
            if (PageFlags.test(page, PageFlags.PG_error, "PageError")) {
                PageFlags.set(newpage, PageFlags.PG_error, "SetPageError");
            }
            if (PageFlags.test(page, PageFlags.PG_referenced, "PageReferenced")) {
                PageFlags.set(newpage, PageFlags.PG_referenced, "SetPageReferenced");
            }
            if (PageFlags.test(page, PageFlags.PG_uptodate, "PageUptodate")) {
                PageFlags.set(newpage, PageFlags.PG_uptodate, "SetPageUptodate");
            }
            if (PageFlags.testClear(page, PageFlags.PG_active, "TestClearPageActive")) {
                PageFlags.set(newpage, PageFlags.PG_active, "SetPageActive");
            } else if (PageFlags.testClear(page, PageFlags.PG_unevictable, "TestClearPageUnevictable")) {
                PageFlags.set(newpage, PageFlags.PG_unevictable, "SetPageUnevictable");
            }
            if (PageFlags.test(page, PageFlags.PG_workingset, "PageWorkingset")) {
                PageFlags.set(newpage, PageFlags.PG_workingset, "SetPageWorkingset");
            }
            // "Move dirty on pages not done by migrate_page_move_mapping()"
            if (PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")) {
                PageFlags.set(newpage, PageFlags.PG_dirty, "SetPageDirty");
            }
            if (PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache")) {
                PageFlags.clear(page, PageFlags.PG_swapcache, "ClearPageSwapCache");
            }
            PageFlags.clear(page, PageFlags.PG_private, "ClearPagePrivate");
            page.priv.write(0); // set_page_private(page, 0)
        }
    }
}
