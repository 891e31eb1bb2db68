package mmrace.kernel.mm;

import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;

/**
 * userfaultfd's UFFDIO_COPY in MISSING mode (mm/userfaultfd.c, v6.4): fill a hole with a new
 * anonymous page under the mmap_lock for read and the PTE lock — in an anonymous VMA or in a
 * private (MAP_PRIVATE) shmem VMA, where it makes an anonymous PTE in a file VMA without
 * looking at the page cache (which is what seed S004 is about).
 */
public final class Userfaultfd {
    private Userfaultfd() {
    }

    public static final int EEXIST = -17;
    public static final int ENOENT = -2;
    public static final int ENOMEM = -12;

    /** userfaultfd_wp(vma). */
    public static boolean userfaultfdWp(VmArea vma) {
        return (vma.flags() & VmFlags.VM_UFFD_WP) != 0;
    }

    /**
     * mfill_atomic(UFFDIO_COPY) of one page at {@code dstAddr} holding {@code value}.
     *
     * @see mm/userfaultfd.c mfill_atomic() mfill_atomic_pte_copy() mfill_atomic_install_pte()
     *     (v6.4). Takes: mmap_lock for read, anon_vma lock (anon_vma_prepare), the PTE lock.
     * @return 0, or -EEXIST if the PTE was not none, -ENOENT if the VMA is not registered
     */
    public static int uffdioCopy(Kernel k, MmStruct mm, long dstAddr, long value) {
        try (Fn f = Fn.enter(k.x, "mfill_atomic")) {
            mm.mmapLock.downRead();
            try {
                VmArea vma = mm.findVma(dstAddr); // find_dst_vma()
                if (vma == null || vma.start() > dstAddr || (vma.flags() & VmFlags.VM_UFFD_MISSING) == 0) {
                    return ENOENT;
                }
                boolean shared = (vma.flags() & VmFlags.VM_SHARED) != 0;
                if (shared) {
                    throw new UnsupportedOperationException("UFFDIO_COPY into a shared shmem VMA (shmem_mfill_atomic_pte) is not modelled");
                }
                // "If this is a private mapping we need an anon_vma for the new page."
                if (!AnonVmas.anonVmaPrepare(k, vma)) {
                    return ENOMEM;
                }
                Loc pmd = mm.pmdOf(dstAddr);
                if (Pmd.none(pmd.readOnce()) && !Pgtable.pteAlloc(k, mm, pmd)) {
                    return ENOMEM;
                }
                return mfillAtomicPteCopy(k, vma, pmd, dstAddr, value);
            } finally {
                mm.mmapLock.upRead();
            }
        }
    }

    /** mfill_atomic_pte_copy(): a new page with the user's data, then mfill_atomic_install_pte(). */
    static int mfillAtomicPteCopy(Kernel k, VmArea vma, Loc pmd, long addr, long value) {
        try (Fn f = Fn.enter(k.x, "mfill_atomic_pte_copy")) {
            Page page = k.pages.allocPage(false);
            if (page == null) {
                return ENOMEM;
            }
            page.data.write(value); // copy_from_user()
            // "The memory barrier inside __SetPageUptodate makes sure that preceding stores to
            // the page contents become visible before the set_pte_at() write."
            mmrace.engine.sync.Barriers.smpWmb(k.x);
            PageFlags.nonAtomicSet(page, PageFlags.PG_uptodate, "__SetPageUptodate");
            int ret = mfillAtomicInstallPte(k, vma, pmd, addr, page);
            if (ret != 0) {
                Swap.putPage(k, page);
            }
            return ret;
        }
    }

    /**
     * mfill_atomic_install_pte(): under the PTE lock, only into a none PTE:
     * page_add_new_anon_rmap, the LRU, the RSS counter, set_pte_at.
     *
     * @see mm/userfaultfd.c mfill_atomic_install_pte() (v6.4). Takes: the PTE lock.
     */
    static int mfillAtomicInstallPte(Kernel k, VmArea vma, Loc pmd, long addr, Page page) {
        try (Fn f = Fn.enter(k.x, "mfill_atomic_install_pte")) {
            long pte = Pte.mkdirty(Pte.mk(page.pfn, VmFlags.pageProt(vma.flags())));
            if ((vma.flags() & VmFlags.VM_WRITE) != 0) {
                pte = Pte.mkwrite(pte);
            }
            Pgtable.PteRef ref = Pgtable.pteOffsetMapLockRecheck(k, vma.mm, pmd, addr);
            if (ref == null) {
                return mmrace.kernel.mm.Userfaultfd.EAGAIN; // pte_offset_map_lock failed: the table went (v6.5 retries)
            }
            if (!Pte.none(ref.get())) {
                Pgtable.pteUnmapUnlock(ref);
                return EEXIST;
            }
            Rmap.pageAddNewAnonRmap(k, page, vma, addr);
            Swap.lruCacheAddActiveOrUnevictable(k, page, vma);
            vma.mm.rss[RssCounter.MM_ANONPAGES.ordinal()].rmw(Order.ONCE, "inc_mm_counter(MM_ANONPAGES)", v -> v + 1);
            ref.table().set(ref.index(), pte, Order.PLAIN, "set_pte_at");
            Pgtable.pteUnmapUnlock(ref);
            return 0;
        }
    }

    public static final int EAGAIN = -11;

    static long pageAlign(long a) {
        return a & Geometry.PAGE_MASK;
    }
}
