package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * Page migration (mm/migrate.c, v5.6): migrate_pages() -> unmap_and_move() ->
 * __unmap_and_move() for each isolated LRU page: lock it, allocate its replacement, replace
 * its PTEs by migration entries ({@link MigrationPtes}), move its identity and contents
 * ({@link MigrateMapping}), point the PTEs at whichever page now holds it, unlock, and give the
 * new page to the LRU and the old one back to the allocator. A page someone else still holds
 * fails with -EAGAIN and is retried on the next pass, then put back.
 *
 * <p>Not modelled: THP and hugetlb pages, non-LRU movable pages (__PageMovable), KSM pages,
 * writeback waits (a page under writeback is -EBUSY), mlock, the NUMA and memcg bookkeeping.
 */
public final class Migrate {
    private Migrate() {
    }

    public static final int MIGRATEPAGE_SUCCESS = 0;
    static final int EAGAIN = -11;
    static final int ENOMEM = -12;
    static final int EBUSY = -16;

    /** enum migrate_mode: whether migration may block on the page lock (with force) and writeback. */
    public enum Mode { ASYNC, SYNC_LIGHT, SYNC }

    /**
     * migrate_pages(): up to {@code k.cfg.migratePasses()} passes (10 in the kernel) over the
     * pages of {@code from}, each through unmap_and_move() with force from the fourth pass;
     * pages that succeed or fail for good leave the list, -EAGAIN stays for the next pass. The
     * new pages come from the page allocator (compaction_alloc takes them from the free scanner's
     * list). Returns the number of pages not migrated; those still on {@code from} are for the
     * caller to put back.
     *
     * @see mm/migrate.c migrate_pages() (v5.6). Caller holds: a reference on each page (isolation).
     */
    public static int migratePages(Kernel k, List<Page> from, Mode mode) {
        try (Fn f = Fn.enter(k.x, "migrate_pages")) {
            int retry = 1;
            int nrFailed = 0;
            for (int pass = 0; pass < k.cfg.migratePasses() && retry != 0; pass++) {
                retry = 0;
                for (Page page : new ArrayList<>(from)) {
                    int rc = unmapAndMove(k, page, pass > 2, mode, from);
                    if (rc == ENOMEM) {
                        return nrFailed + 1;
                    } else if (rc == EAGAIN) {
                        retry++;
                    } else if (rc != MIGRATEPAGE_SUCCESS) {
                        nrFailed++;
                    }
                }
            }
            return nrFailed + retry;
        }
    }

    /**
     * unmap_and_move(): a page whose only reference is the isolation's was freed under us and is
     * just released; else get a new page and __unmap_and_move(). Unless -EAGAIN, the page leaves
     * the list: released on success (the isolation's reference, normally the last), put back on
     * the LRU on failure, and the unused new page is freed.
     *
     * @see mm/migrate.c unmap_and_move() (v5.6). Caller holds: the isolation reference.
     */
    static int unmapAndMove(Kernel k, Page page, boolean force, Mode mode, List<Page> from) {
        try (Fn f = Fn.enter(k.x, "unmap_and_move")) {
            int rc = MIGRATEPAGE_SUCCESS;
            Page newpage = null;
            if (PageRef.pageCount(page) == 1) {
                // "page was freed from under us. So we are done."
                PageFlags.clear(page, PageFlags.PG_active, "ClearPageActive");
                PageFlags.clear(page, PageFlags.PG_unevictable, "ClearPageUnevictable");
            } else {
                newpage = k.pages.allocPage(false); // get_new_page(): compaction_alloc()
                if (newpage == null) {
                    return ENOMEM;
                }
                rc = unmapAndMoveLocked(k, page, newpage, force, mode);
            }
            if (rc != EAGAIN) {
                // "A page that has been migrated has all references removed and will be freed.
                // A page that has not been migrated will have kepts its references and be restored."
                from.remove(page); // list_del(&page->lru)
            }
            if (rc == MIGRATEPAGE_SUCCESS) {
                Swap.putPage(k, page); // "releases reference grabbed during isolation"
            } else {
                if (rc != EAGAIN) {
                    Vmscan.putbackLruPage(k, page);
                }
                Swap.putPage(k, newpage); // put_new_page == NULL: put_page(newpage)
            }
            return rc;
        }
    }

    /**
     * __unmap_and_move(): trylock_page (lock_page only with force and a mode that may block),
     * -EBUSY on writeback unless MIGRATE_SYNC, page_get_anon_vma() so the anon_vma outlives the
     * unmap, trylock the new page, try_to_unmap(TTU_MIGRATION) if mapped, move_to_new_page() if
     * nothing maps it any more, remove_migration_ptes() towards the new page on success or back
     * to the old one, unlock both; on success the new page goes to the LRU (putback_lru_page,
     * which drops the allocation's reference).
     *
     * @see mm/migrate.c __unmap_and_move() (v5.6). Takes: both page locks; the anon_vma lock
     *     (read) and PTE locks inside the rmap walks.
     */
    static int unmapAndMoveLocked(Kernel k, Page page, Page newpage, boolean force, Mode mode) {
        try (Fn f = Fn.enter(k.x, "__unmap_and_move")) {
            int rc = EAGAIN;
            if (!PageFlags.trylockPage(page)) {
                if (!force || mode == Mode.ASYNC) {
                    return rc;
                }
                PageFlags.lockPage(page);
            }
            if (PageFlags.test(page, PageFlags.PG_writeback, "PageWriteback")) {
                // wait_on_page_writeback() for MIGRATE_SYNC is not modelled: the model's
                // writeback completes before pageout() returns.
                PageFlags.unlockPage(page);
                return mode == Mode.SYNC ? EAGAIN : EBUSY;
            }
            AnonVma anonVma = null;
            if (PageRef.pageAnon(page)) {
                anonVma = AnonVmas.pageGetAnonVma(k, page);
            }
            // "Block others from accessing the new page when we get around to establishing
            // additional references."
            if (!PageFlags.trylockPage(newpage)) {
                unlockAndPut(k, page, anonVma);
                return rc;
            }
            boolean pageWasMapped = false;
            if (page.mapping.read() == 0) {
                // "An orphaned page (see truncate_complete_page) might have fs-private metadata":
                // the model's pages have none; nothing maps it, so it is moved as is.
                if (PageRef.pageAnon(page)) {
                    throw k.x.fail(mmrace.engine.exec.FindingKind.CHECK, mmrace.kernel.check.CheckNames.VM_BUG_ON,
                            "__unmap_and_move: " + page + " PageAnon without page->mapping");
                }
            } else if (PageRef.pageMapped(page)) {
                // "Establish migration ptes"
                MigrationPtes.tryToUnmap(k, page);
                pageWasMapped = true;
            }
            if (!PageRef.pageMapped(page)) {
                rc = MigrateMapping.moveToNewPage(k, newpage, page);
            }
            if (pageWasMapped) {
                MigrationPtes.removeMigrationPtes(k, page, rc == MIGRATEPAGE_SUCCESS ? newpage : page);
            }
            PageFlags.unlockPage(newpage);
            unlockAndPut(k, page, anonVma);
            // "If migration is successful, decrease refcount of the newpage which will not free
            // the page because new page owner increased refcounter. As well, if it is LRU page,
            // add the page to LRU list in here."
            if (rc == MIGRATEPAGE_SUCCESS) {
                Vmscan.putbackLruPage(k, newpage);
            }
            return rc;
        }
    }

    /** __unmap_and_move()'s out_unlock: put_anon_vma() if one was taken, unlock_page(). */
    private static void unlockAndPut(Kernel k, Page page, AnonVma anonVma) {
        if (anonVma != null) {
            AnonVmas.putAnonVma(k, anonVma);
        }
        PageFlags.unlockPage(page);
    }

    /**
     * putback_movable_pages(): what migration left on the list goes back to the LRU, dropping
     * the isolation's reference.
     *
     * @see mm/migrate.c putback_movable_pages() (v5.6)
     */
    public static void putbackMovablePages(Kernel k, List<Page> l) {
        try (Fn f = Fn.enter(k.x, "putback_movable_pages")) {
            for (Page page : new ArrayList<>(l)) {
                l.remove(page);
                Vmscan.putbackLruPage(k, page);
            }
        }
    }
}
