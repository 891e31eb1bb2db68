package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mmrace.engine.mem.Loc;
import mmrace.engine.slab.SlabObject;
import mmrace.engine.sync.RwSemaphore;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Kernel;
import mmrace.kernel.LockClasses;

/**
 * struct mm_struct: an address space. The top page-table level of the model is the PMD table,
 * allocated with the mm (pgd_alloc) and freed with it.
 */
public final class MmStruct extends SlabObject implements mmrace.engine.exec.Named {
    public final Kernel k;
    public final String name;
    /** mm->mmap_lock (mmap_sem). */
    public final RwSemaphore mmapLock;
    /** mm->page_table_lock: also pmd_lock() here (no split PMD locks). */
    public final SpinLock pageTableLock;
    /**
     * The PMD entries (pgd -> pud -> pmd folded). write: pmd_populate under the pmd lock,
     * pmd_clear under mmap_lock for write (free_pgtables) or the pmd lock; read: anywhere
     * (READ_ONCE for lockless walkers and the hardware).
     */
    public final Loc[] pmd;
    /** mm_users: atomic. */
    public final Loc mmUsers;
    /** mm_count (mmgrab/mmdrop, lazy TLB users): atomic. */
    public final Loc mmCount;
    /** rss_stat.count[]: atomic_long (SPLIT_RSS_COUNTING's per-task cache not modelled). */
    public final Loc[] rss;
    /** pgtables_bytes in PTE tables (mm_inc_nr_ptes): atomic_long. */
    public final Loc nrPtes;
    /** mm_cpumask(mm): bit per CPU that may hold translations of this mm (x86). atomic bitops. */
    public final Loc cpumask;
    /** x86 mm->context.tlb_gen: atomic64, bumped by every flush (inc_mm_tlb_gen). */
    public final Loc tlbGen;
    /** mm->tlb_flush_batched: reclaim cleared PTEs and deferred the flush (set_tlb_ubc_flush_pending). */
    public final Loc tlbFlushBatched;
    /** mm->tlb_flush_pending: mmu_gathers in progress (inc/dec_tlb_flush_pending): atomic. */
    public final Loc tlbFlushPending;
    /**
     * pmd_huge_pte(mm, pmd): the PTE table deposited under each huge PMD
     * (pgtable_trans_huge_deposit), kept for a later split or zap. guarded by: the pmd lock.
     */
    public final PteTable[] deposited;
    /**
     * The MMU-notifier subscriptions (mm->notifier_subscriptions). Set up before the CPUs run;
     * read under SRCU by the notifier calls.
     */
    public final java.util.List<MmuNotifier.Subscriber> notifiers = new java.util.ArrayList<>();
    /** The VMAs by vm_start. guarded by: mmap_lock (write to change). */
    final TreeMap<Long, VmArea> vmas = new TreeMap<>();
    /** Ghost: exit_mmap() has run. */
    boolean exited;

    public MmStruct(Kernel k, String name) {
        super(k.x, "mm_struct");
        this.k = k;
        this.name = name;
        this.mmapLock = new RwSemaphore(k.x, name + "->mmap_lock", LockClasses.MMAP_LOCK);
        this.pageTableLock = new SpinLock(k.x, name + "->page_table_lock", LockClasses.PAGE_TABLE_LOCK);
        this.pmd = new Loc[k.geo.ptrsPerPmd()];
        for (int i = 0; i < pmd.length; i++) {
            pmd[i] = field("pmd[" + i + "]", 0);
        }
        this.deposited = new PteTable[pmd.length];
        this.mmUsers = field("mm_users", 1);
        this.mmCount = field("mm_count", 1);
        this.rss = new Loc[RssCounter.values().length];
        for (RssCounter c : RssCounter.values()) {
            rss[c.ordinal()] = field("rss_stat." + c.name(), 0);
        }
        this.nrPtes = field("pgtables_bytes", 0);
        this.cpumask = field("cpu_bitmap", 0);
        this.tlbGen = field("context.tlb_gen", 1);
        this.tlbFlushBatched = field("tlb_flush_batched", 0);
        this.tlbFlushPending = field("tlb_flush_pending", 0);
    }

    /** pmd_offset(): the PMD entry covering {@code addr}. */
    public Loc pmdOf(long addr) {
        return pmd[k.geo.pmdIndex(addr)];
    }

    /** find_vma(): the first VMA ending above addr. Caller holds: mmap_lock. */
    public VmArea findVma(long addr) {
        mmapLock.assertHeld();
        return findVmaUnlocked(addr);
    }

    /** find_vma() without the assertion, for setup and checks. */
    public VmArea findVmaUnlocked(long addr) {
        for (VmArea v : vmas.values()) {
            if (v.endForCheck() > addr) {
                return v;
            }
        }
        return null;
    }

    /** The VMAs in address order. Caller holds: mmap_lock (or setup, or checks). */
    public List<VmArea> vmaList() {
        return new ArrayList<>(vmas.values());
    }

    /** vma_link / insert_vm_struct: Caller holds: mmap_lock for write (or setup). */
    void linkVma(VmArea v, long start) {
        if (!k.x.inSetup()) {
            mmapLock.assertHeldWrite();
        }
        vmas.put(start, v);
    }

    /** Removes the VMA that starts at {@code start}. Caller holds: mmap_lock for write. */
    void unlinkVma(long start) {
        mmapLock.assertHeldWrite();
        vmas.remove(start);
    }

    Map<Long, VmArea> vmaMap() {
        return vmas;
    }

    public boolean exited() {
        return exited;
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
