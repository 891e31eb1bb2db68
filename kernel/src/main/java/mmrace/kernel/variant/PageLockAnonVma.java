package mmrace.kernel.variant;

/** page_lock_anon_vma(): finding and locking a page's anon_vma for an rmap walk (seed S001). */
public enum PageLockAnonVma implements Variant {
    V5_6("v5.6", "page_lock_anon_vma_read(): read root, down_read_trylock, else refcount + sleep; recheck page_mapped"),
    V2_6_34_RC("2.6.34-rc", "rcu_read_lock, read mapping, page_mapped, spin_lock(&anon_vma->lock): no recheck"),
    PETERZ("peterz", "re-read page->mapping after locking, retry if changed, smp_rmb, then page_mapped"),
    PETERZ_NO_RMB("peterz-no-rmb", "as peterz without the smp_rmb"),
    V2_6_36("2.6.36", "f18194275c39: lock anon_vma->root, re-check page_mapped after locking");

    private final String id;
    private final String summary;

    PageLockAnonVma(String id, String summary) {
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
