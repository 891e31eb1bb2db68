package mmrace.kernel.mm;

import mmrace.kernel.Geometry;

/**
 * pte_t values, x86-style bits: a present PTE is {@code pfn << PAGE_SHIFT | flags}; a non-present,
 * non-zero PTE is a swap entry ({@code offset << PAGE_SHIFT | _PAGE_SWP}); zero is pte_none.
 * A migration entry is a swap entry of type SWP_MIGRATION_READ or SWP_MIGRATION_WRITE whose
 * offset is the pfn of the page under migration (include/linux/swapops.h); the model marks the
 * type with {@link #_PAGE_SWP_MIGRATION} and {@link #_PAGE_SWP_MIGRATION_WRITE}.
 */
public final class Pte {
    private Pte() {
    }

    public static final long _PAGE_PRESENT = 0x001;
    public static final long _PAGE_RW = 0x002;
    public static final long _PAGE_USER = 0x004;
    public static final long _PAGE_ACCESSED = 0x020;
    public static final long _PAGE_DIRTY = 0x040;
    /** In a PMD: a huge page (pmd_trans_huge). */
    public static final long _PAGE_PSE = 0x080;
    /** _PAGE_SPECIAL: no struct page to account (the zero page). */
    public static final long _PAGE_SPECIAL = 0x200;
    /** Marks a non-present PTE as holding a swap entry (the model's encoding). */
    public static final long _PAGE_SWP = 0x400;
    /** In a swap PTE: the entry is a migration entry (non_swap_entry(), swp_type SWP_MIGRATION_*). */
    public static final long _PAGE_SWP_MIGRATION = 0x800;
    /** In a migration entry: SWP_MIGRATION_WRITE, the PTE it replaced was writable. */
    public static final long _PAGE_SWP_MIGRATION_WRITE = 0x100;
    private static final long FLAGS = Geometry.PAGE_SIZE - 1;

    public static long mk(long pfn, long prot) {
        return pfn << Geometry.PAGE_SHIFT | (prot & FLAGS) | _PAGE_PRESENT;
    }

    public static boolean none(long pte) {
        return pte == 0;
    }

    public static boolean present(long pte) {
        return (pte & _PAGE_PRESENT) != 0;
    }

    public static long pfn(long pte) {
        return pte >>> Geometry.PAGE_SHIFT;
    }

    public static boolean write(long pte) {
        return (pte & _PAGE_RW) != 0;
    }

    public static boolean dirty(long pte) {
        return (pte & _PAGE_DIRTY) != 0;
    }

    public static boolean young(long pte) {
        return (pte & _PAGE_ACCESSED) != 0;
    }

    public static boolean special(long pte) {
        return (pte & _PAGE_SPECIAL) != 0;
    }

    public static long mkwrite(long pte) {
        return pte | _PAGE_RW;
    }

    public static long wrprotect(long pte) {
        return pte & ~_PAGE_RW;
    }

    public static long mkdirty(long pte) {
        return pte | _PAGE_DIRTY;
    }

    public static long mkclean(long pte) {
        return pte & ~_PAGE_DIRTY;
    }

    public static long mkyoung(long pte) {
        return pte | _PAGE_ACCESSED;
    }

    public static long mkold(long pte) {
        return pte & ~_PAGE_ACCESSED;
    }

    public static long mkspecial(long pte) {
        return pte | _PAGE_SPECIAL;
    }

    // ---------------------------------------------------------------- swap entries

    /** swp_entry_to_pte(swp_entry(0, offset)). Offsets start at 1 so an entry is never pte_none. */
    public static long swpEntry(long offset) {
        return offset << Geometry.PAGE_SHIFT | _PAGE_SWP;
    }

    /** is_swap_pte(): not none, not present. */
    public static boolean isSwap(long pte) {
        return !none(pte) && !present(pte) && (pte & _PAGE_SWP) != 0;
    }

    public static long swpOffset(long pte) {
        return pte >>> Geometry.PAGE_SHIFT;
    }

    // ---------------------------------------------------------------- migration entries

    /** swp_entry_to_pte(make_migration_entry(page, write)): the pfn in the offset field. */
    public static long migrationEntry(long pfn, boolean write) {
        return swpEntry(pfn) | _PAGE_SWP_MIGRATION | (write ? _PAGE_SWP_MIGRATION_WRITE : 0);
    }

    /** is_swap_pte(pte) && is_migration_entry(pte_to_swp_entry(pte)). */
    public static boolean isMigrationEntry(long pte) {
        return isSwap(pte) && (pte & _PAGE_SWP_MIGRATION) != 0;
    }

    /** A swap PTE that names a swap slot: is_swap_pte() && !non_swap_entry(). */
    public static boolean isSwapSlot(long pte) {
        return isSwap(pte) && !isMigrationEntry(pte);
    }

    /** is_write_migration_entry(). */
    public static boolean isWriteMigrationEntry(long pte) {
        return isMigrationEntry(pte) && (pte & _PAGE_SWP_MIGRATION_WRITE) != 0;
    }

    /** migration_entry_to_pfn(). */
    public static long migrationEntryToPfn(long pte) {
        return swpOffset(pte);
    }

    public static String describe(long pte) {
        if (none(pte)) {
            return "none";
        }
        if (isMigrationEntry(pte)) {
            return "migration:pfn " + migrationEntryToPfn(pte) + (isWriteMigrationEntry(pte) ? " rw" : " ro");
        }
        if (isSwap(pte)) {
            return "swap:" + swpOffset(pte);
        }
        return "pfn " + pfn(pte) + (write(pte) ? " rw" : " ro") + (dirty(pte) ? " dirty" : "")
                + (young(pte) ? " young" : "") + (special(pte) ? " special" : "");
    }
}
