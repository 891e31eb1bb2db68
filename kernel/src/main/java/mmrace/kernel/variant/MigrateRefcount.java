package mmrace.kernel.variant;

/**
 * migrate_page_move_mapping() of an anonymous page without a mapping: the check that nobody
 * but the migration holds a reference (page_count(page) == expected_count) before the page's
 * identity moves to the new page — a get_user_pages pin makes it fail with -EAGAIN.
 */
public enum MigrateRefcount implements Variant {
    V5_6("v5.6", "page_count(page) != expected_count: -EAGAIN, the page stays (a GUP pin keeps it)"),
    NO_REFCOUNT_CHECK("counterfactual-no-refcount-check",
            "counterfactual: the anonymous page is migrated whatever its count, pinned or not");

    private final String id;
    private final String summary;

    MigrateRefcount(String id, String summary) {
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
