package mmrace.kernel.mm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.Named;
import mmrace.engine.exec.OpKind;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;

/**
 * The physical page allocator (mm/page_alloc.c), reduced to one LIFO free list: a page freed is
 * the next one handed out, which is what makes a stale TLB entry or a stale page-table pointer
 * observable. Allocation and free are one event each on the free list; the bad-page checks of
 * free_pages_prepare() run inside the free event.
 */
public final class PageAlloc implements Named {
    private final Kernel k;
    private final Page[] pages;
    /** The free list. Touched only inside this allocator's events (key {@link #key}). */
    private final Deque<Page> free = new ArrayDeque<>();
    private final long key;

    public PageAlloc(Kernel k, int nrPages) {
        this.k = k;
        this.key = k.x.newId();
        this.pages = new Page[nrPages + 1];
        for (int pfn = 0; pfn <= nrPages; pfn++) {
            pages[pfn] = new Page(k, pfn);
        }
        Page zero = pages[0];
        zero.role = Page.Role.ZERO;
        zero.flags.init(PageFlags.bit(PageFlags.PG_reserved));
        zero.refcount.init(1);
        for (int pfn = nrPages; pfn >= 1; pfn--) {
            free.push(pages[pfn]);
        }
    }

    /** pfn_to_page(). */
    public Page page(long pfn) {
        if (pfn < 0 || pfn >= pages.length) {
            throw new IllegalStateException("pfn " + pfn + " out of range");
        }
        return pages[(int) pfn];
    }

    /** my_zero_pfn(): ZERO_PAGE(0), mapped read-only by read faults on anonymous memory. */
    public Page zeroPage() {
        return pages[0];
    }

    public int nrPages() {
        return pages.length - 1;
    }

    public List<Page> all() {
        return List.of(pages).subList(1, pages.length);
    }

    /** Pages now holding PTE tables (for the checks and the world's end state). */
    public List<PteTable> liveTables() {
        List<PteTable> out = new ArrayList<>();
        for (Page p : pages) {
            // A frame just taken by pte_alloc_one() has no table yet (pgtable_pte_page_ctor follows).
            if (p.role == Page.Role.PGTABLE && p.table != null) {
                out.add(p.table);
            }
        }
        return out;
    }

    /**
     * alloc_pages(gfp, 0) for user data: takes the most recently freed frame, then
     * prep_new_page()'s set_page_refcounted() and, for __GFP_ZERO, clear_page(). Returns null
     * when memory is exhausted (the caller's VM_FAULT_OOM).
     *
     * @see mm/page_alloc.c __alloc_pages_nodemask() (v5.6)
     */
    public Page allocPage(boolean zero) {
        Page p = take(Page.Role.DATA, "alloc_pages");
        if (p != null) {
            prep(p, zero);
        }
        return p;
    }

    /**
     * alloc_hugepage_vma() for khugepaged: a transparent huge page, modelled by one head frame
     * that stands for HPAGE_PMD_NR (see {@link Page#compoundNr}); prep_transhuge_page().
     *
     * @see mm/khugepaged.c khugepaged_alloc_page() (v5.6)
     */
    public Page allocHugePage() {
        Page p = take(Page.Role.DATA, "alloc_hugepage_vma");
        if (p != null) {
            p.compoundNr = k.geo.hpagePmdNr();
            prep(p, false);
        }
        return p;
    }

    /** Frame allocation in setup: no events, same end state as {@link #allocPage}. */
    public Page allocPageInSetup(Page.Role role) {
        Page p = free.pop();
        p.role = role;
        p.generation++;
        p.refcount.init(1);
        return p;
    }

    /** Takes a frame off the free list: the one ALLOC event. */
    Page take(Page.Role role, String name) {
        Execution x = k.x;
        Event e = x.begin(OpKind.ALLOC, name, this, Footprint.one(key, Mode.WRITE), null);
        Page p = free.poll();
        if (p == null) {
            e.a = 0;
            e.note = "out of memory";
            return null;
        }
        p.role = role;
        p.generation++;
        e.a = p.pfn;
        e.note = p + (p.generation > 1 ? " (reused)" : "");
        return p;
    }

    private void prep(Page p, boolean zero) {
        p.refcount.store(1, Order.ONCE, "set_page_refcounted");
        if (zero) {
            p.data.store(0, Order.PLAIN, "clear_page");
        }
    }

    /**
     * free_unref_page() of a page whose refcount reached zero: free_pages_prepare() clears an
     * anon page's mapping, runs the bad-page checks, clears the flags, and the frame goes back
     * on the free list. A PTE table's frame takes its table with it.
     *
     * @see mm/page_alloc.c free_pages_prepare() free_pages_check() (v5.6)
     */
    public void freePage(Page p, String name) {
        Execution x = k.x;
        List<Loc> touched = new ArrayList<>(List.of(p.flags, p.mapping, p.data, p.refcount, p.mapcount));
        if (p.table != null && p.role == Page.Role.PGTABLE) {
            touched.addAll(List.of(p.table.ptes));
        }
        long[] bits = PageFlags.wordFp(p, Mode.WRITE);
        long[] fp = new long[touched.size() + 1 + bits.length];
        for (int i = 0; i < touched.size(); i++) {
            fp[i] = Footprint.of(touched.get(i).id, Mode.WRITE);
        }
        fp[touched.size()] = Footprint.of(key, Mode.WRITE);
        System.arraycopy(bits, 0, fp, touched.size() + 1, bits.length);
        Event e = x.begin(OpKind.FREE, name, this, fp, null);
        e.a = p.pfn;
        e.note = p.toString();
        if (p.role == Page.Role.FREE || p.role == Page.Role.ZERO) {
            throw x.fail(FindingKind.CHECK, CheckNames.BAD_PAGE, "BUG: Bad page state: " + p
                    + (p.role == Page.Role.FREE ? " freed twice" : " is the zero page"));
        }
        long mapping = x.memory().peek(p.mapping);
        if ((mapping & AnonVma.PAGE_MAPPING_FLAGS) != 0) {
            mapping = 0; // free_pages_prepare: if (PageMappingFlags(page)) page->mapping = NULL;
            x.memory().store(x.current(), p.mapping, 0, Order.PLAIN);
        }
        String bad = BadPage.reason(k, p, mapping);
        if (bad != null) {
            throw x.fail(FindingKind.CHECK, CheckNames.BAD_PAGE, "BUG: Bad page state in process "
                    + x.current() + ": " + p + " " + bad);
        }
        long flags = x.memory().peek(p.flags);
        x.memory().store(x.current(), p.flags, flags & ~PageFlags.CHECK_AT_PREP, Order.PLAIN);
        p.atomicBits = 0;
        p.lockOwner = null;
        if (p.role == Page.Role.PGTABLE) {
            p.table.dead();
            p.table = null;
        }
        p.role = Page.Role.FREE;
        p.compoundNr = 0;
        free.push(p);
    }

    @Override
    public String displayName() {
        return "free pages";
    }
}
