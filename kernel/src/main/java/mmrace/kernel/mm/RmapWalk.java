package mmrace.kernel.mm;

import mmrace.engine.mem.Order;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;

/**
 * Walking a page's reverse mappings (mm/rmap.c rmap_walk, v5.6): through its anon_vma's chains
 * for an anonymous page, through its file's i_mmap for a page-cache page, calling rmap_one for
 * each VMA whose range covers the page.
 */
public final class RmapWalk {
    private RmapWalk() {
    }

    /** struct rmap_walk_control. */
    public interface Control {
        /** rmap_one(): false stops the walk. */
        boolean rmapOne(Page page, VmArea vma, long address);

        /** done(): true stops the walk (e.g. the page is no longer mapped). */
        default boolean done(Page page) {
            return false;
        }

        /**
         * anon_lock(): how to find and lock the anon_vma of a page that is not locked (page_referenced
         * passes page_lock_anon_vma_read); null means the page is locked and page_anon_vma() is stable.
         */
        default boolean lockless() {
            return false;
        }
    }

    /**
     * rmap_walk(): dispatch on PageAnon. Caller holds: the page lock, unless {@code rwc.lockless()}.
     */
    public static void rmapWalk(Kernel k, Page page, Control rwc) {
        if (PageRef.pageAnon(page)) {
            rmapWalkAnon(k, page, rwc);
        } else {
            rmapWalkFile(k, page, rwc);
        }
    }

    /**
     * rmap_walk_anon(): lock the anon_vma (rmap_walk_anon_lock, or page_lock_anon_vma for a
     * page that is not locked), then visit each chained VMA covering page->index.
     *
     * @see mm/rmap.c rmap_walk_anon() (v5.6). Takes: the anon_vma lock for read.
     */
    static void rmapWalkAnon(Kernel k, Page page, Control rwc) {
        try (Fn f = Fn.enter(k.x, "rmap_walk_anon")) {
            AnonVma av;
            PageLockAnonVmaForms.Locked locked = null;
            if (rwc.lockless()) {
                locked = PageLockAnonVmaForms.pageLockAnonVma(k, page);
                av = locked == null ? null : locked.anonVma();
            } else {
                av = rmapWalkAnonLock(k, page);
            }
            if (av == null) {
                return;
            }
            long pgoff = page.index.read();
            for (AnonVmaChain avc : new java.util.ArrayList<>(av.rbRoot)) {
                VmArea vma = avc.vma;
                long address = vmaAddress(vma, pgoff);
                if (address < 0) {
                    continue;
                }
                if (!rwc.rmapOne(page, vma, address)) {
                    break;
                }
                if (rwc.done(page)) {
                    break;
                }
            }
            if (locked != null) {
                PageLockAnonVmaForms.pageUnlockAnonVma(k, locked);
            } else {
                av.unlockRead();
            }
        }
    }

    /** rmap_walk_anon_lock() of a locked page: page_anon_vma(page), anon_vma_lock_read. */
    private static AnonVma rmapWalkAnonLock(Kernel k, Page page) {
        PageFlags.assertLocked(page, "rmap_walk_anon");
        long m = page.mapping.load(Order.ONCE, "page_anon_vma");
        if ((m & AnonVma.PAGE_MAPPING_FLAGS) != AnonVma.PAGE_MAPPING_ANON) {
            return null;
        }
        AnonVma av = AnonVma.deref(k, m);
        av.lockRead();
        return av;
    }

    /**
     * rmap_walk_file(): visit the VMAs of page_mapping(page)'s i_mmap that cover page->index.
     *
     * @see mm/rmap.c rmap_walk_file() (v5.6). Caller holds: the page lock. Takes: i_mmap_rwsem for read.
     */
    static void rmapWalkFile(Kernel k, Page page, Control rwc) {
        try (Fn f = Fn.enter(k.x, "rmap_walk_file")) {
            AddressSpace mapping = PageRef.pageMapping(page);
            if (mapping == null) {
                return;
            }
            long pgoff = page.index.read();
            mapping.iMmapLockRead();
            for (VmArea vma : mapping.iMmap()) {
                long address = vmaAddress(vma, pgoff);
                if (address < 0) {
                    continue;
                }
                if (!rwc.rmapOne(page, vma, address)) {
                    break;
                }
                if (rwc.done(page)) {
                    break;
                }
            }
            mapping.iMmapUnlockRead();
        }
    }

    /**
     * vma_address() / the interval tree's filter: the address of page offset {@code pgoff} in
     * {@code vma}, or -1 if the VMA does not cover it.
     */
    static long vmaAddress(VmArea vma, long pgoff) {
        long vmPgoff = vma.pgoff();
        long start = vma.start();
        long end = vma.end();
        long address = start + ((pgoff - vmPgoff) << Geometry.PAGE_SHIFT);
        return address >= start && address < end ? address : -1;
    }
}
