package mmrace.kernel.mm;

import java.util.HashMap;
import java.util.Map;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;

/**
 * Reads page tables without events, for checks: who maps a frame, how many PTEs map each frame
 * in the tables reachable from live mms, what an mm's RSS should be.
 */
public final class PageTableScan {
    private PageTableScan() {
    }

    /** A present PTE (in any live table, attached or not) or huge PMD that maps {@code p}, or null. */
    static String presentMapping(Kernel k, Page p) {
        for (PteTable t : k.pages.liveTables()) {
            for (int i = 0; i < t.ptes.length; i++) {
                long v = t.peek(i);
                if (Pte.present(v) && !Pte.special(v) && Pte.pfn(v) == p.pfn) {
                    return "PTE " + i + " of " + t + " (" + t.mm + ") maps it";
                }
            }
        }
        return null;
    }

    /** Number of present, non-special PTEs mapping each frame, in tables reachable from live mms. */
    public static Map<Integer, Integer> mapcounts(Kernel k) {
        Map<Integer, Integer> n = new HashMap<>();
        for (MmStruct mm : k.liveMms()) {
            for (int pi = 0; pi < mm.pmd.length; pi++) {
                long pmd = mm.pmd[pi].peek();
                if (Pmd.transHuge(pmd)) {
                    n.merge((int) Pmd.pfn(pmd), 1, Integer::sum);
                }
                if (Pmd.table(pmd)) {
                    PteTable t = k.pages.page(Pmd.pfn(pmd)).table;
                    if (t == null) {
                        continue;
                    }
                    for (int i = 0; i < t.ptes.length; i++) {
                        long v = t.peek(i);
                        if (Pte.present(v) && !Pte.special(v)) {
                            n.merge((int) Pte.pfn(v), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return n;
    }

    /** What the RSS counters of {@code mm} should be, from its page tables: [file, anon, swap, shmem]. */
    public static long[] rss(Kernel k, MmStruct mm) {
        long[] rss = new long[RssCounter.values().length];
        for (int pi = 0; pi < mm.pmd.length; pi++) {
            long pmd = mm.pmd[pi].peek();
            if (Pmd.transHuge(pmd)) {
                rss[RssCounter.ofForCheck(k.pages.page(Pmd.pfn(pmd))).ordinal()] += k.geo.hpagePmdNr();
            }
            if (!Pmd.table(pmd)) {
                continue;
            }
            PteTable t = k.pages.page(Pmd.pfn(pmd)).table;
            for (int i = 0; t != null && i < t.ptes.length; i++) {
                long v = t.peek(i);
                if (Pte.isMigrationEntry(v)) {
                    // try_to_unmap(TTU_MIGRATION) leaves the counters alone: the entry counts as its page.
                    rss[RssCounter.ofForCheck(k.pages.page(Pte.migrationEntryToPfn(v))).ordinal()]++;
                } else if (Pte.isSwap(v)) {
                    rss[RssCounter.MM_SWAPENTS.ordinal()]++;
                } else if (Pte.present(v) && !Pte.special(v)) {
                    Page p = k.pages.page(Pte.pfn(v));
                    rss[RssCounter.ofForCheck(p).ordinal()]++;
                }
            }
        }
        return rss;
    }

    /** The PTE mapping {@code addr} in {@code mm}, or 0: for tests. */
    public static long pteAt(Kernel k, MmStruct mm, long addr) {
        Geometry g = k.geo;
        long pmd = mm.pmd[g.pmdIndex(addr)].peek();
        if (!Pmd.table(pmd)) {
            return 0;
        }
        PteTable t = k.pages.page(Pmd.pfn(pmd)).table;
        return t == null ? 0 : t.peek(g.pteIndex(addr));
    }

    /** The page (a THP's head for a huge PMD) mapped at {@code addr} of {@code mm}, or null. */
    public static Page pageAt(Kernel k, MmStruct mm, long addr) {
        long pmd = mm.pmd[k.geo.pmdIndex(addr)].peek();
        if (Pmd.transHuge(pmd)) {
            return k.pages.page(Pmd.pfn(pmd));
        }
        long pte = pteAt(k, mm, addr);
        return Pte.present(pte) && !Pte.special(pte) ? k.pages.page(Pte.pfn(pte)) : null;
    }
}
