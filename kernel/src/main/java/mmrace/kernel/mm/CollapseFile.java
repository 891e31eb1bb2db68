package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.RetractPageTables;

/**
 * The page-table side of collapse_file() (mm/khugepaged.c): once a file or shmem range is one
 * huge page in the page cache (locked), retract_page_tables() removes the now empty PTE tables
 * from every VMA mapping the range, so later faults can map the THP by PMD. The page-cache
 * half of collapse_file() is not modelled: the races of seed S004 do not go through it (the
 * page lock and XA_RETRY_ENTRYs keep file PTEs out; UFFDIO_COPY does not look). Variants:
 * {@link RetractPageTables}.
 *
 * <p>Check {@code pgtable-detached-with-present-pte}: a PTE table is detached only when empty.
 */
public final class CollapseFile {
    private CollapseFile() {
    }

    /**
     * retract_page_tables(mapping, pgoff).
     *
     * @see mm/khugepaged.c retract_page_tables() (v6.4; Hugh Dickins' [PATCH 09/12] as posted;
     *     v6.6 as merged, 1d65b771bc08). Caller holds: the huge page locked in the page cache.
     *     Takes: i_mmap_rwsem (write in v6.4, read after), then per VMA either mmap_lock
     *     (trylock, v6.4) or the pmd lock and the PTE lock.
     */
    public static void retractPageTables(Kernel k, AddressSpace mapping, long pgoff) {
        try (Fn f = Fn.enter(k.x, "retract_page_tables")) {
            RetractPageTables variant = k.variant(RetractPageTables.class);
            boolean v64 = variant == RetractPageTables.V6_4;
            if (v64) {
                mapping.iMmapLockWrite();
            } else {
                mapping.iMmapLockRead();
            }
            for (VmArea vma : mapping.iMmap()) {
                // "Check vma->anon_vma to exclude MAP_PRIVATE mappings that got written to.
                // [...] Note that vma->anon_vma check is racy: it can be set after the check,
                // but page locks (with XA_RETRY_ENTRYs in holes) prevented establishing new
                // ptes of the page." (Jann Horn: UFFDIO_COPY does not go through the page.)
                if (vma.anonVma.read() != 0) {
                    continue;
                }
                long addr = vma.start() + ((pgoff - vma.pgoff()) << Geometry.PAGE_SHIFT);
                if ((addr & ~k.geo.pmdMask()) != 0 || vma.start() > addr || vma.end() < addr + k.geo.pmdSize()) {
                    continue;
                }
                MmStruct mm = vma.mm;
                Loc pmd = mm.pmdOf(addr);
                if (!Pmd.table(pmd.readOnce())) { // find_pmd_or_thp_or_none()
                    continue;
                }
                if (mm.mmUsers.readOnce() == 0) { // hpage_collapse_test_exit()
                    continue;
                }
                if (v64) {
                    retractV64(k, vma, addr, pmd);
                } else {
                    retractLocked(k, vma, addr, pmd, variant);
                }
            }
            if (v64) {
                mapping.iMmapUnlockWrite();
            } else {
                mapping.iMmapUnlockRead();
            }
        }
    }

    /** v6.4: mmap_write_trylock, re-check under it, collapse_and_free_pmd(). */
    private static void retractV64(Kernel k, VmArea vma, long addr, Loc pmd) {
        MmStruct mm = vma.mm;
        if (!mm.mmapLock.downWriteTrylock()) {
            return;
        }
        // "Re-check whether we have an ->anon_vma, because collapse_and_free_pmd() requires
        // that either no ->anon_vma exists or the anon_vma is locked. We already checked
        // ->anon_vma above, but that check is racy because ->anon_vma can be populated under
        // the mmap lock in read mode."
        if (vma.anonVma.read() == 0 && !Userfaultfd.userfaultfdWp(vma)) {
            collapseAndFreePmd(k, vma, addr, pmd);
        }
        mm.mmapLock.upWrite();
    }

    /**
     * collapse_and_free_pmd(): notifiers around pmdp_collapse_flush (no pmd lock: the mmap_lock
     * is held for write), tlb_remove_table_sync_one, then pte_free at once.
     *
     * @see mm/khugepaged.c collapse_and_free_pmd() (v6.4). Caller holds: mmap_lock for write,
     *     i_mmap_rwsem for write.
     */
    static void collapseAndFreePmd(Kernel k, VmArea vma, long addr, Loc pmd) {
        try (Fn f = Fn.enter(k.x, "collapse_and_free_pmd")) {
            MmStruct mm = vma.mm;
            MmuNotifier.Range range = new MmuNotifier.Range(mm, addr, addr + k.geo.pmdSize());
            MmuNotifier.invalidateRangeStart(k, range);
            long orig = Khugepaged.pmdpCollapseFlush(k, vma, addr, pmd, true);
            if (k.arch.rcuTableFree()) {
                Khugepaged.tlbRemoveTableSyncOne(k);
            }
            MmuNotifier.invalidateRangeEnd(k, range);
            PteTable t = Pgtable.tableOf(k, orig);
            mm.nrPtes.rmw(Order.ONCE, "mm_dec_nr_ptes", v -> v - 1);
            checkEmpty(k, t, "pte_free");
            Pgtable.pteFreeNow(k, t);
        }
    }

    /** Hugh Dickins' form (hugh-v1 and what came of it): pmd lock + PTE lock, no mmap_lock. */
    private static void retractLocked(Kernel k, VmArea vma, long addr, Loc pmd, RetractPageTables variant) {
        MmStruct mm = vma.mm;
        if (Userfaultfd.userfaultfdWp(vma)) {
            return;
        }
        boolean notifiers = variant == RetractPageTables.V6_6;
        MmuNotifier.Range range = new MmuNotifier.Range(mm, addr, addr + k.geo.pmdSize());
        if (notifiers) {
            MmuNotifier.invalidateRangeStart(k, range);
        }
        // "Huge page lock is still held, so page table must remain empty"
        SpinLock pml = Pgtable.pmdLock(mm);
        pml.lock();
        PteTable t = Pgtable.tableOf(k, pmd.read()); // pte_lockptr(mm, pmd)
        if (t == null) {
            pml.unlock();
            if (notifiers) {
                MmuNotifier.invalidateRangeEnd(k, range);
            }
            return;
        }
        SpinLock ptl = t.ptl;
        ptl.lock(); // spin_lock_nested(ptl, SINGLE_DEPTH_NESTING)
        boolean skip = false;
        if (variant == RetractPageTables.V6_6) {
            // "since the mmap_lock is not held, it is still possible for a racing
            // userfaultfd_ioctl() to have inserted ptes or markers. Now that we hold ptlock,
            // repeating the anon_vma check protects from one category, and repeating the
            // userfaultfd_wp() check from another."
            skip = vma.anonVma.read() != 0 || Userfaultfd.userfaultfdWp(vma);
        } else if (variant == RetractPageTables.PTE_NONE_CHECK) {
            for (int i = 0; i < t.ptes.length && !skip; i++) {
                skip = !Pte.none(t.get(i));
            }
        }
        if (!skip) {
            Khugepaged.pmdpCollapseFlush(k, vma, addr, pmd, true);
            checkEmpty(k, t, "pmdp_collapse_flush");
        }
        ptl.unlock();
        pml.unlock();
        if (notifiers) {
            MmuNotifier.invalidateRangeEnd(k, range);
        }
        if (!skip) {
            mm.nrPtes.rmw(Order.ONCE, "mm_dec_nr_ptes", v -> v - 1);
            if (variant == RetractPageTables.HUGH_V1_PTE_FREE) {
                Pgtable.pteFreeNow(k, t);
            } else {
                Pgtable.pteFreeDefer(k, t);
            }
        }
    }

    /** The check: the table detached (or freed) holds no present PTE. A ghost look, no event. */
    private static void checkEmpty(Kernel k, PteTable t, String where) {
        for (int i = 0; i < t.ptes.length; i++) {
            long v = t.peek(i);
            if (!Pte.none(v)) {
                throw k.x.fail(FindingKind.CHECK, CheckNames.PGTABLE_LIVE_DETACHED, where + " detaches " + t + " of "
                        + t.mm + " while entry " + i + " is " + Pte.describe(v) + ": that page is leaked");
            }
        }
    }
}
