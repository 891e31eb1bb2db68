package mmrace.kernel.check;

import java.util.Map;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.slab.SlabObject;
import mmrace.kernel.Kernel;
import mmrace.kernel.mm.Inode;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.PageFlags;
import mmrace.kernel.mm.PageTableScan;
import mmrace.kernel.mm.Pmd;
import mmrace.kernel.mm.Pte;
import mmrace.kernel.mm.PteTable;
import mmrace.kernel.mm.RssCounter;
import mmrace.kernel.mm.Swap;

/**
 * The always-on invariants that hold only once every context has finished, checked on the
 * final state of each execution (registered with {@link Execution#atEnd}): _mapcount against
 * the page tables, _refcount against everything that holds a reference, RSS and page-table
 * counters against the page tables, PG_lru against the LRU lists, no atomically set flag lost,
 * no page left locked, page->mapping where it is promised ({@link MappingChecks}).
 */
public final class EndChecks {
    private EndChecks() {
    }

    public static void register(Kernel k) {
        k.x.atEnd(() -> run(k));
    }

    static void run(Kernel k) {
        Execution x = k.x;
        Map<Integer, Integer> mapped = PageTableScan.mapcounts(k);
        Map<Integer, Integer> ptes = allPtes(k);
        for (Page p : k.pages.all()) {
            PageFlags.checkNoLostBits(p);
            long flags = p.flags.peek();
            x.check((flags & PageFlags.bit(PageFlags.PG_locked)) == 0, CheckNames.PAGE_LOCK_LEAK,
                    p + " is still locked" + (PageFlags.lockOwner(p) == null ? "" : " by " + PageFlags.lockOwner(p)));
            if (p.role() != Page.Role.DATA) {
                continue;
            }
            int m = mapped.getOrDefault(p.pfn, 0);
            long mapcount = p.mapcount.peek();
            x.check(mapcount + 1 == m, CheckNames.MAPCOUNT, p + " _mapcount " + mapcount + " but " + m
                    + " PTE(s) map it");
            long expected = ptes.getOrDefault(p.pfn, 0) + (inACache(k, p) ? 1 : 0) + p.gupRefs()
                    + Swap.pagevecRefs(k, p);
            long ref = p.refcount.peek();
            x.check(ref == expected, CheckNames.REFCOUNT, p + " _refcount " + ref + " but " + expected
                    + " reference(s) accounted for (PTEs, page/swap cache, GUP, pagevecs)"
                    + (ref > expected ? ": a leak" : ""));
            boolean onLru = p.lruList() != null;
            x.check(onLru == ((flags & PageFlags.bit(PageFlags.PG_lru)) != 0), CheckNames.LRU, p
                    + (onLru ? " is on " + p.lruList() + " without PG_lru" : " has PG_lru but is on no LRU list"));
        }
        MappingChecks.run(k);
        for (Kernel.CowShare c : k.cowShares()) {
            // Still shared: the child maps the same frame, not reallocated since.
            if (c.child().exited() || !childMaps(k, c)) {
                continue;
            }
            long now = c.page().data.peek();
            x.check(now == c.value(), CheckNames.COW_ISOLATION, c.page() + ", shared copy-on-write with " + c.child()
                    + ", was written after fork: it held " + c.value() + " when fork returned, now " + now);
        }
        for (MmStruct mm : k.liveMms()) {
            long[] want = PageTableScan.rss(k, mm);
            for (RssCounter c : RssCounter.values()) {
                long have = mm.rss[c.ordinal()].peek();
                x.check(have == want[c.ordinal()], CheckNames.RSS, mm + " " + c + " is " + have + " but its page tables map "
                        + want[c.ordinal()]);
            }
            long tables = 0;
            for (int i = 0; i < mm.pmd.length; i++) {
                if (Pmd.table(mm.pmd[i].peek()) || mm.deposited[i] != null) {
                    tables++;
                }
            }
            x.check(mm.nrPtes.peek() == tables, CheckNames.RSS, mm + " pgtables_bytes counts " + mm.nrPtes.peek()
                    + " PTE tables but " + tables + " are attached");
        }
    }

    private static boolean childMaps(Kernel k, Kernel.CowShare c) {
        for (int pi = 0; pi < c.child().pmd.length; pi++) {
            long pmd = c.child().pmd[pi].peek();
            if (!Pmd.table(pmd)) {
                continue;
            }
            PteTable t = k.pages.page(Pmd.pfn(pmd)).table();
            for (int i = 0; t != null && i < t.ptes.length; i++) {
                long v = t.peek(i);
                if (Pte.present(v) && Pte.pfn(v) == c.page().pfn) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Present PTEs per frame in every live table, attached or not: each holds a reference. */
    static Map<Integer, Integer> allPtes(Kernel k) {
        Map<Integer, Integer> n = new java.util.HashMap<>();
        for (MmStruct mm : k.liveMms()) {
            for (int pi = 0; pi < mm.pmd.length; pi++) {
                long pmd = mm.pmd[pi].peek();
                if (Pmd.transHuge(pmd)) {
                    n.merge((int) Pmd.pfn(pmd), 1, Integer::sum); // a huge PMD holds one reference
                }
            }
        }
        for (PteTable t : k.pages.liveTables()) {
            for (int i = 0; i < t.ptes.length; i++) {
                long v = t.peek(i);
                if (Pte.present(v) && !Pte.special(v)) {
                    n.merge((int) Pte.pfn(v), 1, Integer::sum);
                }
            }
        }
        return n;
    }

    /** Whether a live inode's page cache or the swap cache holds the page. */
    static boolean inACache(Kernel k, Page p) {
        for (Inode i : k.allInodes()) {
            if (i.state() != SlabObject.State.LIVE) {
                continue;
            }
            for (var slot : i.mapping.iPages) {
                if (slot.peek() == p.pfn) {
                    return true;
                }
            }
        }
        for (var slot : k.swap.swapCache.iPages) {
            if (slot.peek() == p.pfn) {
                return true;
            }
        }
        return false;
    }

    /** For scenario checks: fail with {@code check} unless {@code ok}, at the end. */
    public static void require(Kernel k, boolean ok, String check, String message) {
        if (!ok) {
            throw k.x.fail(FindingKind.CHECK, check, message);
        }
    }
}
