package mmrace.kernel.variant;

/** do_swap_page()'s KSM-copy branch: where set_pte_at() goes relative to page_add_new_anon_rmap() (seed S003). */
public enum SwapInKsmCopy implements Variant {
    V5_3("5.3", "set_pte_at() first, then page_add_new_anon_rmap() (its __SetPageSwapBacked is a plain read-modify-write) on the copy"),
    YU_V3("yu-v3", "Yu Zhao's v3: page_add_new_anon_rmap() before set_pte_at(), so nobody can find the copy before its flags are set");

    private final String id;
    private final String summary;

    SwapInKsmCopy(String id, String summary) {
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
