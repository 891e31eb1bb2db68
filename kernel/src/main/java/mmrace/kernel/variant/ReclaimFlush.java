package mmrace.kernel.variant;

/** shrink_page_list(): the batched TLB flush of try_to_unmap (TTU_BATCH_FLUSH) before pages are freed. */
public enum ReclaimFlush implements Variant {
    V5_6("v5.6", "ptep_get_and_clear + set_tlb_ubc_flush_pending; try_to_unmap_flush() before free_unref_page_list"),
    NO_FLUSH_BEFORE_FREE("counterfactual-no-flush-before-free", "counterfactual: the deferred flush is skipped before the pages are freed");

    private final String id;
    private final String summary;

    ReclaimFlush(String id, String summary) {
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
