package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import mmrace.engine.mem.Loc;
import mmrace.engine.sync.RwSemaphore;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Kernel;
import mmrace.kernel.LockClasses;

/**
 * struct address_space: a file's page cache (i_pages), the VMAs that map it (i_mmap) and its
 * operations. A file's address_space lives inside its inode ({@link Inode#mapping}), so its
 * fields die with the inode; the swap cache's lives forever.
 */
public final class AddressSpace {
    /** The a_ops a mapping can have; a_ops holds {@code ordinal() + 1}. */
    public enum Ops { FILE, SHMEM, SWAP }

    public final Kernel k;
    public final String name;
    /** The inode it is embedded in (null for the swap cache). */
    public final Inode host;
    /**
     * i_pages: slot {@code index} holds the pfn of the cached page, 0 if none. write: under
     * {@link #iPagesLock} with the page locked; read: under the lock or RCU (find_get_page).
     */
    public final Loc[] iPages;
    /** The xa_lock of i_pages (taken with IRQs off: xa_lock_irq). */
    public final SpinLock iPagesLock;
    /** mapping->nrpages. write: under iPagesLock. */
    public final Loc nrpages;
    /** mapping->a_ops. Read by compaction without a reference (seed S002). */
    public final Loc aOps;
    /** i_mmap_rwsem. */
    public final RwSemaphore iMmapRwsem;
    /** i_mmap: the VMAs mapping this file. guarded by: i_mmap_rwsem. */
    final List<VmArea> iMmap = new ArrayList<>();

    AddressSpace(Kernel k, String name, Inode host, int size, Ops ops, BiFunction<String, Long, Loc> field) {
        this.k = k;
        this.name = name;
        this.host = host;
        this.iPages = new Loc[size];
        for (int i = 0; i < size; i++) {
            iPages[i] = field.apply("i_pages[" + i + "]", 0L);
        }
        this.nrpages = field.apply("nrpages", 0L);
        this.aOps = field.apply("a_ops", (long) ops.ordinal() + 1);
        this.iPagesLock = new SpinLock(k.x, name + "->i_pages", LockClasses.I_PAGES);
        this.iMmapRwsem = new RwSemaphore(k.x, name + "->i_mmap_rwsem", LockClasses.I_MMAP_RWSEM);
    }

    /** The swap cache (swapper_spaces[0]): {@code slots} entries, never freed. */
    static AddressSpace swapCache(Kernel k, int slots, java.util.function.BiFunction<String, Long, Loc> field) {
        return new AddressSpace(k, "swapper_space", null, slots + 1, Ops.SWAP, field);
    }

    /** i_mmap_lock_write(). */
    public void iMmapLockWrite() {
        iMmapRwsem.downWrite();
    }

    public void iMmapUnlockWrite() {
        iMmapRwsem.upWrite();
    }

    public void iMmapLockRead() {
        iMmapRwsem.downRead();
    }

    public void iMmapUnlockRead() {
        iMmapRwsem.upRead();
    }

    /** The VMAs in i_mmap. Caller holds: i_mmap_rwsem. */
    public List<VmArea> iMmap() {
        iMmapRwsem.assertHeld();
        return new ArrayList<>(iMmap);
    }

    public List<VmArea> iMmapForCheck() {
        return iMmap;
    }

    public boolean isSwapCache() {
        return host == null;
    }

    @Override
    public String toString() {
        return name;
    }
}
