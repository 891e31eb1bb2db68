package mmrace.kernel.mm;

import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * Allocating, finding and locking PTE tables (mm/memory.c __pte_alloc, include/linux/mm.h
 * pte_offset_map_lock, v5.6).
 */
public final class Pgtable {
    private Pgtable() {
    }

    /** A located PTE: its table and index, and whether its lock is held by the caller. */
    public record PteRef(PteTable table, int index) {
        public long get() {
            return table.get(index);
        }

        public SpinLock ptl() {
            return table.ptl;
        }
    }

    /**
     * pte_alloc_one(): a zeroed page-table page with its split lock (pgtable_pte_page_ctor).
     */
    static PteTable pteAllocOne(Kernel k, MmStruct mm) {
        Page p = k.pages.take(Page.Role.PGTABLE, "pte_alloc_one");
        if (p == null) {
            return null;
        }
        p.refcount.store(1, Order.ONCE, "set_page_refcounted");
        return new PteTable(k, p, mm);
    }

    /** Setup only: a PTE table for {@code mm}'s PMD covering {@code addr}, populated. */
    public static PteTable populateInSetup(Kernel k, MmStruct mm, long addr) {
        Loc pmd = mm.pmdOf(addr);
        long v = pmd.peek();
        if (Pmd.table(v)) {
            return k.pages.page(Pmd.pfn(v)).table;
        }
        Page p = k.pages.allocPageInSetup(Page.Role.PGTABLE);
        PteTable t = new PteTable(k, p, mm);
        pmd.init(Pmd.mkTable(t));
        mm.nrPtes.init(mm.nrPtes.peek() + 1);
        return t;
    }

    /** pte_free(): pgtable_pte_page_dtor() and __free_page(). */
    static void pteFree(Kernel k, PteTable t) {
        if (PageRef.putPageTestzero(t.page)) {
            k.pages.freePage(t.page, "pte_free");
        }
    }

    /**
     * pte_alloc(mm, pmd): make sure the PMD points to a PTE table. The new table is allocated
     * without locks, then installed under the pmd lock only if the PMD is still none: another
     * thread may have raced us; "Ensure all pte setup (eg. pte page lock and page clearing)
     * are visible before the pte is made visible to other CPUs by being put into page tables"
     * (smp_wmb, paired with the data dependency of the walkers' READ_ONCE(*pmd)).
     *
     * @see mm/memory.c __pte_alloc() (v5.6). Caller holds: mmap_lock. Takes: pmd lock.
     * @return false on OOM
     */
    public static boolean pteAlloc(Kernel k, MmStruct mm, Loc pmd) {
        if (!Pmd.none(pmd.read())) {
            return true;
        }
        try (Fn f = Fn.enter(k.x, "__pte_alloc")) {
            PteTable t = pteAllocOne(k, mm);
            if (t == null) {
                return false;
            }
            mmrace.engine.sync.Barriers.smpWmb(k.x);
            SpinLock ptl = pmdLock(mm);
            ptl.lock();
            boolean used = false;
            if (Pmd.none(pmd.read())) {
                mm.nrPtes.rmw(Order.ONCE, "mm_inc_nr_ptes", v -> v + 1);
                pmd.writeOnce(Pmd.mkTable(t));
                used = true;
            }
            ptl.unlock();
            if (!used) {
                pteFree(k, t);
            }
            return true;
        }
    }

    /** pmd_lock(mm, pmd): mm->page_table_lock here (no split PMD locks). */
    public static SpinLock pmdLock(MmStruct mm) {
        return mm.pageTableLock;
    }

    /** The PTE table a PMD value points to (pmd_page(...)), or null if it is not a table. */
    public static PteTable tableOf(Kernel k, long pmd) {
        return Pmd.table(pmd) ? k.pages.page(Pmd.pfn(pmd)).table : null;
    }

    /**
     * pte_offset_map_lock(): read the PMD (a plain read in v5.6: the caller made sure it is a
     * stable table), find the PTE and take its table's lock.
     *
     * @return null if the PMD does not point to a table (the caller checked it did)
     */
    public static PteRef pteOffsetMapLock(Kernel k, MmStruct mm, Loc pmd, long addr) {
        PteTable t = tableOf(k, pmd.read());
        if (t == null) {
            return null;
        }
        t.ptl.lock();
        return new PteRef(t, k.geo.pteIndex(addr));
    }

    /** pte_offset_map(): the PTE without the lock. */
    public static PteRef pteOffsetMap(Kernel k, Loc pmd, long addr) {
        PteTable t = tableOf(k, pmd.read());
        return t == null ? null : new PteRef(t, k.geo.pteIndex(addr));
    }

    /** pte_unmap_unlock(). */
    public static void pteUnmapUnlock(PteRef pte) {
        pte.table.ptl.unlock();
    }

    /**
     * pte_offset_map_lock() from v6.5 (Hugh Dickins' series): read the PMD locklessly, take the
     * table's lock, and retry unless the PMD still points to that table — a table can now be
     * retracted without the mmap_lock (retract_page_tables).
     *
     * @see mm/pgtable-generic.c __pte_offset_map_lock() (v6.5). Takes: the PTE lock.
     * @return null if the PMD does not point to a table
     */
    public static PteRef pteOffsetMapLockRecheck(Kernel k, MmStruct mm, Loc pmd, long addr) {
        try (Fn f = Fn.enter(k.x, "__pte_offset_map_lock")) {
            for (;;) {
                long pmdval = pmd.readOnce(); // pmdp_get_lockless()
                PteTable t = tableOf(k, pmdval);
                if (t == null) {
                    return null;
                }
                t.ptl.lock();
                if (pmd.readOnce() == pmdval) {
                    return new PteRef(t, k.geo.pteIndex(addr));
                }
                t.ptl.unlock();
            }
        }
    }

    /**
     * pte_free_defer(): free a PTE table after an RCU grace period, for tables that lockless
     * walkers under rcu_read_lock (pte_offset_map, v6.5) or IRQs off (gup_fast) may still see.
     *
     * @see mm/pgtable-generic.c pte_free_defer() (v6.6)
     */
    public static void pteFreeDefer(Kernel k, PteTable t) {
        mmrace.engine.sync.Rcu.callRcu(k.x, "pte_free_now", () -> pteFree(k, t));
    }

    /** pte_free(), public for the retract paths. */
    public static void pteFreeNow(Kernel k, PteTable t) {
        pteFree(k, t);
    }
}
