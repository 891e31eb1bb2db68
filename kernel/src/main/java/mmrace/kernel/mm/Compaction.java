package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.FindingKind;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.IsolateDirty;

/**
 * Compaction's isolation of pages to migrate (mm/compaction.c, 4.15): a PFN scan of the zone
 * under the LRU lock with IRQs off — no page reference, no page lock, no rcu_read_lock — that
 * takes LRU pages off their lists with __isolate_lru_page(ISOLATE_ASYNC_MIGRATE). A dirty page
 * may be isolated only if it can be migrated without blocking: no mapping, or a mapping with a
 * ->migratepage. Reading that mapping races with truncation and the inode's RCU-deferred free
 * (seed S002); variants {@link IsolateDirty}.
 *
 * <p>What is isolated is then migrated ({@link Migrate#migratePages}, MIGRATE_SYNC_LIGHT as
 * kcompactd does) into pages from the page allocator (the free scanner is not modelled);
 * what migration leaves is put back.
 *
 * <p>Checks: KASAN (the address_space read after its inode was freed); functional
 * {@code isolate-dirty-no-mapping}: a dirty page with no mapping is not refused.
 */
public final class Compaction {
    private Compaction() {
    }

    static final int EINVAL = -22;
    static final int EBUSY = -16;

    /**
     * compact_zone() reduced to one isolate_migratepages_block() over every PFN, then
     * migrate_pages() of what it isolated and putback_movable_pages() of what failed ("All pages
     * were either migrated or will be released"). Returns the number isolated.
     *
     * @see mm/compaction.c compact_zone() (v5.6)
     */
    public static int compactZone(Kernel k) {
        try (Fn f = Fn.enter(k.x, "compact_zone")) {
            List<Page> migratepages = isolateMigratepagesBlock(k);
            int isolated = migratepages.size();
            if (isolated == 0) {
                return 0;
            }
            int err = Migrate.migratePages(k, migratepages, Migrate.Mode.SYNC_LIGHT);
            if (err != 0) {
                Migrate.putbackMovablePages(k, migratepages);
            }
            return isolated;
        }
    }

    /**
     * isolate_migratepages_block() (4.15), simplified to take the LRU lock once for the block.
     *
     * @see mm/compaction.c isolate_migratepages_block() (4.15). Takes: the LRU lock, IRQs off.
     */
    static List<Page> isolateMigratepagesBlock(Kernel k) {
        try (Fn f = Fn.enter(k.x, "isolate_migratepages_block")) {
            List<Page> out = new ArrayList<>();
            Lruvec lru = k.lruvec;
            long flags = lru.lruLock.lockIrqsave(); // compact_trylock_irqsave(zone_lru_lock(zone))
            for (Page page : k.pages.all()) {
                if (!PageFlags.test(page, PageFlags.PG_lru, "PageLRU")) {
                    continue;
                }
                if (isolateLruPage(k, page) != 0) {
                    continue;
                }
                lru.del(page); // del_page_from_lru_list()
                out.add(page);
            }
            lru.lruLock.unlockIrqrestore(flags);
            return out;
        }
    }

    /**
     * __isolate_lru_page(page, ISOLATE_ASYNC_MIGRATE).
     *
     * @see mm/vmscan.c __isolate_lru_page() (4.15; 69d763fc6d3a; 145e1a71e090). Caller holds:
     *     the LRU lock.
     * @return 0 if isolated (with a reference, PG_lru cleared), else -EINVAL or -EBUSY
     */
    static int isolateLruPage(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "__isolate_lru_page")) {
            if (!PageFlags.test(page, PageFlags.PG_lru, "PageLRU")) {
                return EINVAL;
            }
            // "All the caller can do on PageWriteback is block"
            if (PageFlags.test(page, PageFlags.PG_writeback, "PageWriteback")) {
                return EBUSY;
            }
            if (PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")) {
                IsolateDirty v = k.variant(IsolateDirty.class);
                boolean migrateDirty;
                AddressSpace mapping;
                if (v == IsolateDirty.V4_15) {
                    // "Only pages without mappings or that have a ->migratepage callback are
                    // possible to migrate without blocking"
                    mapping = PageRef.pageMapping(page);
                    migrateDirty = mapping == null || mapping.aOps.read() != 0;
                } else {
                    // "However, we can be racing with truncation so it's necessary to lock the
                    // page to stabilise the mapping as truncation holds the page lock until
                    // after the page is removed from the page cache."
                    if (!PageFlags.trylockPage(page)) {
                        return EBUSY;
                    }
                    mapping = PageRef.pageMapping(page);
                    boolean hasMigratepage = mapping != null && mapping.aOps.read() != 0;
                    migrateDirty = v == IsolateDirty.TRYLOCK ? hasMigratepage : mapping == null || hasMigratepage;
                    PageFlags.unlockPage(page);
                }
                if (!migrateDirty) {
                    // The check looks at the page as it is now (a ghost look): truncation may have
                    // cleaned it since PageDirty was read, and then refusing it is no loss.
                    if (mapping == null && (page.flags.peek() & PageFlags.bit(PageFlags.PG_dirty)) != 0) {
                        throw k.x.fail(FindingKind.CHECK, CheckNames.ISOLATE_DIRTY_NO_MAPPING, "__isolate_lru_page refuses "
                                + page + ", dirty with no mapping: it could be migrated without blocking, and never will be");
                    }
                    return EBUSY;
                }
            }
            if (PageRef.getPageUnlessZero(page)) {
                PageFlags.clear(page, PageFlags.PG_lru, "ClearPageLRU");
                return 0;
            }
            return EBUSY;
        }
    }
}
