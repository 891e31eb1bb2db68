package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.MigrateFlush;

/**
 * Migration entries (v5.6): the non-present swap-type PTEs that stand for a page while it is
 * being migrated. try_to_unmap(TTU_MIGRATION) puts one in place of each PTE mapping the page,
 * under the PTE lock and after flushing the TLB, so that no CPU can reach the old page while
 * its contents are copied; remove_migration_ptes() turns each back into a present PTE of the
 * new page (or of the old one, when the move failed); a fault that meets one waits in
 * migration_entry_wait() for the page lock the migration holds, then retries.
 *
 * <p>Check {@code gup-page-mapped}, the migration's half: remove_migration_pte() never maps a
 * new page where get_user_pages still holds the old one (writes through the pin would be lost);
 * the refcount check of migrate_page_move_mapping() is what makes the move fail instead.
 *
 * <p>The flush before the migration entry is the {@link MigrateFlush} variant.
 */
public final class MigrationPtes {
    private MigrationPtes() {
    }

    /**
     * try_to_unmap(page, TTU_MIGRATION | TTU_IGNORE_MLOCK | TTU_IGNORE_ACCESS): an rmap walk of
     * the locked page replacing each mapping by a migration entry; true if no PTE maps it now.
     *
     * @see mm/rmap.c try_to_unmap() (v5.6, TTU_MIGRATION). Caller holds: the page lock.
     */
    public static boolean tryToUnmap(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "try_to_unmap")) {
            PageFlags.assertLocked(page, "try_to_unmap");
            RmapWalk.rmapWalk(k, page, new RmapWalk.Control() {
                @Override
                public boolean rmapOne(Page p, VmArea vma, long address) {
                    return tryToUnmapOne(k, p, vma, address);
                }

                @Override
                public boolean done(Page p) {
                    return !PageRef.pageMapped(p); // page_mapcount_is_zero
                }
            });
            return PageRef.pageMapcount(page) == 0;
        }
    }

    /**
     * try_to_unmap_one() with TTU_MIGRATION: clear the PTE and flush the TLB (never deferred
     * here), move its dirty bit to the page, install make_migration_entry(page, pte_write) and
     * drop the mapping's rmap and reference. The RSS counters are left alone: the entry still
     * counts as the page (zap_pte_range and fork see to that).
     *
     * @see mm/rmap.c try_to_unmap_one() (v5.6, small pages, the TTU_MIGRATION branch). Takes: the
     *     PTE lock (page_vma_mapped_walk).
     */
    static boolean tryToUnmapOne(Kernel k, Page page, VmArea vma, long address) {
        try (Fn f = Fn.enter(k.x, "try_to_unmap_one")) {
            PageVmaMappedWalk.Found pvmw = PageVmaMappedWalk.walk(k, page, vma, address);
            if (pvmw == null) {
                return true;
            }
            PteTable t = pvmw.table();
            int i = pvmw.index();
            // "Nuke the page table entry."
            long pteval = k.variant(MigrateFlush.class) == MigrateFlush.NO_FLUSH
                    ? t.xchg(i, 0, "ptep_get_and_clear") // the counterfactual: no flush
                    : Tlb.ptepClearFlush(k, vma, address, t, i);
            // "Move the dirty bit to the page. Now the pte is gone."
            if (Pte.dirty(pteval)) {
                Writeback.setPageDirty(k, page);
            }
            // "Store the pfn of the page in a special migration pte. do_swap_page() will wait
            // until the migration pte is removed and then restart fault handling."
            t.set(i, Pte.migrationEntry(page.pfn, Pte.write(pteval)), Order.PLAIN, "set_pte_at");
            // "No need to invalidate here it will synchronize on against the special swap
            // migration pte."
            Rmap.pageRemoveRmap(k, page, t.ptl);
            Swap.putPage(k, page);
            PageVmaMappedWalk.done(pvmw);
            return true;
        }
    }

    /**
     * remove_migration_ptes(old, page, false): "Get rid of all migration entries and replace them
     * by references to the indicated page" — an rmap walk of {@code page} (the new page, or the
     * old one when the move failed), which is locked.
     *
     * @see mm/migrate.c remove_migration_ptes() (v5.6). Caller holds: both pages' locks.
     */
    public static void removeMigrationPtes(Kernel k, Page old, Page page) {
        try (Fn f = Fn.enter(k.x, "remove_migration_ptes")) {
            RmapWalk.rmapWalk(k, page, new RmapWalk.Control() {
                @Override
                public boolean rmapOne(Page p, VmArea vma, long address) {
                    return removeMigrationPte(k, p, vma, address, old);
                }
            });
        }
    }

    /**
     * remove_migration_pte(): under the PTE lock (page_vma_mapped_walk with PVMW_SYNC |
     * PVMW_MIGRATION), a migration entry of {@code old} becomes an old (not young) PTE of
     * {@code page}, writable if the entry was and the VMA still allows it (maybe_mkwrite), with a
     * reference and the rmap: set_pte_at before page_add_anon_rmap, as v5.6 does.
     *
     * @see mm/migrate.c remove_migration_pte() (v5.6, small pages)
     */
    static boolean removeMigrationPte(Kernel k, Page page, VmArea vma, long addr, Page old) {
        try (Fn f = Fn.enter(k.x, "remove_migration_pte")) {
            PageVmaMappedWalk.Found pvmw = PageVmaMappedWalk.walkMigration(k, old, vma, addr);
            if (pvmw == null) {
                return true;
            }
            PageRef.getPage(page);
            long entry = pvmw.get();
            long pte = Pte.mkold(Pte.mk(page.pfn, VmFlags.pageProt(vma.flags())));
            // "Recheck VMA as permissions can change since migration started"
            if (Pte.isWriteMigrationEntry(entry) && (vma.flags() & VmFlags.VM_WRITE) != 0) {
                pte = Pte.mkwrite(pte); // maybe_mkwrite()
            }
            if (page != old) {
                checkNotPinned(k, vma.mm, addr, old, page);
            }
            pvmw.table().set(pvmw.index(), pte, Order.PLAIN, "set_pte_at");
            if (PageRef.pageAnon(page)) {
                Rmap.pageAddAnonRmap(k, page, vma, addr, false, pvmw.table().ptl);
            } else {
                Rmap.pageAddFileRmap(k, page, pvmw.table().ptl);
            }
            // "No need to invalidate - it was non-present before" (update_mmu_cache: nothing on x86)
            PageVmaMappedWalk.done(pvmw);
            return true;
        }
    }

    /**
     * The migration's half of gup-page-mapped: a page GUP holds for this address is not replaced.
     * The pins are ghost state; the check first reads the old page's _refcount (an event the
     * kernel does not have), which a GUP put conflicts with, so that the explorer orders the
     * release of a pin against this look at it.
     */
    private static void checkNotPinned(Kernel k, MmStruct mm, long addr, Page old, Page page) {
        old.refcount.load(Order.ONCE, "check: page_count(old page)");
        for (Kernel.GupPin pin : k.gupPins()) {
            if (pin.page() == old && pin.mm() == mm && pin.addr() == addr) {
                throw k.x.fail(FindingKind.CHECK, CheckNames.GUP_PAGE_MAPPED, "migration maps " + page + " at 0x"
                        + Long.toHexString(addr) + " of " + mm + " in place of " + old
                        + ", which get_user_pages still holds: writes through the pin are lost");
            }
        }
    }

    /**
     * migration_entry_wait(): "Something used the pte of a page under migration. We need to get
     * to the page and wait until migration is finished. When we return from this function the
     * fault will be retried." Under the PTE lock, if the PTE still holds a migration entry, take
     * a reference on its page unless it is being freed, drop the lock, then
     * put_and_wait_on_page_locked(): the reference goes before the sleep (9a1ea439b16b, 5.0), so
     * a waiter does not make the migration's refcount check fail.
     *
     * @see mm/migrate.c migration_entry_wait() __migration_entry_wait() (v5.6). Caller holds:
     *     mmap_lock for read. Takes: the PTE lock.
     */
    public static void migrationEntryWait(Kernel k, MmStruct mm, Loc pmd, long address) {
        try (Fn f = Fn.enter(k.x, "migration_entry_wait")) {
            Pgtable.PteRef ref = Pgtable.pteOffsetMapLock(k, mm, pmd, address);
            if (ref == null) {
                return;
            }
            long pte = ref.get();
            if (!Pte.isMigrationEntry(pte)) {
                Pgtable.pteUnmapUnlock(ref);
                return;
            }
            Page page = k.pages.page(Pte.migrationEntryToPfn(pte));
            // "Once page cache replacement of page migration started, page_count is zero; but we
            // must not call put_and_wait_on_page_locked() without a ref."
            if (!PageRef.getPageUnlessZero(page)) {
                Pgtable.pteUnmapUnlock(ref);
                return;
            }
            Pgtable.pteUnmapUnlock(ref);
            // put_and_wait_on_page_locked(): the model drops the reference, then waits for PG_locked
            // to clear (the kernel queues itself on the page's waitqueue first).
            Swap.putPage(k, page);
            PageFlags.waitOnPageLocked(page, "put_and_wait_on_page_locked");
        }
    }
}
