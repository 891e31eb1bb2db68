package mmrace.kernel.check;

import mmrace.engine.exec.Execution;
import mmrace.engine.slab.SlabObject;
import mmrace.kernel.Kernel;
import mmrace.kernel.mm.AnonVma;
import mmrace.kernel.mm.Inode;
import mmrace.kernel.mm.Mappings;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.PageFlags;

/**
 * page->mapping on the final state (seed S001, Peter's page_remove_rmap diff and the objections
 * to it). page->mapping is only promised while the page is mapped or in a page cache, so these
 * are the two places it is checked:
 *
 * <ul>
 *   <li>{@code page-cache-mapping}: a page in a live inode's page cache points back at that
 *       address_space. Only truncation (__delete_from_page_cache, under the i_pages lock and the
 *       page lock) may clear it, and it takes the page out of the tree at the same time; a page
 *       left in the tree with another mapping is invisible to truncation, writeback and
 *       filemap_fault's "did it get truncated?" test.</li>
 *   <li>{@code anon-mapping}: a mapped anonymous page has page->mapping = its anon_vma with
 *       PAGE_MAPPING_ANON: rmap walks (reclaim, migration) start there, and PageAnon() is how
 *       every path tells anon from file. The page is recognised as anonymous without trusting
 *       page->mapping: swap-backed (PG_swapbacked) and in no inode's page cache (shmem pages
 *       are swap-backed too, but live in their inode's cache).</li>
 * </ul>
 */
final class MappingChecks {
    private MappingChecks() {
    }

    static void run(Kernel k) {
        Execution x = k.x;
        for (Inode i : k.allInodes()) {
            if (i.state() != SlabObject.State.LIVE) {
                continue;
            }
            long want = Mappings.ptr(i.mapping);
            for (int idx = 0; idx < i.mapping.iPages.length; idx++) {
                long pfn = i.mapping.iPages[idx].peek();
                if (pfn == 0) {
                    continue;
                }
                Page p = k.pages.page(pfn);
                long have = p.mapping.peek();
                x.check(have == want, CheckNames.PAGE_CACHE_MAPPING, p + " is in the page cache of " + i.name
                        + " at index " + idx + " but its page->mapping is " + describe(have));
            }
        }
        for (Page p : k.pages.all()) {
            if (p.role() != Page.Role.DATA || p.mapcount.peek() < 0) {
                continue;
            }
            boolean swapBacked = (p.flags.peek() & PageFlags.bit(PageFlags.PG_swapbacked)) != 0;
            if (!swapBacked || inAnInodeCache(k, p)) {
                continue;
            }
            long m = p.mapping.peek();
            x.check(m != 0 && (m & AnonVma.PAGE_MAPPING_FLAGS) == AnonVma.PAGE_MAPPING_ANON, CheckNames.ANON_MAPPING,
                    p + " is a mapped anonymous page (_mapcount " + p.mapcount.peek() + ") but its page->mapping is "
                    + describe(m));
        }
    }

    private static String describe(long mapping) {
        return mapping == 0 ? "NULL" : "0x" + Long.toHexString(mapping);
    }

    private static boolean inAnInodeCache(Kernel k, Page p) {
        for (Inode i : k.allInodes()) {
            if (i.state() != SlabObject.State.LIVE) {
                continue;
            }
            for (var slot : i.mapping.iPages) {
                if (slot.peek() == p.pfn) {
                    return true;
                }
            }
        }
        return false;
    }
}
