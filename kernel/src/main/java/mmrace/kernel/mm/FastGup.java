package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Irq;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.GupFastRecheck;

/**
 * get_user_pages_fast(): a lockless walk of the current mm's page tables with interrupts off,
 * taking a speculative reference on each page and re-checking the entry it came from. No
 * mmap_lock, no PTE lock: what keeps the tables alive under the walk is that a page-table
 * page is freed only after a TLB flush that, on x86, is an IPI this CPU cannot acknowledge
 * with interrupts off, or, with MMU_GATHER_RCU_TABLE_FREE, after an RCU-sched grace period
 * (tlb_remove_table_sync_one) — but a table khugepaged *detaches* (pmdp_collapse_flush) is
 * not freed, so on an architecture whose flush does not wait for the walk only the re-check
 * of the PMD (70cbc3cc78a99, {@link GupFastRecheck}) notices it.
 *
 * <p>Check {@code gup-page-mapped}, on this side: when the walk commits to a page, the PTE it
 * came from still maps it (what the re-check ensures); khugepaged checks the other half, that
 * it never replaces a page GUP has committed to ({@link mmrace.kernel.Kernel#gupPins}).
 *
 * <p>Pages the walk cannot get (none, not writable for FOLL_WRITE, special) end the lockless
 * part; the rest goes through the slow path with the mmap_lock for read, as
 * __gup_longterm_unlocked() does.
 *
 * <table>
 * <caption>what the walk reads and what guards it</caption>
 * <tr><th>read</th><th>how</th><th>why it is safe</th></tr>
 * <tr><td>pmd</td><td>READ_ONCE, once</td><td>IRQs off: the table it points to is not freed under us (x86 IPI; RCU-sched elsewhere)</td></tr>
 * <tr><td>pte</td><td>READ_ONCE (gup_get_pte)</td><td>same</td></tr>
 * <tr><td>page</td><td>try_get_compound_head: _refcount + 1 unless 0</td><td>re-check of the pte (and pmd) after it</td></tr>
 * </table>
 *
 * @see mm/gup.c get_user_pages_fast() internal_get_user_pages_fast() gup_pgd_range() (v5.6)
 */
public final class FastGup {
    private FastGup() {
    }

    /**
     * get_user_pages_fast(start, nr_pages, gup_flags, pages) for the current mm: returns the
     * pages got, each with a reference (FOLL_GET; FOLL_PIN counts GUP_PIN_COUNTING_BIAS), and
     * SetPageReferenced on each (mark_page_accessed's cheap cousin).
     *
     * @see mm/gup.c internal_get_user_pages_fast() (v5.6). Caller holds: nothing. Takes: IRQs off
     *     around the walk; the mmap_lock for read in the slow fallback.
     */
    public static List<Page> getUserPagesFast(Kernel k, MmStruct mm, long start, int nrPages, int gupFlags) {
        return internalGetUserPagesFast(k, mm, start, nrPages, gupFlags, false);
    }

    /**
     * get_user_pages_fast_only() (__get_user_pages_fast before v5.9): the lockless walk alone,
     * never faulting; returns what it got.
     */
    public static List<Page> getUserPagesFastOnly(Kernel k, MmStruct mm, long start, int nrPages, int gupFlags) {
        return internalGetUserPagesFast(k, mm, start, nrPages, gupFlags, true);
    }

    static List<Page> internalGetUserPagesFast(Kernel k, MmStruct mm, long start, int nrPages, int gupFlags,
                                              boolean fastOnly) {
        try (Fn f = Fn.enter(k.x, fastOnly ? "get_user_pages_fast_only" : "get_user_pages_fast")) {
            if ((gupFlags & (Gup.FOLL_GET | Gup.FOLL_PIN)) == 0) {
                gupFlags |= Gup.FOLL_GET;
            }
            List<Page> pages = new ArrayList<>();
            long end = start + nrPages * Geometry.PAGE_SIZE;
            // "Disable interrupts. The nested form is used, in order to allow full, general
            // purpose use of this routine. With interrupts disabled, we block page table pages
            // from being freed from under us." (gup_fast)
            long flags = Irq.localIrqSave(k.x);
            gupPgdRange(k, mm, start, end, gupFlags, pages);
            Irq.localIrqRestore(k.x, flags);
            if (pages.size() < nrPages && !fastOnly) {
                long next = start + pages.size() * Geometry.PAGE_SIZE;
                try (Fn slow = Fn.enter(k.x, "__gup_longterm_unlocked")) {
                    mm.mmapLock.downRead();
                    pages.addAll(Gup.getUserPages(k, mm, next, nrPages - pages.size(), gupFlags));
                    mm.mmapLock.upRead();
                }
            }
            return pages;
        }
    }

    /**
     * gup_pgd_range() down to gup_pmd_range(): for each PMD extent, READ_ONCE the PMD; none or
     * not present ends the walk; a huge PMD goes to gup_huge_pmd, a table to gup_pte_range.
     *
     * @see mm/gup.c gup_pmd_range() (v5.6). Caller holds: IRQs off.
     * @return false when the walk stopped early
     */
    static boolean gupPgdRange(Kernel k, MmStruct mm, long addr, long end, int flags, List<Page> pages) {
        try (Fn f = Fn.enter(k.x, "gup_pgd_range")) {
            long next;
            do {
                next = k.geo.pmdAddrEnd(addr, end);
                Loc pmdp = mm.pmdOf(addr);
                long pmd = pmdp.readOnce();
                if (!Pmd.present(pmd)) {
                    return false;
                }
                if (Pmd.transHuge(pmd)) {
                    if (!gupHugePmd(k, mm, pmd, pmdp, addr, next, flags, pages)) {
                        return false;
                    }
                } else if (!gupPteRange(k, mm, pmd, pmdp, addr, next, flags, pages)) {
                    return false;
                }
                addr = next;
            } while (addr != end);
            return true;
        }
    }

    /**
     * gup_pte_range(): per PTE, READ_ONCE it, check access, take a reference unless the count
     * is zero, re-check the PTE (and with 70cbc3cc78a99 the PMD) unchanged, SetPageReferenced.
     *
     * @see mm/gup.c gup_pte_range() (v5.6). Caller holds: IRQs off.
     */
    static boolean gupPteRange(Kernel k, MmStruct mm, long pmd, Loc pmdp, long addr, long end, int flags, List<Page> pages) {
        try (Fn f = Fn.enter(k.x, "gup_pte_range")) {
            // pte_offset_map(&pmd, addr): through the PMD value read above, not re-read.
            PteTable t = Pgtable.tableOf(k, pmd);
            do {
                int i = k.geo.pteIndex(addr);
                long pte = t.read(i, Order.ONCE, "gup_get_pte");
                if (!Pte.present(pte) || ((flags & Gup.FOLL_WRITE) != 0 && !Pte.write(pte))) {
                    return false; // pte_access_permitted() fails
                }
                if (Pte.special(pte)) {
                    return false;
                }
                Page page = k.pages.page(Pte.pfn(pte));
                Page head = tryGrabCompoundHead(k, page, flags);
                if (head == null) {
                    return false;
                }
                boolean pmdChanged = k.variant(GupFastRecheck.class) == GupFastRecheck.RECHECK_PMD
                        && pmdp.readOnce() != pmd;
                boolean recheck = k.variant(GupFastRecheck.class) != GupFastRecheck.NO_PTE_RECHECK;
                if (pmdChanged || (recheck && t.read(i, Order.ONCE, "pte_val(*ptep)") != pte)) {
                    putCompoundHead(k, head, flags);
                    return false;
                }
                if (!recheck) {
                    // The check's own observation, where the kernel no longer looks.
                    long now = t.read(i, Order.ONCE, "check: *ptep at commit");
                    if (now != pte) {
                        throw k.x.fail(mmrace.engine.exec.FindingKind.CHECK, CheckNames.GUP_PAGE_MAPPED,
                                "get_user_pages_fast returns " + page + " for 0x" + Long.toHexString(addr)
                                        + " but its PTE is now " + Pte.describe(now) + ": the page is no longer mapped there");
                    }
                }
                PageFlags.set(page, PageFlags.PG_referenced, "SetPageReferenced");
                k.gupPinned(mm, addr, head);
                pages.add(page);
                addr += Geometry.PAGE_SIZE;
            } while (addr != end);
            return true;
        }
    }

    /**
     * gup_huge_pmd(): the head page of a THP mapped by the PMD, one reference for the whole
     * range (the model's THP is its head alone), re-checking the PMD.
     *
     * @see mm/gup.c gup_huge_pmd() (v5.6). Caller holds: IRQs off.
     */
    static boolean gupHugePmd(Kernel k, MmStruct mm, long orig, Loc pmdp, long addr, long end, int flags, List<Page> pages) {
        try (Fn f = Fn.enter(k.x, "gup_huge_pmd")) {
            if ((flags & Gup.FOLL_WRITE) != 0 && !Pte.write(orig)) {
                return false;
            }
            Page head = k.pages.page(Pmd.pfn(orig));
            if (tryGrabCompoundHead(k, head, flags) == null) {
                return false;
            }
            if (pmdp.readOnce() != orig) {
                putCompoundHead(k, head, flags);
                return false;
            }
            PageFlags.set(head, PageFlags.PG_referenced, "SetPageReferenced");
            for (long a = addr; a != end; a += Geometry.PAGE_SIZE) {
                if (a != addr) {
                    PageRef.pageRefAdd(head, refsOf(flags), "page_ref_add");
                    head.gupRefs += refsOf(flags);
                }
                k.gupPinned(mm, a, head);
                pages.add(head);
            }
            return true;
        }
    }

    private static int refsOf(int flags) {
        return (flags & Gup.FOLL_PIN) != 0 ? Gup.GUP_PIN_COUNTING_BIAS : 1;
    }

    /**
     * try_get_compound_head() (v5.6) / try_grab_compound_head() (v5.7): the head's _refcount
     * plus one (or the pin bias) unless it is zero — the page may be being freed.
     */
    static Page tryGrabCompoundHead(Kernel k, Page page, int flags) {
        long refs = refsOf(flags);
        long old = page.refcount.condRmw(Order.FULL, "try_get_compound_head", v -> v > 0, v -> v + refs);
        if (old <= 0) {
            return null;
        }
        page.gupRefs += refs;
        return page;
    }

    /** put_compound_head(): drop what {@link #tryGrabCompoundHead} took, after a failed re-check. */
    static void putCompoundHead(Kernel k, Page head, int flags) {
        head.gupRefs -= refsOf(flags);
        if (PageRef.pageRefSubAndTest(head, refsOf(flags), "put_compound_head")) {
            Swap.pageCacheRelease(k, head);
            k.pages.freePage(head, "free_unref_page");
        }
    }
}
