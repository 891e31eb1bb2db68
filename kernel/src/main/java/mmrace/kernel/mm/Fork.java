package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.Ops;
import mmrace.kernel.variant.ForkFlush;

/**
 * fork()'s address-space copy (kernel/fork.c dup_mmap, mm/memory.c copy_page_range, v5.6):
 * every VMA is duplicated and chained to the parent's anon_vmas; the PTEs of VMAs with
 * anonymous pages are copied, private writable ones write-protected in both parent and child so
 * the first write copies (COW); the parent's TLBs are flushed before its mmap_lock is released.
 */
public final class Fork {
    private Fork() {
    }

    /**
     * dup_mm() -> dup_mmap(): a new mm named {@code name} copying {@code oldmm}.
     *
     * @see kernel/fork.c dup_mmap() (v5.6). Takes: oldmm's mmap_lock for write, then the
     *     child's (down_write_nested: "Not linked in yet - no deadlock potential").
     */
    public static MmStruct dupMm(Kernel k, MmStruct oldmm, String name) {
        try (Fn f = Fn.enter(k.x, "dup_mmap")) {
            MmStruct mm = MmStructs.mmAlloc(k, name);
            oldmm.mmapLock.downWrite();
            mm.mmapLock.downWriteNested();
            List<Page> shared = new ArrayList<>();
            for (VmArea mpnt : oldmm.vmaList()) {
                long vmFlags = mpnt.flags();
                if ((vmFlags & VmFlags.VM_DONTCOPY) != 0) {
                    continue;
                }
                VmArea tmp = Vmas.vmAreaDup(k, mpnt);
                tmp.mm = mm;
                AnonVmas.anonVmaFork(k, tmp, mpnt);
                tmp.vmFlags.write(tmp.flags() & ~VmFlags.VM_LOCKED);
                tmp.uffdCtx.write(0);
                if (tmp.file != null) {
                    AddressSpace mapping = tmp.file.mapping;
                    mapping.iMmapLockWrite();
                    mapping.iMmap.add(mapping.iMmap.indexOf(mpnt) + 1, tmp);
                    tmp.inIMmap = true;
                    mapping.iMmapUnlockWrite();
                }
                mm.linkVma(tmp, tmp.startForCheck());
                copyPageRange(k, mm, oldmm, mpnt, shared);
            }
            mm.mmapLock.upWrite();
            if (k.variant(ForkFlush.class) == ForkFlush.V5_6) {
                Tlb.flushTlbMm(k, oldmm);
            }
            oldmm.mmapLock.upWrite();
            CowSnapshot.take(k, mm, shared);
            return mm;
        }
    }

    /**
     * copy_page_range(): only VMAs with anonymous pages (or that cannot fault back in) are
     * copied: "Don't copy ptes where a page fault will fill them correctly."
     */
    static void copyPageRange(Kernel k, MmStruct dst, MmStruct src, VmArea vma, List<Page> shared) {
        if (vma.anonVma.read() == 0) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "copy_page_range")) {
            Geometry g = k.geo;
            long addr = vma.start();
            long end = vma.end();
            while (addr < end) {
                long next = g.pmdAddrEnd(addr, end);
                Loc srcPmd = src.pmdOf(addr);
                if (Pmd.table(srcPmd.read())) {
                    copyPteRange(k, dst, src, dst.pmdOf(addr), srcPmd, vma, addr, next, shared);
                }
                addr = next;
            }
        }
    }

    /**
     * copy_pte_range(): the child's PTE lock, then the parent's nested ("We are holding two
     * locks at this point").
     *
     * @see mm/memory.c copy_pte_range() (v5.6). Takes: dst PTE lock, src PTE lock (nested).
     */
    static void copyPteRange(Kernel k, MmStruct dstMm, MmStruct srcMm, Loc dstPmd, Loc srcPmd, VmArea vma, long addr,
                             long end, List<Page> shared) {
        try (Fn f = Fn.enter(k.x, "copy_pte_range")) {
            if (!Pgtable.pteAlloc(k, dstMm, dstPmd)) {
                return;
            }
            Pgtable.PteRef dst = Pgtable.pteOffsetMapLock(k, dstMm, dstPmd, addr);
            Pgtable.PteRef src = Pgtable.pteOffsetMap(k, srcPmd, addr);
            src.ptl().lockNested();
            long[] rss = new long[RssCounter.values().length];
            for (; addr != end; addr += Geometry.PAGE_SIZE) {
                int i = k.geo.pteIndex(addr);
                if (Pte.none(src.table().get(i))) {
                    continue;
                }
                copyOnePte(k, dst.table(), src.table(), i, vma, srcMm, addr, rss, shared);
            }
            src.ptl().unlock();
            for (RssCounter c : RssCounter.values()) {
                if (rss[c.ordinal()] != 0) {
                    MmCounters.add(dstMm, c, rss[c.ordinal()]);
                }
            }
            Pgtable.pteUnmapUnlock(dst);
        }
    }

    /**
     * copy_one_pte(): a swap entry gets one more swap reference; a present PTE of a COW mapping
     * is write-protected in the parent ("If it's a COW mapping, write protect it both in the
     * parent and the child"), made old, and the page gets one more mapping and reference.
     */
    static void copyOnePte(Kernel k, PteTable dst, PteTable src, int i, VmArea vma, MmStruct srcMm, long addr,
                           long[] rss, List<Page> shared) {
        long vmFlags = vma.flags();
        long pte = src.get(i);
        if (!Pte.present(pte)) {
            if (Pte.isSwapSlot(pte)) {
                Swapfile.swapDuplicate(k, Pte.swpOffset(pte));
                rss[RssCounter.MM_SWAPENTS.ordinal()]++;
            } else if (Pte.isMigrationEntry(pte)) {
                // v5.6: the child gets the entry too (remove_migration_ptes will find it through
                // the rmap); "COW mappings require pages in both parent and child to be set to
                // read", so a write entry becomes a read entry in the parent as well.
                Page page = k.pages.page(Pte.migrationEntryToPfn(pte));
                rss[Memory.mmCounter(page).ordinal()]++;
                if (Pte.isWriteMigrationEntry(pte) && VmFlags.isCowMapping(vmFlags)) {
                    pte = Pte.migrationEntry(Pte.migrationEntryToPfn(pte), false);
                    src.set(i, pte, Order.PLAIN, "set_pte_at");
                }
            }
            dst.set(i, pte, Order.PLAIN, "set_pte_at");
            return;
        }
        if (VmFlags.isCowMapping(vmFlags) && Pte.write(pte)) {
            src.update(i, "ptep_set_wrprotect", v -> v & ~Pte._PAGE_RW);
            pte = Pte.wrprotect(pte);
        }
        if ((vmFlags & VmFlags.VM_SHARED) != 0) {
            pte = Pte.mkclean(pte);
        }
        pte = Pte.mkold(pte);
        Page page = Memory.vmNormalPage(k, pte);
        if (page != null) {
            PageRef.getPage(page);
            Rmap.pageDupRmap(page);
            rss[Memory.mmCounter(page).ordinal()]++;
            if (VmFlags.isCowMapping(vmFlags)) {
                shared.add(page);
            }
        }
        dst.set(i, pte, Order.PLAIN, "set_pte_at");
    }

    /** The model's check that a COW-shared page is not written after fork (ghost state). */
    static final class CowSnapshot {
        private CowSnapshot() {
        }

        /**
         * Records, in one event that reads their contents, what the pages shared copy-on-write
         * hold once fork is over; {@link mmrace.kernel.check.EndChecks} compares at the end.
         */
        static void take(Kernel k, MmStruct child, List<Page> pages) {
            if (pages.isEmpty()) {
                return;
            }
            Object[] fp = new Object[2 * pages.size()];
            for (int i = 0; i < pages.size(); i++) {
                fp[2 * i] = pages.get(i).data.id;
                fp[2 * i + 1] = mmrace.engine.exec.Mode.READ;
            }
            Ops.op(k.x, "ghost: contents of the pages " + child + " shares copy-on-write", child, Ops.fp(fp));
            for (Page p : pages) {
                k.cowShared(p, child, k.x.memory().peek(p.data));
            }
        }
    }
}
