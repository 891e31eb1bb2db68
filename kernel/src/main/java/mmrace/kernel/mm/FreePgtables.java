package mmrace.kernel.mm;

import java.util.List;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;

/**
 * free_pgtables() (mm/memory.c, v5.6): hide the unmapped VMAs from rmap (unlink_anon_vmas,
 * unlink_file_vma) before freeing the PTE tables they alone used, between floor and ceiling.
 */
public final class FreePgtables {
    private FreePgtables() {
    }

    /**
     * @param floor the end of the previous VMA (FIRST_USER_ADDRESS if none)
     * @param ceiling the start of the next VMA (0 = USER_PGTABLES_CEILING: the top)
     * @see mm/memory.c free_pgtables() (v5.6). Caller holds: mmap_lock (or exit_mmap).
     */
    public static void freePgtables(Kernel k, MmuGather tlb, List<VmArea> vmas, long floor, long ceiling) {
        try (Fn f = Fn.enter(k.x, "free_pgtables")) {
            for (int i = 0; i < vmas.size(); i++) {
                VmArea vma = vmas.get(i);
                long addr = vma.start();
                // "Hide vma from rmap and truncate_pagecache before freeing pgtables"
                AnonVmas.unlinkAnonVmas(k, vma);
                Mmap.unlinkFileVma(k, vma);
                // "Optimization: gather nearby vmas into one call down"
                while (i + 1 < vmas.size() && vmas.get(i + 1).start() <= vma.end() + k.geo.pmdSize()) {
                    vma = vmas.get(++i);
                    AnonVmas.unlinkAnonVmas(k, vma);
                    Mmap.unlinkFileVma(k, vma);
                }
                long nextCeiling = i + 1 < vmas.size() ? vmas.get(i + 1).start() : ceiling;
                freePgdRange(k, tlb, addr, vma.end(), floor, nextCeiling);
            }
        }
    }

    /**
     * free_pgd_range(): free the PTE tables wholly inside [floor, ceiling) rounded to PMD
     * extents; the PMD table itself lives as long as the mm.
     */
    static void freePgdRange(Kernel k, MmuGather tlb, long addr, long end, long floor, long ceiling) {
        try (Fn f = Fn.enter(k.x, "free_pgd_range")) {
            Geometry g = k.geo;
            long pmdMask = g.pmdMask();
            addr &= pmdMask;
            if (addr < floor) {
                addr += g.pmdSize();
                if (addr == 0) {
                    return;
                }
            }
            if (ceiling != 0) {
                ceiling &= pmdMask;
                if (ceiling == 0) {
                    return;
                }
            }
            if (Long.compareUnsigned(end - 1, ceiling - 1) > 0) {
                end -= g.pmdSize();
            }
            if (Long.compareUnsigned(addr, end - 1) > 0) {
                return;
            }
            MmStruct mm = tlb.mm;
            while (Long.compareUnsigned(addr, end) < 0 && addr < g.taskSize()) {
                long next = g.pmdAddrEnd(addr, end);
                Loc pmd = mm.pmdOf(addr);
                long v = pmd.read();
                if (Pmd.table(v)) {
                    freePteRange(k, tlb, pmd, v, addr);
                }
                addr = next;
            }
        }
    }

    /** free_pte_range(): pmd_clear, pte_free_tlb, mm_dec_nr_ptes. */
    static void freePteRange(Kernel k, MmuGather tlb, Loc pmd, long pmdVal, long addr) {
        try (Fn f = Fn.enter(k.x, "free_pte_range")) {
            PteTable t = Pgtable.tableOf(k, pmdVal);
            pmd.writeOnce(0);
            tlb.pteFreeTlb(t, addr);
            tlb.mm.nrPtes.rmw(Order.ONCE, "mm_dec_nr_ptes", v -> v - 1);
        }
    }
}
