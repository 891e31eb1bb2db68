package mmrace.kernel.mm;

import mmrace.kernel.Geometry;

/**
 * pte_t values, x86-style bits: a present PTE is {@code pfn << PAGE_SHIFT | flags}; a non-present,
 * non-zero PTE is a swap entry ({@code offset << PAGE_SHIFT | _PAGE_SWP}); zero is pte_none.
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

    public static String describe(long pte) {
        if (none(pte)) {
            return "none";
        }
        if (isSwap(pte)) {
            return "swap:" + swpOffset(pte);
        }
        return "pfn " + pfn(pte) + (write(pte) ? " rw" : " ro") + (dirty(pte) ? " dirty" : "")
                + (young(pte) ? " young" : "") + (special(pte) ? " special" : "");
    }
}
