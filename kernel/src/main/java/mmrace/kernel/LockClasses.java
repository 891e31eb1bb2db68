package mmrace.kernel;

import mmrace.engine.sync.LockClass;

/**
 * The lock classes of the mm model with their ranks: the lock-ordering tree at the top of
 * mm/rmap.c (v5.6), linearised. A lock may only be taken while holding locks of lower rank
 * (or of its own class with a _nested annotation); the engine checks that on every acquisition,
 * so docs/LOCKING.md, which prints this table as a tree, cannot drift from the code.
 *
 * <p>Siblings of the tree (pgdat->lru_lock and swap_lock) get distinct ranks in the order the
 * model never nests them; the page lock (PG_locked) is a bit lock the engine does not rank,
 * as lockdep does not know it either.
 */
public final class LockClasses {
    private LockClasses() {
    }

    /** inode->i_rwsem (i_mutex): held while truncating, not while faulting. */
    public static final LockClass I_RWSEM = LockClass.of("inode->i_rwsem", 10);
    /** mm->mmap_lock (mmap_sem before v5.8). */
    public static final LockClass MMAP_LOCK = LockClass.of("mm->mmap_lock", 20);
    /** PG_locked, documented here for the tree only (not checked). */
    public static final int PAGE_LOCK_RANK = 30;
    /** mapping->i_mmap_rwsem. */
    public static final LockClass I_MMAP_RWSEM = LockClass.of("mapping->i_mmap_rwsem", 40);
    /** anon_vma->root->rwsem (anon_vma->lock, a spinlock, in 2.6.3x). */
    public static final LockClass ANON_VMA = LockClass.of("anon_vma->rwsem", 50);
    /** mm->page_table_lock, also the pmd lock (pmd_lock()) of this model. */
    public static final LockClass PAGE_TABLE_LOCK = LockClass.of("mm->page_table_lock", 60);
    /** The split PTE lock (page->ptl) of a PTE table. */
    public static final LockClass PTL = LockClass.of("ptlock", 61);
    /** pgdat->lru_lock (in mark_page_accessed, isolate_lru_page). */
    public static final LockClass LRU_LOCK = LockClass.of("pgdat->lru_lock", 70);
    /** swap_info_struct->lock (swap_lock, in swap_duplicate, swap_info_get). */
    public static final LockClass SWAP_LOCK = LockClass.of("si->lock", 71);
    /** mmlist_lock. */
    public static final LockClass MMLIST_LOCK = LockClass.of("mmlist_lock", 80);
    /** inode->i_lock (in set_page_dirty's __mark_inode_dirty, iput). */
    public static final LockClass I_LOCK = LockClass.of("inode->i_lock", 85);
    /** mapping->i_pages xa_lock (the tree_lock before v4.17), also the swap cache's. */
    public static final LockClass I_PAGES = LockClass.of("mapping->i_pages", 90);
    /** The IOMMU's walk/invalidation serialization (the model's stand-in for the hardware's). */
    public static final LockClass IOMMU = LockClass.of("iommu->walk_lock", 95);

    /** Every ranked class, for docs and tests. */
    public static LockClass[] all() {
        return new LockClass[] {I_RWSEM, MMAP_LOCK, I_MMAP_RWSEM, ANON_VMA, PAGE_TABLE_LOCK, PTL, LRU_LOCK,
                SWAP_LOCK, MMLIST_LOCK, I_LOCK, I_PAGES};
    }
}
