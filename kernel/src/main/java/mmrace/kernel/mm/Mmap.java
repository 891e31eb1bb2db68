package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;

/**
 * Address-space layout (mm/mmap.c, v5.6): munmap, splitting VMAs, linking them into the mm and
 * their file's i_mmap, and freeing the page tables of an unmapped range.
 */
public final class Mmap {
    private Mmap() {
    }

    /** -EINVAL, as munmap returns it. */
    public static final int EINVAL = -22;

    /**
     * munmap(2) -> __vm_munmap(start, len, downgrade = true): under mmap_lock for write, split and
     * detach the VMAs, then downgrade to read for the slow part (zap and free_pgtables).
     *
     * @see mm/mmap.c __vm_munmap() __do_munmap() (v5.6). Takes: mmap_lock for write, downgraded.
     */
    public static int vmMunmap(Kernel k, MmStruct mm, long start, long len) {
        try (Fn f = Fn.enter(k.x, "__vm_munmap")) {
            mm.mmapLock.downWrite();
            int ret = doMunmap(k, mm, start, len, true);
            if (ret == 1) {
                mm.mmapLock.upRead();
                ret = 0;
            } else {
                mm.mmapLock.upWrite();
            }
            return ret;
        }
    }

    /**
     * __do_munmap(): returns 1 if it downgraded mmap_lock to read.
     *
     * @see mm/mmap.c __do_munmap() (v5.6). Caller holds: mmap_lock for write.
     */
    static int doMunmap(Kernel k, MmStruct mm, long start, long len, boolean downgrade) {
        try (Fn f = Fn.enter(k.x, "__do_munmap")) {
            mm.mmapLock.assertHeldWrite();
            if ((start & ~Geometry.PAGE_MASK) != 0 || start > k.geo.taskSize() || len > k.geo.taskSize() - start) {
                return EINVAL;
            }
            len = Geometry.pageAlign(len);
            long end = start + len;
            if (len == 0) {
                return EINVAL;
            }
            VmArea vma = mm.findVma(start);
            if (vma == null || vma.start() >= end) {
                return 0;
            }
            VmArea prev = prevOf(mm, vma);
            if (start > vma.start()) {
                splitVma(k, mm, vma, start, false);
                prev = vma;
            }
            VmArea last = mm.findVma(end);
            if (last != null && end > last.start()) {
                splitVma(k, mm, last, end, true);
            }
            List<VmArea> detached = new ArrayList<>();
            for (VmArea v : mm.vmaList()) {
                if (v.startForCheck() >= start && v.endForCheck() <= end) {
                    detached.add(v);
                }
            }
            // detach_vmas_to_be_unmapped(): out of the mm's tree; rmap still finds them until free_pgtables.
            for (VmArea v : detached) {
                mm.unlinkVma(v.startForCheck());
            }
            VmArea next = mm.findVma(end);
            if (downgrade) {
                mm.mmapLock.downgradeWrite();
            }
            unmapRegion(k, mm, detached, prev, next, start, end);
            for (VmArea v : detached) {
                removeVma(k, v);
            }
            return downgrade ? 1 : 0;
        }
    }

    private static VmArea prevOf(MmStruct mm, VmArea vma) {
        VmArea prev = null;
        for (VmArea v : mm.vmaList()) {
            if (v == vma) {
                return prev;
            }
            prev = v;
        }
        return prev;
    }

    /**
     * unmap_region(): zap the range and free the page tables between the neighbours.
     *
     * @see mm/mmap.c unmap_region() (v5.6). Caller holds: mmap_lock (read after the downgrade).
     */
    static void unmapRegion(Kernel k, MmStruct mm, List<VmArea> vmas, VmArea prev, VmArea next, long start, long end) {
        try (Fn f = Fn.enter(k.x, "unmap_region")) {
            Swap.lruAddDrain(k);
            MmuGather tlb = MmuGather.tlbGatherMmu(k, mm, start, end);
            Zap.unmapVmas(k, tlb, vmas, start, end);
            FreePgtables.freePgtables(k, tlb, vmas, prev != null ? prev.end() : 0, next != null ? next.start() : 0);
            tlb.tlbFinishMmu(start, end);
        }
    }

    /**
     * __split_vma(): a copy of the VMA takes [addr, end) (or [start, addr) if newBelow),
     * chained to the same anon_vmas, then vma_adjust() shrinks the original under the rmap locks.
     *
     * @see mm/mmap.c __split_vma() __vma_adjust() (v5.6). Caller holds: mmap_lock for write.
     */
    static VmArea splitVma(Kernel k, MmStruct mm, VmArea vma, long addr, boolean newBelow) {
        try (Fn f = Fn.enter(k.x, "__split_vma")) {
            long vStart = vma.start();
            long vEnd = vma.end();
            long vPgoff = vma.pgoff();
            VmArea nu = Vmas.vmAreaDup(k, vma);
            if (newBelow) {
                nu.vmEnd.write(addr);
            } else {
                nu.vmStart.write(addr);
                nu.vmPgoff.write(vPgoff + ((addr - vStart) >> Geometry.PAGE_SHIFT));
            }
            AnonVmas.anonVmaClone(k, nu, vma);
            // vma_adjust(): the new VMA is inserted and the old one shrunk under i_mmap and anon_vma locks.
            AddressSpace mapping = vma.file != null ? vma.file.mapping : null;
            long avPtr = vma.anonVma.read();
            AnonVma av = avPtr == 0 ? null : AnonVma.deref(k, avPtr);
            if (mapping != null) {
                mapping.iMmapLockWrite();
            }
            if (av != null) {
                av.lockWrite();
            }
            mm.unlinkVma(vStart);
            if (newBelow) {
                vma.vmStart.write(addr);
                vma.vmPgoff.write(vPgoff + ((addr - vStart) >> Geometry.PAGE_SHIFT));
            } else {
                vma.vmEnd.write(addr);
            }
            mm.linkVma(vma, vma.startForCheck());
            mm.linkVma(nu, nu.startForCheck());
            if (mapping != null) {
                mapping.iMmap.add(nu);
                nu.inIMmap = true;
            }
            if (av != null) {
                av.unlockWrite();
            }
            if (mapping != null) {
                mapping.iMmapUnlockWrite();
            }
            return nu;
        }
    }

    /** unlink_file_vma(): out of the file's i_mmap. Takes: i_mmap_rwsem for write. */
    static void unlinkFileVma(Kernel k, VmArea vma) {
        if (vma.file == null || !vma.inIMmap) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "unlink_file_vma")) {
            AddressSpace mapping = vma.file.mapping;
            mapping.iMmapLockWrite();
            mapping.iMmap.remove(vma);
            vma.inIMmap = false;
            mapping.iMmapUnlockWrite();
        }
    }

    /** remove_vma(): ->close, fput, vm_area_free. */
    static void removeVma(Kernel k, VmArea vma) {
        try (Fn f = Fn.enter(k.x, "remove_vma")) {
            if (vma.file != null) {
                Truncate.iput(k, vma.file); // fput(vma->vm_file)
            }
            k.caches.vmArea.free(vma);
        }
    }

    /** vma_link(): into the mm's tree and its file's i_mmap. Caller holds: mmap_lock for write. */
    public static void vmaLink(Kernel k, MmStruct mm, VmArea vma) {
        try (Fn f = Fn.enter(k.x, "vma_link")) {
            AddressSpace mapping = vma.file != null ? vma.file.mapping : null;
            if (mapping != null) {
                mapping.iMmapLockWrite();
            }
            mm.linkVma(vma, vma.startForCheck());
            if (mapping != null) {
                mapping.iMmap.add(vma);
                vma.inIMmap = true;
                mapping.iMmapUnlockWrite();
            }
        }
    }
}
