package mmrace.kernel;

/**
 * The scaled-down address space: two page-table levels (a PMD table per mm whose entries map a
 * PTE table or a huge page, and PTE tables), with PTRS_PER_PTE and PTRS_PER_PMD as parameters so
 * that a huge page is a few PTEs and the explorer's state space stays small. Addresses are byte
 * addresses with 4 KiB pages, so traces read like the kernel's ({@code 0x3000}).
 *
 * @param ptrsPerPte PTEs in a PTE table; also HPAGE_PMD_NR (a power of two)
 * @param ptrsPerPmd PMD entries in the mm's one PMD table (a power of two)
 */
public record Geometry(int ptrsPerPte, int ptrsPerPmd) {
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final long PAGE_MASK = ~(PAGE_SIZE - 1);

    public Geometry {
        if (Integer.bitCount(ptrsPerPte) != 1 || Integer.bitCount(ptrsPerPmd) != 1) {
            throw new IllegalArgumentException("PTRS_PER_PTE and PTRS_PER_PMD must be powers of two");
        }
    }

    /** 4 PTEs a table, 4 tables: 16 pages of user address space. */
    public static Geometry defaults() {
        return new Geometry(4, 4);
    }

    /** HPAGE_PMD_NR: the pages a huge PMD maps. */
    public int hpagePmdNr() {
        return ptrsPerPte;
    }

    public int pmdShift() {
        return PAGE_SHIFT + Integer.numberOfTrailingZeros(ptrsPerPte);
    }

    public long pmdSize() {
        return 1L << pmdShift();
    }

    public long pmdMask() {
        return ~(pmdSize() - 1);
    }

    /** TASK_SIZE: the end of the user address space (also USER_PGTABLES_CEILING's role). */
    public long taskSize() {
        return pmdSize() * ptrsPerPmd;
    }

    public int pmdIndex(long addr) {
        return (int) (addr >>> pmdShift()) & (ptrsPerPmd - 1);
    }

    public int pteIndex(long addr) {
        return (int) (addr >>> PAGE_SHIFT) & (ptrsPerPte - 1);
    }

    /** pmd_addr_end(addr, end): the end of the PMD extent containing addr, capped at end. */
    public long pmdAddrEnd(long addr, long end) {
        long boundary = (addr + pmdSize()) & pmdMask();
        return boundary - 1 < end - 1 ? boundary : end;
    }

    public static long pageAlign(long addr) {
        return (addr + PAGE_SIZE - 1) & PAGE_MASK;
    }
}
