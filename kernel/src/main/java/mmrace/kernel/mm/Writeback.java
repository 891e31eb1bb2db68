package mmrace.kernel.mm;

import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * Dirtying and writing pages (mm/page-writeback.c, mm/page_io.c, v5.6). Writeback is
 * synchronous: PG_writeback is set and cleared around the copy to the device.
 */
public final class Writeback {
    private Writeback() {
    }

    /**
     * set_page_dirty(): TestSetPageDirty; a newly dirty page-cache page is tagged in i_pages
     * under its lock (__set_page_dirty_nobuffers). Anonymous and swap-cache pages just get the bit.
     */
    public static boolean setPageDirty(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "set_page_dirty")) {
            if (PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")) {
                return false;
            }
            boolean was = PageFlags.testSet(page, PageFlags.PG_dirty, "TestSetPageDirty");
            if (!was) {
                long m = page.mapping.readOnce();
                if (m != 0 && (m & AnonVma.PAGE_MAPPING_ANON) == 0) {
                    AddressSpace mapping = Mappings.deref(k, m);
                    long flags = mapping.iPagesLock.lockIrqsave();
                    // __xa_set_mark(&mapping->i_pages, page_index(page), PAGECACHE_TAG_DIRTY): not modelled
                    mapping.iPagesLock.unlockIrqrestore(flags);
                }
            }
            return !was;
        }
    }

    /** clear_page_dirty_for_io(): TestClearPageDirty before writing it. Caller holds: the page lock. */
    static boolean clearPageDirtyForIo(Kernel k, Page page) {
        PageFlags.assertLocked(page, "clear_page_dirty_for_io");
        return PageFlags.testClear(page, PageFlags.PG_dirty, "TestClearPageDirty");
    }

    /**
     * ->writepage(), synchronous: swap_writepage() copies to the page's swap slot, a file's
     * writepage to its disk block; set_page_writeback .. end_page_writeback around it. Unlocks the
     * page, as writepage does.
     */
    static void writepage(Kernel k, AddressSpace mapping, Page page) {
        try (Fn f = Fn.enter(k.x, mapping.isSwapCache() ? "swap_writepage" : "writepage")) {
            PageFlags.set(page, PageFlags.PG_writeback, "set_page_writeback");
            PageFlags.unlockPage(page);
            long v = page.data.read();
            if (mapping.isSwapCache()) {
                k.swap.slotData[(int) page.priv.read()].write(v);
            } else if (!mapping.host.shmem) {
                mapping.host.disk[(int) page.index.read()].write(v);
            }
            PageFlags.clear(page, PageFlags.PG_writeback, "end_page_writeback");
        }
    }
}
