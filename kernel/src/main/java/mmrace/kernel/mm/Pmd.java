package mmrace.kernel.mm;

import mmrace.kernel.Geometry;

/**
 * pmd_t values: none (0), a PTE table ({@code table pfn << PAGE_SHIFT | _PAGE_TABLE}), or a huge
 * page ({@code pfn << PAGE_SHIFT | _PAGE_PSE | prot}).
 */
public final class Pmd {
    private Pmd() {
    }

    /** _PAGE_TABLE: present, writable, user, accessed, dirty. */
    public static final long _PAGE_TABLE = Pte._PAGE_PRESENT | Pte._PAGE_RW | Pte._PAGE_USER | Pte._PAGE_ACCESSED
            | Pte._PAGE_DIRTY;

    /** pmd_populate(): the PMD value pointing at {@code table}. */
    public static long mkTable(PteTable table) {
        return (long) table.page.pfn << Geometry.PAGE_SHIFT | _PAGE_TABLE;
    }

    /** A huge PMD mapping the HPAGE_PMD_NR frames from {@code pfn}. */
    public static long mkHuge(long pfn, long prot) {
        return Pte.mk(pfn, prot) | Pte._PAGE_PSE;
    }

    public static boolean none(long pmd) {
        return pmd == 0;
    }

    public static boolean present(long pmd) {
        return (pmd & Pte._PAGE_PRESENT) != 0;
    }

    /** pmd_trans_huge(). */
    public static boolean transHuge(long pmd) {
        return present(pmd) && (pmd & Pte._PAGE_PSE) != 0;
    }

    /** Whether it points to a PTE table. */
    public static boolean table(long pmd) {
        return present(pmd) && (pmd & Pte._PAGE_PSE) == 0;
    }

    public static long pfn(long pmd) {
        return pmd >>> Geometry.PAGE_SHIFT;
    }

    public static String describe(long pmd) {
        if (none(pmd)) {
            return "none";
        }
        return (transHuge(pmd) ? "huge pfn " : "table pfn ") + pfn(pmd);
    }
}
