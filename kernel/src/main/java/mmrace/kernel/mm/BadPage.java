package mmrace.kernel.mm;

import mmrace.kernel.Kernel;

/**
 * free_pages_check() (v5.6) and the model's additions: a page may not go back to the allocator
 * while a PTE still maps it or get_user_pages still holds it, even when its counters say so.
 */
final class BadPage {
    private BadPage() {
    }

    /** Why {@code p} may not be freed, or null. {@code mapping} is page->mapping after clearing. */
    static String reason(Kernel k, Page p, long mapping) {
        long mapcount = p.mapcount.peek();
        if (mapcount != -1) {
            return "nonzero mapcount (_mapcount " + mapcount + ")";
        }
        if (mapping != 0) {
            return "non-NULL mapping";
        }
        long ref = p.refcount.peek();
        if (ref != 0) {
            return "nonzero _refcount (" + ref + ")";
        }
        long flags = p.flags.peek() & PageFlags.CHECK_AT_FREE;
        if (flags != 0) {
            return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set: " + PageFlags.describe(flags);
        }
        if (p.gupRefs != 0) {
            return "freed while get_user_pages holds " + p.gupRefs + " reference(s)";
        }
        String mapper = PageTableScan.presentMapping(k, p);
        if (mapper != null) {
            return "freed while mapped: " + mapper;
        }
        return null;
    }
}
