package mmrace.kernel.variant;

/** struct anon_vma: which lock it has, which anon_vma a lock call locks, and when it is freed. */
public enum AnonVmaImpl implements Variant {
    /** anon_vma->root->rwsem (3.8, 5a505085f043); freed when its refcount drops to zero (3.0). */
    V5_6("v5.6", "rwsem of the root anon_vma; lifetime by refcount"),
    /** 2.6.36 (012f18004da3 "always lock the root (oldest) anon_vma"): a spinlock, the root's. */
    V2_6_36("2.6.36", "spinlock of the root anon_vma; freed when its chain list is empty"),
    /** 2.6.34: each anon_vma's own spinlock; freed when its chain list is empty. */
    V2_6_34("2.6.34", "spinlock of each anon_vma; freed when its chain list is empty");

    private final String id;
    private final String summary;

    AnonVmaImpl(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public boolean rwsem() {
        return this == V5_6;
    }

    /** Whether locking an anon_vma locks its root (else its own lock). */
    public boolean locksRoot() {
        return this != V2_6_34;
    }

    public boolean refcountLifetime() {
        return this == V5_6;
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
