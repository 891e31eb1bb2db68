package mmrace.kernel.mm;

import mmrace.engine.exec.Named;
import mmrace.engine.exec.Proc;
import mmrace.engine.mem.Loc;
import mmrace.kernel.Kernel;

/**
 * struct page: one page frame's descriptor. It lives as long as the machine (mem_map), so its
 * fields are never "freed"; what is freed is the frame, which {@link PageAlloc} hands out again.
 * A speculative user (get_page_unless_zero) may touch the descriptor of a free frame, as in
 * the kernel.
 */
public final class Page implements Named {
    /** What the frame is used for now; changed only by {@link PageAlloc}'s events. */
    public enum Role { FREE, DATA, PGTABLE, ZERO }

    public final Kernel k;
    public final int pfn;
    /** page->flags. Atomic bitops anywhere; __SetPage*() only where the page is not yet visible. */
    public final Loc flags;
    /** page->_refcount: atomic. */
    public final Loc refcount;
    /** page->_mapcount: atomic; -1 while no PTE maps the page. */
    public final Loc mapcount;
    /**
     * page->mapping: an address_space, or an anon_vma tagged PAGE_MAPPING_ANON. write: file pages
     * under the page lock and the i_pages lock; anon pages when first mapped, under the PTE lock;
     * read: READ_ONCE anywhere, valid only while mapped or locked (left stale on unmap on purpose).
     */
    public final Loc mapping;
    /** page->index: the page offset in its file or anon_vma; written with {@link #mapping}. */
    public final Loc index;
    /** page->private: the swap entry while PageSwapCache. write: page lock + i_pages lock. */
    public final Loc priv;
    /** The page's contents, one word of user data. Physical memory: always accessible. */
    public final Loc data;
    /**
     * One explorer key per bit of {@link #flags}: atomic bit operations on different bits
     * commute, so each touches only its bit's key; a plain load or store of the word touches all.
     */
    final long[] flagKeys = new long[PageFlags.NR_PAGEFLAGS];

    // Allocator state, changed only inside PageAlloc's ALLOC and FREE events.
    Role role = Role.FREE;
    /** How many times this frame has been allocated: a TLB entry remembers it. */
    int generation;
    /** The PTE table this frame holds while role == PGTABLE. */
    PteTable table;

    /** LRU list membership. guarded by: lruvec->lru_lock. */
    Lruvec.List lru;

    // Ghost state for checks only: never read by the modelled kernel code.
    /** Bits of {@link #flags} set by an atomic op and not cleared on purpose since. */
    long atomicBits;
    /** Who holds PG_locked, as the model saw it taken. */
    Proc lockOwner;
    /**
     * A transparent huge page is modelled by its head frame alone: this is HPAGE_PMD_NR for a
     * THP head (set when khugepaged allocates it), 0 for a small page. Its _mapcount counts the
     * PMDs that map it (compound_mapcount), its _refcount one per PMD mapping and per pin.
     */
    int compoundNr;

    /** Which allocation of its anon_vma page->mapping was set for (a reused anon_vma is another one). */
    int mappingGeneration;
    /** References taken by get_user_pages and not yet put (FOLL_GET) or unpinned (FOLL_PIN). */
    int gupRefs;

    Page(Kernel k, int pfn) {
        this.k = k;
        this.pfn = pfn;
        String n = "page#" + pfn;
        this.flags = new Loc(k.x, n + "->flags", 0);
        this.refcount = new Loc(k.x, n + "->_refcount", 0);
        this.mapcount = new Loc(k.x, n + "->_mapcount", -1);
        this.mapping = new Loc(k.x, n + "->mapping", 0);
        this.index = new Loc(k.x, n + "->index", 0);
        this.priv = new Loc(k.x, n + "->private", 0);
        this.data = new Loc(k.x, n + "->data", 0);
        for (int i = 0; i < flagKeys.length; i++) {
            flagKeys[i] = k.x.newId();
        }
    }

    /** HPAGE_PMD_NR for a THP head, 0 for a small page. */
    public int compoundNr() {
        return compoundNr;
    }

    public Role role() {
        return role;
    }

    public int generation() {
        return generation;
    }

    public boolean isFree() {
        return role == Role.FREE;
    }

    /** The PTE table held in this frame, or null. */
    public PteTable table() {
        return table;
    }

    public int gupRefs() {
        return gupRefs;
    }

    public Lruvec.List lruList() {
        return lru;
    }

    public boolean isZeroPage() {
        return role == Role.ZERO;
    }

    @Override
    public String displayName() {
        return "page#" + pfn;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
