package mmrace.kernel.variant;

/** How swap-in keeps swapoff from freeing the swap structures under it (seed S002). */
public enum SwapDevice implements Variant {
    PRE_EB085574A752("pre-eb085574a752", "before eb085574a752: nothing; swapoff frees swap_map and the swap cache's address space after try_to_unuse"),
    GET_SWAP_DEVICE("get_swap_device", "eb085574a752: get_swap_device()/put_swap_device() (SWP_VALID under rcu_read_lock) around each use; swapoff clears SWP_VALID and waits in synchronize_rcu() before freeing");

    private final String id;
    private final String summary;

    SwapDevice(String id, String summary) {
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
