package mmrace.kernel.variant;

/** do_anonymous_page(): the order of the rmap update and set_pte_at(), and (counterfactual) its PTE lock. */
public enum AnonFault implements Variant {
    V5_3("5.3", "page_add_new_anon_rmap (non-atomic __SetPageSwapBacked) then set_pte_at, a plain store, under the PTE lock"),
    SMP_WMB("smp_wmb", "Yu Zhao's v3: smp_wmb() before set_pte_at"),
    SET_PTE_RELEASE("set_pte-release", "Peter Zijlstra's suggestion: set_pte_at as a store-release"),
    NO_PTE_LOCK("counterfactual-no-pte-lock", "counterfactual: the pte_none check and set_pte_at without the PTE lock");

    private final String id;
    private final String summary;

    AnonFault(String id, String summary) {
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
