package mmrace.kernel.variant;

/**
 * try_to_unmap_one() with TTU_MIGRATION: the TLB flush between clearing the PTE and installing
 * the migration entry (ptep_clear_flush), which is what stops every CPU from writing the old
 * page while its contents are copied.
 */
public enum MigrateFlush implements Variant {
    V5_6("v5.6", "ptep_clear_flush: the PTE is cleared and the TLBs flushed before the migration entry is set"),
    NO_FLUSH("counterfactual-no-flush",
            "counterfactual: ptep_get_and_clear without a flush; a warm TLB entry still reaches the old page");

    private final String id;
    private final String summary;

    MigrateFlush(String id, String summary) {
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
