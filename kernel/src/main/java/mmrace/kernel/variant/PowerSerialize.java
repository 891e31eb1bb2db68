package mmrace.kernel.variant;

/** power radix__pmdp_collapse_flush(): serialize_against_pte_lookup() after the flush, or not. */
public enum PowerSerialize implements Variant {
    SERIALIZE("serialize_against_pte_lookup", "as in the kernel: an IPI to the mm's CPUs, waited for, after the flush"),
    NONE("no-serialize", "counterfactual: the flush alone, as on arm64");

    private final String id;
    private final String summary;

    PowerSerialize(String id, String summary) {
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
