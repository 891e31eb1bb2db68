package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;

/**
 * page_vma_mapped_walk() for a small page (mm/page_vma_mapped.c, v5.6): does {@code vma} map
 * {@code page} at {@code address}? Reads the PMD once with READ_ONCE and stops if it is not
 * present — a PTE table khugepaged detached (pmdp_collapse_flush) is invisible from here on —
 * then maps the PTE (pte_offset_map re-reads the PMD, plainly), checks it is present before
 * taking the lock, and under the PTE lock that it maps the page.
 */
public final class PageVmaMappedWalk {
    private PageVmaMappedWalk() {
    }

    /** A mapping found: the PTE, its address, and the PTE lock the walk returns holding. */
    public record Found(PteTable table, int index, long address) {
        public long get() {
            return table.get(index);
        }
    }

    /** Returns the PTE mapping {@code page}, with its lock held, or null. */
    public static Found walk(Kernel k, Page page, VmArea vma, long address) {
        try (Fn f = Fn.enter(k.x, "page_vma_mapped_walk")) {
            Loc pmdLoc = vma.mm.pmdOf(address);
            long pmde = pmdLoc.load(Order.ONCE, "READ_ONCE(*pvmw->pmd)");
            if (Pmd.transHuge(pmde)) {
                // A huge PMD maps a compound page; small pages are never mapped by one here.
                return null;
            }
            if (!Pmd.present(pmde)) {
                return null;
            }
            // map_pte(): pte_offset_map() reads *pmd again.
            PteTable t = Pgtable.tableOf(k, pmdLoc.read());
            if (t == null) {
                throw k.x.fail(FindingKind.CHECK, CheckNames.VM_BUG_ON, "page_vma_mapped_walk: the PMD of " + vma
                        + " at 0x" + Long.toHexString(address) + " changed under the walker (pte_offset_map of a non-table pmd)");
            }
            int i = k.geo.pteIndex(address);
            if (!Pte.present(t.read(i, Order.PLAIN, "*pvmw->pte"))) {
                return null;
            }
            t.ptl.lock();
            long pte = t.get(i);
            if (!Pte.present(pte) || Pte.pfn(pte) != page.pfn) {
                t.ptl.unlock();
                return null;
            }
            return new Found(t, i, address);
        }
    }

    /**
     * page_vma_mapped_walk() with PVMW_SYNC | PVMW_MIGRATION (remove_migration_pte): the PTE
     * lock is taken whatever the PTE holds (PVMW_SYNC), and check_pte() then wants a migration
     * entry for {@code page} instead of a present PTE. Returns it with the PTE lock held, or null.
     *
     * @see mm/page_vma_mapped.c page_vma_mapped_walk() map_pte() check_pte() (v5.6)
     */
    public static Found walkMigration(Kernel k, Page page, VmArea vma, long address) {
        try (Fn f = Fn.enter(k.x, "page_vma_mapped_walk")) {
            Loc pmdLoc = vma.mm.pmdOf(address);
            long pmde = pmdLoc.load(Order.ONCE, "READ_ONCE(*pvmw->pmd)");
            if (!Pmd.present(pmde) || Pmd.transHuge(pmde)) {
                return null;
            }
            PteTable t = Pgtable.tableOf(k, pmdLoc.read());
            if (t == null) {
                return null;
            }
            int i = k.geo.pteIndex(address);
            t.ptl.lock();
            long pte = t.get(i);
            if (!Pte.isMigrationEntry(pte) || Pte.migrationEntryToPfn(pte) != page.pfn) {
                t.ptl.unlock();
                return null;
            }
            return new Found(t, i, address);
        }
    }

    /** page_vma_mapped_walk_done(): drop the PTE lock. */
    public static void done(Found found) {
        found.table.ptl.unlock();
    }
}
