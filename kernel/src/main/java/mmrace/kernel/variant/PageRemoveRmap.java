package mmrace.kernel.variant;

/**
 * page_remove_rmap(): what happens to page->mapping when the last mapping goes (seed S001).
 * 2.6.34-rc and v5.6 agree here: the mapping is left stale on purpose, so the default stands
 * for both.
 */
public enum PageRemoveRmap implements Variant {
    V5_6("v5.6", "page->mapping left stale (as in 2.6.34-rc): only reliable while the page is mapped"),
    CLEAR_MAPPING("clear-mapping", "Peter Zijlstra's diff (2010-04-12): page->mapping = NULL, a plain store, "
            + "after atomic_add_negative() says the last mapping went; file and anon pages alike");

    private final String id;
    private final String summary;

    PageRemoveRmap(String id, String summary) {
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
