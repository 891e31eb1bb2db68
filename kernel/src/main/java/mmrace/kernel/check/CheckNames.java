package mmrace.kernel.check;

/**
 * The stable names of the mm model's checks, as findings and scenario expectations spell them.
 * The engine's own checks keep their names: {@code kasan}, {@code deadlock}, {@code lock-order},
 * {@code might-sleep}, {@code lock-held} (lockdep_assert_held on an engine lock).
 */
public final class CheckNames {
    private CheckNames() {
    }

    /** _mapcount + 1 equals the number of page-table entries that map the page. */
    public static final String MAPCOUNT = "mapcount";
    /** _refcount equals the references the model can account for: mappings, caches, pins, isolation. */
    public static final String REFCOUNT = "refcount";
    /** The kernel's bad-page checks at free time, plus: not mapped by any PTE, not pinned. */
    public static final String BAD_PAGE = "bad-page";
    /** An atomically set page flag lost to a non-atomic read-modify-write. */
    public static final String LOST_FLAG_UPDATE = "lost-flag-update";
    /** A translation (TLB entry) used after its page was freed. */
    public static final String STALE_TLB = "stale-tlb";
    /** A page table read (by software or a hardware walker) after it was freed. */
    public static final String PGTABLE_FREED = "pgtable-freed-under-walker";
    /** RSS counters balance: zero at exit, and equal to what the page tables map. */
    public static final String RSS = "rss";
    /** A "caller holds" assertion: lockdep_assert_held, VM_BUG_ON_PAGE(!PageLocked). */
    public static final String LOCK_HELD = "lock-held";
    /** A page left locked when everything has finished. */
    public static final String PAGE_LOCK_LEAK = "page-lock-leak";
    /** A VM_BUG_ON-style consistency assertion of a code path (named in the message). */
    public static final String VM_BUG_ON = "vm-bug-on";
    /** S001: the anon_vma an rmap walk locked is the page's, and the page is mapped. */
    public static final String RMAP_ANON_VMA = "rmap-anon-vma";
    /** A user write reached a page that another process maps copy-on-write. */
    public static final String COW_ISOLATION = "cow-isolation";
    /** PG_lru is set exactly on pages that are on an LRU list. */
    public static final String LRU = "lru";
    /** User data read back differs from what was written (swap round trip, COW copy, mremap). */
    public static final String DATA = "data";
    /** A page get_user_pages_fast returned (and still holds) is the page mapped at its address. */
    public static final String GUP_PAGE_MAPPED = "gup-page-mapped";
    /** A PTE table is freed or detached from its PMD while it still holds a present PTE. */
    public static final String PGTABLE_LIVE_DETACHED = "pgtable-detached-with-present-pte";
    /** Functional: a dirty page without a mapping (anon, not in the swap cache) can be isolated for migration. */
    public static final String ISOLATE_DIRTY_NO_MAPPING = "isolate-dirty-no-mapping";
    /** S001: a page in a page cache has page->mapping = that address_space. */
    public static final String PAGE_CACHE_MAPPING = "page-cache-mapping";
    /** S001: a mapped anonymous page has page->mapping = its anon_vma | PAGE_MAPPING_ANON. */
    public static final String ANON_MAPPING = "anon-mapping";
}
