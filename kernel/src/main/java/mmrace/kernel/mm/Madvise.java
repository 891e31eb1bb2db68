package mmrace.kernel.mm;

import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;

/** madvise(2) (mm/madvise.c, v5.6): MADV_DONTNEED. */
public final class Madvise {
    private Madvise() {
    }

    /**
     * madvise(MADV_DONTNEED): under mmap_lock for read (so concurrent with faults), zap the
     * range of each VMA; page tables stay.
     *
     * @see mm/madvise.c madvise_dontneed_single_vma() (v5.6). Takes: mmap_lock for read.
     */
    public static int madviseDontneed(Kernel k, MmStruct mm, long start, long len) {
        try (Fn f = Fn.enter(k.x, "madvise_dontneed")) {
            if ((start & ~Geometry.PAGE_MASK) != 0) {
                return Mmap.EINVAL;
            }
            long end = start + Geometry.pageAlign(len);
            mm.mmapLock.downRead();
            for (VmArea vma : mm.vmaList()) {
                long s = Math.max(start, vma.start());
                long e = Math.min(end, vma.end());
                if (s < e) {
                    if ((vma.flags() & VmFlags.VM_LOCKED) == 0) {
                        Zap.zapPageRange(k, vma, s, e - s);
                    }
                }
            }
            mm.mmapLock.upRead();
            return 0;
        }
    }
}
