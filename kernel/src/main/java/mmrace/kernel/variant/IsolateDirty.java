package mmrace.kernel.variant;

/** __isolate_lru_page() of a dirty page for asynchronous migration (seed S002). */
public enum IsolateDirty implements Variant {
    V4_15("4.15", "mapping = page_mapping(page), then mapping->a_ops->migratepage, without the page lock"),
    TRYLOCK("69d763fc6d3a", "Mel Gorman: trylock_page, read the mapping under the page lock; migrate_dirty = mapping && ->migratepage"),
    TRYLOCK_FIXED("69d763fc6d3a+145e1a71e090", "and the follow-up: migrate_dirty = !mapping || ->migratepage");

    private final String id;
    private final String summary;

    IsolateDirty(String id, String summary) {
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
