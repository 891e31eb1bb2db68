package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Order;
import mmrace.kernel.check.CheckNames;

/**
 * page->_refcount and page->_mapcount operations (include/linux/page_ref.h, mm.h), each one
 * atomic op with the kernel's ordering.
 */
public final class PageRef {
    private PageRef() {
    }

    /** get_page(): page_ref_inc. The caller already holds a reference (or the page is mapped under the PTE lock). */
    public static void getPage(Page p) {
        long old = p.refcount.rmw(Order.ONCE, "get_page", v -> v + 1);
        if (old <= 0) {
            throw p.k.x.fail(FindingKind.CHECK, CheckNames.REFCOUNT, "get_page() on " + p + " with _refcount " + old
                    + " (VM_BUG_ON_PAGE(page_ref_zero_or_close_to_overflow))");
        }
    }

    /** page_ref_add(): {@code n} references at once (swap cache: one per subpage; FOLL_PIN: GUP_PIN_COUNTING_BIAS). */
    public static void pageRefAdd(Page p, long n, String name) {
        p.refcount.rmw(Order.ONCE, name, v -> v + n);
    }

    /** get_page_unless_zero(): atomic_add_unless(&_refcount, 1, 0), fully ordered when it adds. */
    public static boolean getPageUnlessZero(Page p) {
        long old = p.refcount.condRmw(Order.FULL, "get_page_unless_zero", v -> v != 0, v -> v + 1);
        return old != 0;
    }

    /** put_page_testzero(): atomic_dec_and_test; true if this was the last reference. */
    public static boolean putPageTestzero(Page p) {
        long now = p.refcount.rmw(Order.FULL, "put_page_testzero", v -> v - 1) - 1;
        if (now < 0) {
            throw p.k.x.fail(FindingKind.CHECK, CheckNames.REFCOUNT, "put_page() of " + p
                    + " drops _refcount below zero (VM_BUG_ON_PAGE(page_ref_count(page) == 0))");
        }
        return now == 0;
    }

    /** page_ref_sub_and_test(). */
    public static boolean pageRefSubAndTest(Page p, long n, String name) {
        long now = p.refcount.rmw(Order.FULL, name, v -> v - n) - n;
        if (now < 0) {
            throw p.k.x.fail(FindingKind.CHECK, CheckNames.REFCOUNT, name + " of " + p + " drops _refcount below zero");
        }
        return now == 0;
    }

    /** page_ref_freeze(): cmpxchg(_refcount, count, 0); true if frozen. */
    public static boolean pageRefFreeze(Page p, long count) {
        return p.refcount.cmpxchg(Order.FULL, "page_ref_freeze", count, 0) == count;
    }

    /** page_ref_unfreeze(): atomic_set_release. */
    public static void pageRefUnfreeze(Page p, long count) {
        p.refcount.store(count, Order.RELEASE, "page_ref_unfreeze");
    }

    /** page_count(): atomic_read. */
    public static long pageCount(Page p) {
        return p.refcount.load(Order.ONCE, "page_count");
    }

    /** page_mapcount() of a small page: atomic_read(&_mapcount) + 1. */
    public static long pageMapcount(Page p) {
        return p.mapcount.load(Order.ONCE, "page_mapcount") + 1;
    }

    /** page_mapped(): atomic_read(&_mapcount) >= 0. */
    public static boolean pageMapped(Page p) {
        return p.mapcount.load(Order.ONCE, "page_mapped") >= 0;
    }

    /** PageAnon(): READ_ONCE(page->mapping) has PAGE_MAPPING_ANON. */
    public static boolean pageAnon(Page p) {
        return (p.mapping.load(Order.ONCE, "PageAnon") & AnonVma.PAGE_MAPPING_ANON) != 0;
    }

    /** page_mapping(): the address_space of a page-cache page, the swap cache's for a swap-cache page, else null. */
    public static AddressSpace pageMapping(Page p) {
        long m = p.mapping.load(Order.ONCE, "page_mapping");
        if ((m & AnonVma.PAGE_MAPPING_ANON) != 0) {
            if (PageFlags.test(p, PageFlags.PG_swapcache, "PageSwapCache")) {
                return p.k.swap.swapCache;
            }
            return null;
        }
        return m == 0 ? null : Mappings.deref(p.k, m);
    }
}
