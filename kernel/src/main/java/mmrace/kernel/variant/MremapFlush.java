package mmrace.kernel.variant;

/** move_ptes(): when the TLB is flushed for moved dirty PTEs. */
public enum MremapFlush implements Variant {
    V5_6("v5.6", "eb66ae030829 (4.20): flush_tlb_range under the PTE locks whenever a present PTE was moved"),
    V4_19("4.19", "only dirty PTEs are flushed under the PTE locks; clean ones in move_page_tables after the locks are dropped");

    private final String id;
    private final String summary;

    MremapFlush(String id, String summary) {
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
