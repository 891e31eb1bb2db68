package mmrace.kernel.mm;

import mmrace.engine.mem.Loc;
import mmrace.engine.slab.SlabObject;
import mmrace.engine.sync.RwSemaphore;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Kernel;
import mmrace.kernel.LockClasses;

/**
 * struct inode with its embedded address_space (i_data, what i_mapping points to). Freed through
 * call_rcu (destroy_inode -> i_callback), so a reader in an RCU read-side section may still look
 * at its mapping; anyone else who touches it after that is a KASAN report (seed S002).
 */
public final class Inode extends SlabObject implements mmrace.engine.exec.Named {
    /** I_FREEING | I_WILL_FREE | I_CLEAR, as one "being evicted" state bit. */
    public static final long I_FREEING = 0x1;

    public final Kernel k;
    public String name;
    /** shmem/tmpfs: pages are swap-backed and have no other backing store. */
    public boolean shmem;
    /** i_count: atomic. */
    public Loc iCount;
    /** i_state. write: under i_lock. */
    public Loc iState;
    /** i_size in pages. write: under i_rwsem. */
    public Loc iSize;
    public SpinLock iLock;
    /** i_rwsem (i_mutex): taken by truncate, not by faults. */
    public RwSemaphore iRwsem;
    /** &inode->i_data. */
    public AddressSpace mapping;
    /** The backing store's contents by page index (the disk, never freed). */
    public Loc[] disk;

    Inode(Kernel k) {
        super(k.x, "inode");
        this.k = k;
    }

    /** inode_init_always() + the file system's setup, for a file of {@code size} pages. */
    void init(String name, int size, boolean shmem) {
        this.name = name;
        this.shmem = shmem;
        this.iCount = field("i_count", 1);
        this.iState = field("i_state", 0);
        this.iSize = field("i_size", size);
        this.iLock = new SpinLock(k.x, name + "->i_lock", LockClasses.I_LOCK);
        this.iRwsem = new RwSemaphore(k.x, name + "->i_rwsem", LockClasses.I_RWSEM);
        this.mapping = new AddressSpace(k, name, this, size, shmem ? AddressSpace.Ops.SHMEM : AddressSpace.Ops.FILE,
                this::field);
        this.disk = new Loc[size];
        for (int i = 0; i < size; i++) {
            disk[i] = new Loc(k.x, name + ".disk[" + i + "]", 0);
        }
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
