package mmrace.kernel.mm;

import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.variant.MovePmdRmapLocks;
import mmrace.kernel.variant.MremapFlush;

/**
 * mremap(2) with MREMAP_MAYMOVE | MREMAP_FIXED (mm/mremap.c, v5.6): a new VMA at the target,
 * page tables moved under it (whole PTE tables by move_normal_pmd when a PMD extent is aligned,
 * else PTE by PTE), then the old range unmapped. No VMA merging, no resizing.
 */
public final class Mremap {
    private Mremap() {
    }

    /**
     * @return the new address, or a negative error
     * @see mm/mremap.c mremap_to() move_vma() (v5.6). Takes: mmap_lock for write.
     */
    public static long mremapTo(Kernel k, MmStruct mm, long addr, long len, long newAddr) {
        try (Fn f = Fn.enter(k.x, "mremap_to")) {
            mm.mmapLock.downWrite();
            try {
                if ((addr & ~Geometry.PAGE_MASK) != 0 || (newAddr & ~Geometry.PAGE_MASK) != 0 || len == 0
                        || newAddr + len > k.geo.taskSize() || (newAddr < addr + len && addr < newAddr + len)) {
                    return Mmap.EINVAL;
                }
                Mmap.doMunmap(k, mm, newAddr, len, false);
                VmArea vma = mm.findVma(addr);
                if (vma == null || vma.start() > addr || addr + len > vma.end()) {
                    return -14;
                }
                return moveVma(k, vma, addr, len, newAddr);
            } finally {
                if (mm.mmapLock.heldForWriteBy(k.x.current())) {
                    mm.mmapLock.upWrite();
                }
            }
        }
    }

    /** move_vma(): copy_vma, move_page_tables, then do_munmap of the old range. Caller holds: mmap_lock for write. */
    static long moveVma(Kernel k, VmArea vma, long oldAddr, long len, long newAddr) {
        try (Fn f = Fn.enter(k.x, "move_vma")) {
            MmStruct mm = vma.mm;
            long newPgoff = vma.pgoff() + ((oldAddr - vma.start()) >> Geometry.PAGE_SHIFT);
            VmArea newVma = copyVma(k, vma, newAddr, len, newPgoff);
            movePageTables(k, vma, oldAddr, newVma, newAddr, len, false);
            Mmap.doMunmap(k, mm, oldAddr, len, false);
            return newAddr;
        }
    }

    /**
     * copy_vma() without merging: a duplicate at [addr, addr+len) chained to the same anon_vmas
     * and linked after the original in rmap order, so "rmap will always observe either the old
     * pte, or the new pte, or both": need_rmap_locks is false.
     */
    static VmArea copyVma(Kernel k, VmArea vma, long addr, long len, long pgoff) {
        try (Fn f = Fn.enter(k.x, "copy_vma")) {
            if (vma.isAnonymous() && vma.anonVma.read() == 0) {
                pgoff = addr >> Geometry.PAGE_SHIFT;
            }
            VmArea nu = Vmas.vmAreaDup(k, vma);
            nu.vmStart.write(addr);
            nu.vmEnd.write(addr + len);
            nu.vmPgoff.write(pgoff);
            AnonVmas.anonVmaClone(k, nu, vma);
            Mmap.vmaLink(k, vma.mm, nu);
            return nu;
        }
    }

    /**
     * move_page_tables(): per PMD extent, move the whole PTE table when aligned
     * (move_normal_pmd, CONFIG_HAVE_MOVE_PMD), else the PTEs.
     *
     * @see mm/mremap.c move_page_tables() (v5.6). Caller holds: mmap_lock for write.
     */
    static void movePageTables(Kernel k, VmArea vma, long oldAddr, VmArea newVma, long newAddr, long len,
                               boolean needRmapLocks) {
        try (Fn f = Fn.enter(k.x, "move_page_tables")) {
            Geometry g = k.geo;
            long oldEnd = oldAddr + len;
            boolean needFlush = false;
            long extent;
            for (; oldAddr < oldEnd; oldAddr += extent, newAddr += extent) {
                long next = (oldAddr + g.pmdSize()) & g.pmdMask();
                extent = Math.min(next - oldAddr, oldEnd - oldAddr);
                Loc oldPmd = vma.mm.pmdOf(oldAddr);
                if (Pmd.none(oldPmd.read())) {
                    continue;
                }
                Loc newPmd = newVma.mm.pmdOf(newAddr);
                if (extent == g.pmdSize() && k.arch.haveMovePmd()) {
                    boolean rmapLocks = needRmapLocks
                            || k.variant(MovePmdRmapLocks.class) == MovePmdRmapLocks.HOLD_RMAP_LOCK;
                    if (rmapLocks) {
                        takeRmapLocks(k, vma);
                    }
                    boolean moved = moveNormalPmd(k, vma, oldAddr, newAddr, oldEnd, oldPmd, newPmd);
                    if (rmapLocks) {
                        dropRmapLocks(k, vma);
                    }
                    if (moved) {
                        continue;
                    }
                }
                if (!Pgtable.pteAlloc(k, newVma.mm, newPmd)) {
                    break;
                }
                long nextNew = (newAddr + g.pmdSize()) & g.pmdMask();
                extent = Math.min(extent, nextNew - newAddr);
                needFlush |= movePtes(k, vma, oldPmd, oldAddr, oldAddr + extent, newVma, newPmd, newAddr, len);
            }
            if (needFlush) {
                // 4.19: "if (need_flush) flush_tlb_range(vma, old_end-len, old_addr)", after the PTE locks.
                Tlb.flushTlbRange(k, vma, oldEnd - len, oldAddr);
            }
        }
    }

    /** take_rmap_locks(): i_mmap_rwsem and the anon_vma lock, for write, so no rmap walk runs. */
    static void takeRmapLocks(Kernel k, VmArea vma) {
        if (vma.file != null) {
            vma.file.mapping.iMmapLockWrite();
        }
        long av = vma.anonVma.read();
        if (av != 0) {
            AnonVma.deref(k, av).lockWrite();
        }
    }

    /** drop_rmap_locks(). */
    static void dropRmapLocks(Kernel k, VmArea vma) {
        long av = vma.anonVma.read();
        if (av != 0) {
            AnonVma.deref(k, av).unlockWrite();
        }
        if (vma.file != null) {
            vma.file.mapping.iMmapUnlockWrite();
        }
    }

    /**
     * move_normal_pmd(): move a whole PTE table under the pmd lock ("We don't have to worry
     * about the ordering of src and dst ptlocks because exclusive mmap_sem prevents deadlock"),
     * then flush the old range.
     *
     * @see mm/mremap.c move_normal_pmd() (v5.6). Takes: the pmd lock(s).
     */
    static boolean moveNormalPmd(Kernel k, VmArea vma, long oldAddr, long newAddr, long oldEnd, Loc oldPmd, Loc newPmd) {
        Geometry g = k.geo;
        if ((oldAddr & ~g.pmdMask()) != 0 || (newAddr & ~g.pmdMask()) != 0 || oldEnd - oldAddr < g.pmdSize()) {
            return false;
        }
        // "The destination pmd shouldn't be established, free_pgtables() should have release it."
        if (!Pmd.none(newPmd.read())) {
            return false;
        }
        try (Fn f = Fn.enter(k.x, "move_normal_pmd")) {
            MmStruct mm = vma.mm;
            var ptl = Pgtable.pmdLock(mm);
            ptl.lock();
            long pmd = oldPmd.read();
            oldPmd.writeOnce(0);
            newPmd.writeOnce(pmd);
            Tlb.flushTlbRange(k, vma, oldAddr, oldAddr + g.pmdSize());
            ptl.unlock();
            return true;
        }
    }

    /**
     * move_ptes(): under the old PTE lock and the new one (nested), clear each old PTE with
     * ptep_get_and_clear and set it at the new address. v5.6 flushes before dropping the locks
     * whenever a present PTE moved ("Both old and new PTL matter: the old one for racing with
     * page_mkclean(), the new one to make sure the physical page stays valid until the TLB entry
     * for the old mapping has been flushed"); 4.19 only for dirty ones.
     *
     * @return whether the caller still has to flush (4.19 only)
     * @see mm/mremap.c move_ptes() (v5.6). Takes: old PTE lock, new PTE lock nested.
     */
    static boolean movePtes(Kernel k, VmArea vma, Loc oldPmd, long oldAddr, long oldEnd, VmArea newVma, Loc newPmd,
                            long newAddr, long len) {
        try (Fn f = Fn.enter(k.x, "move_ptes")) {
            MmStruct mm = vma.mm;
            boolean v5 = k.variant(MremapFlush.class) == MremapFlush.V5_6;
            Pgtable.PteRef old = Pgtable.pteOffsetMapLock(k, mm, oldPmd, oldAddr);
            Pgtable.PteRef nu = Pgtable.pteOffsetMap(k, newPmd, newAddr);
            boolean nested = nu.table() != old.table();
            if (nested) {
                nu.ptl().lockNested();
            }
            Tlb.flushTlbBatchedPending(k, mm);
            boolean forceFlush = false;
            long end = oldEnd;
            for (; oldAddr < end; oldAddr += Geometry.PAGE_SIZE, newAddr += Geometry.PAGE_SIZE) {
                int oi = k.geo.pteIndex(oldAddr);
                if (Pte.none(old.table().get(oi))) {
                    continue;
                }
                long pte = old.table().xchg(oi, 0, "ptep_get_and_clear");
                if (Pte.present(pte) && (v5 || Pte.dirty(pte))) {
                    forceFlush = true;
                }
                nu.table().set(k.geo.pteIndex(newAddr), pte, Order.PLAIN, "set_pte_at");
            }
            boolean needFlush = false;
            if (forceFlush) {
                Tlb.flushTlbRange(k, vma, end - len, end);
            } else if (!v5) {
                needFlush = true;
            }
            if (nested) {
                nu.ptl().unlock();
            }
            Pgtable.pteUnmapUnlock(old);
            return needFlush;
        }
    }
}
