package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.ReclaimFlush;

/**
 * The rmap users reclaim needs (mm/rmap.c, v5.6): page_referenced() and try_to_unmap(), each an
 * rmap walk whose rmap_one finds the PTE with page_vma_mapped_walk under the PTE lock.
 */
public final class TryToUnmap {
    private TryToUnmap() {
    }

    /** Referenced PTEs found, and whether a VM_LOCKED VMA maps the page. */
    public record Referenced(int referenced, long vmFlags) {
    }

    /**
     * page_referenced(): clear and count the young bits of the PTEs mapping the page.
     *
     * @see mm/rmap.c page_referenced() page_referenced_one() (v5.6). Caller holds: the page lock
     *     when {@code isLocked}; else a reference.
     */
    public static Referenced pageReferenced(Kernel k, Page page, boolean isLocked) {
        try (Fn f = Fn.enter(k.x, "page_referenced")) {
            long[] mapcount = {PageRef.pageMapcount(page)};
            if (mapcount[0] == 0) {
                return new Referenced(0, 0);
            }
            if ((page.mapping.readOnce() & ~AnonVma.PAGE_MAPPING_FLAGS) == 0) {
                return new Referenced(0, 0);
            }
            boolean weLocked = false;
            if (!isLocked && !PageRef.pageAnon(page)) {
                weLocked = PageFlags.trylockPage(page);
                if (!weLocked) {
                    return new Referenced(1, 0);
                }
            }
            int[] referenced = {0};
            long[] vmFlags = {0};
            RmapWalk.rmapWalk(k, page, new RmapWalk.Control() {
                @Override
                public boolean rmapOne(Page p, VmArea vma, long address) {
                    try (Fn g = Fn.enter(k.x, "page_referenced_one")) {
                        PageVmaMappedWalk.Found pvmw = PageVmaMappedWalk.walk(k, p, vma, address);
                        int ref = 0;
                        if (pvmw != null) {
                            long flags = vma.flags();
                            if ((flags & VmFlags.VM_LOCKED) != 0) {
                                PageVmaMappedWalk.done(pvmw);
                                vmFlags[0] |= VmFlags.VM_LOCKED;
                                return false;
                            }
                            if (Tlb.ptepClearFlushYoung(k, vma, address, pvmw.table(), pvmw.index())) {
                                ref++;
                            }
                            PageVmaMappedWalk.done(pvmw);
                            mapcount[0]--;
                        }
                        if (ref > 0) {
                            referenced[0]++;
                            vmFlags[0] |= vma.flags();
                        }
                        return mapcount[0] != 0;
                    }
                }

                @Override
                public boolean lockless() {
                    return true;
                }
            });
            if (weLocked) {
                PageFlags.unlockPage(page);
            }
            return new Referenced(referenced[0], vmFlags[0]);
        }
    }

    /**
     * try_to_unmap(): unmap the page from every VMA; true if it is no longer mapped.
     * {@code batchFlush} is TTU_BATCH_FLUSH (reclaim): defer the TLB flush when the arch can.
     *
     * @see mm/rmap.c try_to_unmap() (v5.6). Caller holds: the page lock.
     */
    public static boolean tryToUnmap(Kernel k, Page page, boolean batchFlush) {
        try (Fn f = Fn.enter(k.x, "try_to_unmap")) {
            PageFlags.assertLocked(page, "try_to_unmap");
            RmapWalk.rmapWalk(k, page, new RmapWalk.Control() {
                @Override
                public boolean rmapOne(Page p, VmArea vma, long address) {
                    return tryToUnmapOne(k, p, vma, address, batchFlush);
                }

                @Override
                public boolean done(Page p) {
                    return !PageRef.pageMapped(p);
                }

                @Override
                public boolean lockless() {
                    return true;
                }
            });
            return PageRef.pageMapcount(page) == 0;
        }
    }

    /**
     * try_to_unmap_one(): clear the PTE (flushing now, or deferring the flush), move its dirty bit
     * to the page, replace it with a swap entry (anon) or nothing (file), drop the rmap and the
     * mapping's reference. Returns false to stop the walk (the page was young, or no swap entry).
     *
     * @see mm/rmap.c try_to_unmap_one() (v5.6, small pages, no migration, mlock or hwpoison)
     */
    static boolean tryToUnmapOne(Kernel k, Page page, VmArea vma, long address, boolean batchFlush) {
        try (Fn f = Fn.enter(k.x, "try_to_unmap_one")) {
            MmStruct mm = vma.mm;
            PageVmaMappedWalk.Found pvmw = PageVmaMappedWalk.walk(k, page, vma, address);
            if (pvmw == null) {
                return true;
            }
            PteTable t = pvmw.table();
            int i = pvmw.index();
            if ((vma.flags() & VmFlags.VM_LOCKED) != 0) {
                PageVmaMappedWalk.done(pvmw);
                return false;
            }
            if (Tlb.ptepClearFlushYoung(k, vma, address, t, i)) {
                PageVmaMappedWalk.done(pvmw);
                return false;
            }
            long pteval;
            if (Tlb.shouldDeferFlush(k, mm, batchFlush)) {
                // "We clear the PTE but do not flush so potentially a remote CPU could still be writing to the page."
                pteval = t.xchg(i, 0, "ptep_get_and_clear");
                Tlb.setTlbUbcFlushPending(k, mm, Pte.dirty(pteval));
            } else {
                pteval = Tlb.ptepClearFlush(k, vma, address, t, i);
            }
            if (Pte.dirty(pteval)) {
                Writeback.setPageDirty(k, page);
            }
            if (PageRef.pageAnon(page)) {
                long entry = page.priv.read();
                boolean swapBacked = PageFlags.test(page, PageFlags.PG_swapbacked, "PageSwapBacked");
                boolean swapCache = PageFlags.test(page, PageFlags.PG_swapcache, "PageSwapCache");
                if (swapBacked != swapCache) {
                    // WARN_ON_ONCE(1): "We have to invalidate as we cleared the pte"
                    t.set(i, pteval, Order.PLAIN, "set_pte_at");
                    PageVmaMappedWalk.done(pvmw);
                    throw k.x.fail(FindingKind.CHECK, CheckNames.VM_BUG_ON, "try_to_unmap_one: anon " + page
                            + " PageSwapBacked != PageSwapCache");
                }
                Swapfile.swapDuplicate(k, entry);
                MmCounters.dec(mm, RssCounter.MM_ANONPAGES);
                MmCounters.inc(mm, RssCounter.MM_SWAPENTS);
                t.set(i, Pte.swpEntry(entry), Order.PLAIN, "set_pte_at");
            } else {
                MmCounters.dec(mm, Memory.mmCounterFile(page));
            }
            Rmap.pageRemoveRmap(k, page, t.ptl);
            Swap.putPage(k, page);
            PageVmaMappedWalk.done(pvmw);
            return true;
        }
    }

    /** Whether reclaim flushes its deferred TLB entries before freeing (counterfactual variant). */
    static boolean flushBeforeFree(Kernel k) {
        return k.variant(ReclaimFlush.class) == ReclaimFlush.V5_6;
    }
}
