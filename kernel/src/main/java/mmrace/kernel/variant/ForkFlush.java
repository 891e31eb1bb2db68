package mmrace.kernel.variant;

/** dup_mmap(): flush_tlb_mm(oldmm) after write-protecting the parent's COW PTEs, before up_write. */
public enum ForkFlush implements Variant {
    V5_6("v5.6", "flush_tlb_mm(oldmm) before releasing the parent's mmap_lock"),
    NO_FLUSH("counterfactual-no-flush-tlb-mm", "counterfactual: the parent's writable TLB entries survive the fork");

    private final String id;
    private final String summary;

    ForkFlush(String id, String summary) {
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
