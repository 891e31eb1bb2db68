package mmrace.kernel.variant;

/**
 * gup_pte_range()'s re-check after taking the reference: the PTE only (v5.6), or the PMD too
 * (70cbc3cc78a99, "mm: gup: fix the fast GUP race against THP collapse", v6.2), which
 * catches a PTE table that khugepaged detached after the walk read the PMD, on architectures
 * whose TLB flush does not wait for IRQs-off walkers.
 */
public enum GupFastRecheck implements Variant {
    V5_6("v5.6", "re-check only the PTE after try_get_compound_head()"),
    RECHECK_PMD("gup-recheck-pmd", "70cbc3cc78a99 (v6.2): also re-check the PMD against the value the walk read"),
    NO_PTE_RECHECK("no-pte-recheck", "counterfactual: no re-check at all after taking the reference");

    private final String id;
    private final String summary;

    GupFastRecheck(String id, String summary) {
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
