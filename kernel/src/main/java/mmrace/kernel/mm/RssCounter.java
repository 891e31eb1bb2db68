package mmrace.kernel.mm;

/** The mm_struct RSS counters (enum in include/linux/mm_types_task.h). */
public enum RssCounter {
    MM_FILEPAGES,
    MM_ANONPAGES,
    MM_SWAPENTS,
    MM_SHMEMPAGES;

    /** mm_counter(page) read without events: for checks only (code paths use Memory.mmCounter). */
    public static RssCounter ofForCheck(Page p) {
        long mapping = p.mapping.peek();
        if ((mapping & AnonVma.PAGE_MAPPING_ANON) != 0) {
            return MM_ANONPAGES;
        }
        return (p.flags.peek() & PageFlags.bit(PageFlags.PG_swapbacked)) != 0 ? MM_SHMEMPAGES : MM_FILEPAGES;
    }
}
