package mmrace.kernel.variant;

/** x86 native_flush_tlb_others(): whether CPUs in lazy TLB mode get the IPI. */
public enum X86LazyFlush implements Variant {
    V5_6("v5.6", "4.19 (145f573b89a6): lazy CPUs are skipped unless page tables are freed"),
    PRE_4_19("pre-4.19", "every CPU in mm_cpumask gets the IPI"),
    SKIP_LAZY_ALWAYS("counterfactual-skip-lazy-on-table-free", "counterfactual: lazy CPUs are skipped even when page tables are freed");

    private final String id;
    private final String summary;

    X86LazyFlush(String id, String summary) {
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
