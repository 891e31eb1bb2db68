package mmrace.kernel.variant;

/** zap_pte_range() and the mmu_gather: the TLB is flushed before the gathered pages are freed. */
public enum ZapFlush implements Variant {
    V5_6("v5.6", "tlb_flush_mmu: tlb_flush_mmu_tlbonly() then tlb_flush_mmu_free()"),
    FREE_BEFORE_FLUSH("counterfactual-free-before-flush", "counterfactual: the gathered pages are freed before the TLB flush");

    private final String id;
    private final String summary;

    ZapFlush(String id, String summary) {
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
