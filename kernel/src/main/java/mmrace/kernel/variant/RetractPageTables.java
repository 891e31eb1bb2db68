package mmrace.kernel.variant;

/** retract_page_tables() after collapse_file() of a shmem/file THP (seed S004). */
public enum RetractPageTables implements Variant {
    V6_4("v6.4", "i_mmap write lock, racy anon_vma pre-check, mmap_write_trylock, re-check anon_vma and uffd-wp under mmap_lock, collapse_and_free_pmd with notifiers, pte_free"),
    HUGH_V1("hugh-v1", "Hugh Dickins' [PATCH 09/12] as posted: i_mmap read lock, pre-check only, pmd lock + PTE lock, pmdp_collapse_flush, pte_free_defer, no notifiers"),
    HUGH_V1_PTE_FREE("hugh-v1-pte-free", "counterfactual: hugh-v1 freeing the table at once with pte_free instead of pte_free_defer"),
    V6_6("1d65b771bc08", "as merged in 6.6: re-check anon_vma and userfaultfd_wp under the PTE lock, MMU notifiers back"),
    PTE_NONE_CHECK("pte-none-check", "Jann Horn's alternative: hugh-v1 that, under the PTE lock, requires every entry to be pte_none");

    private final String id;
    private final String summary;

    RetractPageTables(String id, String summary) {
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
