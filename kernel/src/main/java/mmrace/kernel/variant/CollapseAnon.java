package mmrace.kernel.variant;

/** khugepaged's anonymous collapse, collapse_huge_page() (seed S000). */
public enum CollapseAnon implements Variant {
    V5_6("v5.6", "as merged: pmdp_collapse_flush under the pmd lock detaches the PTE table; copy puts each source page back on the LRU before unmapping it"),
    NO_DETACH("no-detach", "counterfactual: pmdp_collapse_flush flushes but leaves the PMD pointing at the PTE table"),
    YANG_V2("yang-v2", "Yang Shi, \"mm: khugepaged: don't have to put being freed page back to lru\" v2: remove the rmap first, no putback of a page no longer mapped"),
    COLLAPSE_IPI_SYNC("collapse-ipi-sync", "2ba99c5e0881: tlb_remove_table_sync_one() (an IPI to every CPU) after pmdp_collapse_flush"),
    NO_PMD_LOCK("no-pmd-lock", "Yang Shi's question: pmdp_collapse_flush without the pmd lock (mmap_lock write and anon_vma write cover it)");

    private final String id;
    private final String summary;

    CollapseAnon(String id, String summary) {
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
