package mmrace.kernel.variant;

/** follow_page_pte() with FOLL_WRITE on a read-only PTE (CVE-2016-5195, Dirty COW). */
public enum GupFollowWrite implements Variant {
    V5_6("v5.6", "19be0eaffa3a (4.9): FOLL_COW, can_follow_write_pte() requires a dirty PTE after COW"),
    V4_8("4.8", "faultin_page drops FOLL_WRITE after a COW fault; the retry accepts any read-only PTE");

    private final String id;
    private final String summary;

    GupFollowWrite(String id, String summary) {
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
