package mmrace.kernel.variant;

/** How destroy_inode() defers the free of the inode (and the address_space inside it) (seed S002). */
public enum DestroyInode implements Variant {
    CALL_RCU("call_rcu", "call_rcu(&inode->i_rcu, i_callback), as in the kernel"),
    CALL_RCU_SCHED("call_rcu_sched", "Huang Ying's alternative: an RCU-sched grace period, which also waits for IRQs-off regions before v4.20");

    private final String id;
    private final String summary;

    DestroyInode(String id, String summary) {
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
