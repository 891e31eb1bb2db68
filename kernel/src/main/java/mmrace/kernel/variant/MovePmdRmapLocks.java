package mmrace.kernel.variant;

/**
 * move_page_tables(): whether mremap takes the rmap locks around move_normal_pmd(). Without them
 * an rmap walker (reclaim's try_to_unmap_one) can find the PTE table through the old PMD while it
 * moves; v5.6 has the race, "mm/mremap: hold the rmap lock in write mode when moving page table
 * entries." (v5.14, Fixes: 2c91bd4a4e2e) closes it.
 */
public enum MovePmdRmapLocks implements Variant {
    V5_6("v5.6", "take_rmap_locks() only if need_rmap_locks: false when copy_vma placed the new VMA after the old"),
    HOLD_RMAP_LOCK("hold-rmap-lock-for-pmd-move",
            "mm/mremap: hold the rmap lock in write mode when moving page table entries (v5.14)");

    private final String id;
    private final String summary;

    MovePmdRmapLocks(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String summary() {
        return summary;
    }
}
