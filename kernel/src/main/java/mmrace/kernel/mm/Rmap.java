package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Atomic;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.PageRemoveRmap;

/**
 * Adding and removing a page's reverse mappings (mm/rmap.c, v5.6): _mapcount, and for anonymous
 * pages page->mapping and page->index. Small pages only (compound mapcounts are part 2).
 */
public final class Rmap {
    private Rmap() {
    }

    /**
     * page_add_new_anon_rmap(): the first mapping of a page no one else can see yet, hence the
     * non-atomic __SetPageSwapBacked() and atomic_set of _mapcount (seed S003: a speculative
     * GUP can see it already through a racing lookup, and its atomic flag update is then lost).
     *
     * @see mm/rmap.c page_add_new_anon_rmap() (v5.6). Caller holds: the PTE lock.
     */
    public static void pageAddNewAnonRmap(Kernel k, Page p, VmArea vma, long addr) {
        try (Fn f = Fn.enter(k.x, "page_add_new_anon_rmap")) {
            PageFlags.nonAtomicSet(p, PageFlags.PG_swapbacked, "__SetPageSwapBacked");
            p.mapcount.store(0, Order.ONCE, "atomic_set(&page->_mapcount, 0)");
            pageSetAnonRmap(k, p, vma, addr, true);
        }
    }

    /**
     * __page_set_anon_rmap(): page->mapping = anon_vma | PAGE_MAPPING_ANON (the root's unless
     * exclusive), page->index = linear_page_index. A plain store in v5.6.
     */
    static void pageSetAnonRmap(Kernel k, Page p, VmArea vma, long addr, boolean exclusive) {
        long avPtr = vma.anonVma.read();
        if (avPtr == 0) {
            throw k.x.fail(FindingKind.CHECK, CheckNames.VM_BUG_ON, "BUG_ON(!anon_vma) in __page_set_anon_rmap for " + vma);
        }
        if (PageRef.pageAnon(p)) {
            return;
        }
        AnonVma av = AnonVma.deref(k, avPtr);
        if (!exclusive) {
            av = AnonVma.deref(k, av.root.read());
        }
        p.mapping.write(av.addr | AnonVma.PAGE_MAPPING_ANON);
        p.mappingGeneration = av.generation();
        p.index.write(vma.linearPageIndex(addr));
    }

    /**
     * page_add_anon_rmap() -> do_page_add_anon_rmap(): one more PTE maps an anonymous page
     * that may already be mapped (swap-in, fork, migration). The page is locked, so
     * page->mapping is stable.
     *
     * @see mm/rmap.c do_page_add_anon_rmap() (v5.6). Caller holds: the PTE lock and the page lock.
     */
    public static void pageAddAnonRmap(Kernel k, Page p, VmArea vma, long addr, boolean exclusive, SpinLock ptl) {
        try (Fn f = Fn.enter(k.x, "page_add_anon_rmap")) {
            // "The caller needs to hold the pte lock, and the page must be locked in the anon_vma case"
            ptl.assertHeld();
            boolean first = Atomic.in(p.mapcount).incAndTest();
            PageFlags.assertLocked(p, "do_page_add_anon_rmap");
            if (first) {
                pageSetAnonRmap(k, p, vma, addr, exclusive);
            }
        }
    }

    /**
     * page_dup_rmap() of a small page: atomic_inc(&page->_mapcount) (copy_one_pte at fork).
     * Caller holds: the source and destination PTE locks.
     */
    public static void pageDupRmap(Page p) {
        p.mapcount.rmw(Order.ONCE, "page_dup_rmap", v -> v + 1);
    }

    /**
     * page_add_file_rmap() of a small page.
     *
     * @see mm/rmap.c page_add_file_rmap() (v5.6). Caller holds: the PTE lock; the page is locked
     *     or otherwise pinned in the page cache.
     */
    public static void pageAddFileRmap(Kernel k, Page p, SpinLock ptl) {
        try (Fn f = Fn.enter(k.x, "page_add_file_rmap")) {
            // "The caller needs to hold the pte lock."
            ptl.assertHeld();
            Atomic.in(p.mapcount).incAndTest();
        }
    }

    /**
     * page_remove_rmap() of a small page: atomic_add_negative(-1, &_mapcount). page->mapping is
     * left set on purpose: "It would be tidy to reset the PageAnon mapping here, but that might
     * overwrite a racing page_add_anon_rmap which increments mapcount after us but sets mapping
     * before us: so leave the reset to free_unref_page, and remember that it's only reliable
     * while mapped."
     *
     * <p>{@link PageRemoveRmap#CLEAR_MAPPING} is Peter Zijlstra's diff against 2.6.34-rc (lkml,
     * 2010-04-12, "rmap: make anon_vma_prepare link in all the anon_vmas of a mergeable VMA"): it
     * drops that comment and, once the last mapping is gone, does {@code page->mapping = NULL}
     * with a plain store, for file and anonymous pages alike. Rik: "That would be a bug for file
     * pages"; Linus: unmap/exit "holds no locks on the page what-so-ever", and the page may be
     * reachable some other way (the swap cache). The default stands for 2.6.34-rc as well: for
     * what is modelled here (mapcount and page->mapping) the two versions agree.
     *
     * @see mm/rmap.c page_remove_rmap() (v5.6). Caller holds: the PTE lock.
     */
    public static void pageRemoveRmap(Kernel k, Page p, SpinLock ptl) {
        try (Fn f = Fn.enter(k.x, "page_remove_rmap")) {
            // "The caller needs to hold the pte lock."
            ptl.assertHeld();
            PageRef.pageAnon(p); // anon and file pages differ only in statistics here
            long now = p.mapcount.rmw(Order.FULL, "atomic_add_negative(-1, &page->_mapcount)", v -> v - 1) - 1;
            if (now < -1) {
                throw k.x.fail(FindingKind.CHECK, CheckNames.MAPCOUNT, "page_remove_rmap: " + p
                        + " _mapcount goes to " + now + " (BUG: Bad page map: page_mapcount(page) < 0)");
            }
            // "page still mapped by someone else?": atomic_add_negative() was false, nothing more.
            if (now == -1 && k.variant(PageRemoveRmap.class) == PageRemoveRmap.CLEAR_MAPPING) {
                p.mapping.write(0);
            }
        }
    }
}
