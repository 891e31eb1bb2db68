package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Loc;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.GupFollowWrite;

/**
 * get_user_pages, slow path (mm/gup.c __get_user_pages, v5.6; FOLL_PIN counting as in v5.7):
 * follow the page tables under the PTE lock; if the page is not there (or not writable for
 * FOLL_WRITE) fault it in and retry. The follow-write rule after a COW fault is the
 * {@link GupFollowWrite} variant (Dirty COW).
 *
 * <p>Check {@code gup-cow}: a FOLL_WRITE lookup in a private (COW) mapping returns an anonymous
 * page, never the page cache's.
 */
public final class Gup {
    private Gup() {
    }

    public static final int FOLL_WRITE = 0x01;
    public static final int FOLL_TOUCH = 0x02;
    public static final int FOLL_GET = 0x04;
    public static final int FOLL_FORCE = 0x10;
    public static final int FOLL_REMOTE = 0x2000;
    public static final int FOLL_COW = 0x4000;
    public static final int FOLL_PIN = 0x40000;
    /** GUP_PIN_COUNTING_BIAS (v5.7): a FOLL_PIN reference counts this much in _refcount. */
    public static final int GUP_PIN_COUNTING_BIAS = 1024;
    public static final String CHECK_GUP_COW = "gup-cow";

    private static final int EFAULT = -14;

    /**
     * __get_user_pages(): up to {@code nrPages} pages from {@code start}; returns the pages
     * got (each with a reference, or a pin, if FOLL_GET / FOLL_PIN), possibly fewer on error.
     *
     * @see mm/gup.c __get_user_pages() (v5.6). Caller holds: mmap_lock for read.
     */
    public static List<Page> getUserPages(Kernel k, MmStruct mm, long start, int nrPages, int gupFlags) {
        try (Fn f = Fn.enter(k.x, "__get_user_pages")) {
            mm.mmapLock.assertHeld();
            List<Page> pages = new ArrayList<>();
            VmArea vma = null;
            for (int n = 0; n < nrPages; n++, start += mmrace.kernel.Geometry.PAGE_SIZE) {
                if (vma == null || start >= vma.end()) {
                    vma = mm.findVma(start);
                    if (vma == null || vma.start() > start || checkVmaFlags(vma, gupFlags) != 0) {
                        return pages;
                    }
                }
                int follFlags = gupFlags;
                for (;;) {
                    Page page = followPageMask(k, vma, start, follFlags);
                    if (page != null) {
                        checkCow(k, vma, page, gupFlags);
                        pages.add(page);
                        break;
                    }
                    int[] flags = {follFlags};
                    if (faultinPage(k, vma, start, flags) != 0) {
                        return pages;
                    }
                    follFlags = flags[0];
                }
            }
            return pages;
        }
    }

    /** check_vma_flags(): may this access (write, force) use this VMA at all? */
    static int checkVmaFlags(VmArea vma, int gupFlags) {
        long vmFlags = vma.flags();
        if ((gupFlags & FOLL_WRITE) != 0) {
            if ((vmFlags & VmFlags.VM_WRITE) == 0) {
                if ((gupFlags & FOLL_FORCE) == 0 || !VmFlags.isCowMapping(vmFlags)) {
                    return EFAULT;
                }
            }
        } else if ((vmFlags & VmFlags.VM_READ) == 0) {
            if ((gupFlags & FOLL_FORCE) == 0 || (vmFlags & VmFlags.VM_MAYREAD) == 0) {
                return EFAULT;
            }
        }
        return 0;
    }

    /** follow_page_mask() -> follow_pmd_mask(): READ_ONCE the PMD, then follow_page_pte(). */
    static Page followPageMask(Kernel k, VmArea vma, long address, int flags) {
        try (Fn f = Fn.enter(k.x, "follow_page_mask")) {
            Loc pmd = vma.mm.pmdOf(address);
            long pmdval = pmd.readOnce();
            if (Pmd.none(pmdval) || !Pmd.present(pmdval)) {
                return null;
            }
            if (Pmd.transHuge(pmdval)) {
                return followTransHugePmd(k, vma, address, pmd, flags);
            }
            return followPagePte(k, vma, address, pmd, flags);
        }
    }

    /**
     * follow_trans_huge_pmd() under pmd_lock (follow_pmd_mask re-checks the PMD after locking):
     * the THP's head (the model's THP is its head frame), with a reference or pin.
     *
     * @see mm/huge_memory.c follow_trans_huge_pmd() (v5.6). Takes: the pmd lock.
     */
    static Page followTransHugePmd(Kernel k, VmArea vma, long address, Loc pmd, int flags) {
        try (Fn f = Fn.enter(k.x, "follow_trans_huge_pmd")) {
            mmrace.engine.sync.SpinLock ptl = Pgtable.pmdLock(vma.mm);
            ptl.lock();
            long pmdval = pmd.read();
            if (!Pmd.transHuge(pmdval) || ((flags & FOLL_WRITE) != 0 && !Pte.write(pmdval))) {
                ptl.unlock();
                return null;
            }
            Page head = k.pages.page(Pmd.pfn(pmdval));
            tryGrabPage(k, head, flags);
            if ((flags & (FOLL_GET | FOLL_PIN)) != 0) {
                k.gupPinned(vma.mm, address, head);
            }
            ptl.unlock();
            return head;
        }
    }

    /**
     * follow_page_pte(): under the PTE lock, a present PTE that allows the access gives its page
     * (the zero page for a read), with a reference or pin taken (try_grab_page) before the lock
     * is dropped.
     *
     * @see mm/gup.c follow_page_pte() (v5.6). Takes: the PTE lock.
     */
    static Page followPagePte(Kernel k, VmArea vma, long address, Loc pmd, int flags) {
        try (Fn f = Fn.enter(k.x, "follow_page_pte")) {
            Pgtable.PteRef ref = Pgtable.pteOffsetMapLock(k, vma.mm, pmd, address);
            if (ref == null) {
                return null;
            }
            long pte = ref.get();
            if (!Pte.present(pte)) {
                Pgtable.pteUnmapUnlock(ref);
                return null;
            }
            if ((flags & FOLL_WRITE) != 0 && !canFollowWritePte(k, pte, flags)) {
                Pgtable.pteUnmapUnlock(ref);
                return null;
            }
            Page page = Memory.vmNormalPage(k, pte);
            if (page == null) {
                page = k.pages.page(Pte.pfn(pte)); // is_zero_pfn(): the zero page itself
            }
            tryGrabPage(k, page, flags);
            if ((flags & (FOLL_GET | FOLL_PIN)) != 0 && !page.isZeroPage()) {
                k.gupPinned(vma.mm, address, page);
            }
            if ((flags & FOLL_TOUCH) != 0) {
                if ((flags & FOLL_WRITE) != 0 && !Pte.dirty(pte) && !PageFlags.test(page, PageFlags.PG_dirty, "PageDirty")) {
                    Writeback.setPageDirty(k, page);
                }
                Swap.markPageAccessed(k, page);
            }
            Pgtable.pteUnmapUnlock(ref);
            return page;
        }
    }

    /** can_follow_write_pte() (19be0eaffa3a), or the 4.8 rule: only a writable PTE. */
    static boolean canFollowWritePte(Kernel k, long pte, int flags) {
        if (k.variant(GupFollowWrite.class) == GupFollowWrite.V4_8) {
            return Pte.write(pte);
        }
        return Pte.write(pte) || ((flags & FOLL_FORCE) != 0 && (flags & FOLL_COW) != 0 && Pte.dirty(pte));
    }

    /** try_grab_page(): FOLL_GET takes a reference, FOLL_PIN GUP_PIN_COUNTING_BIAS of them (v5.7). */
    static void tryGrabPage(Kernel k, Page page, int flags) {
        if (page.isZeroPage()) {
            return;
        }
        if ((flags & FOLL_GET) != 0) {
            PageRef.getPage(page);
            page.gupRefs += 1;
        } else if ((flags & FOLL_PIN) != 0) {
            PageRef.pageRefAdd(page, GUP_PIN_COUNTING_BIAS, "page_ref_add(GUP_PIN_COUNTING_BIAS)");
            page.gupRefs += GUP_PIN_COUNTING_BIAS;
        }
    }

    /**
     * put_page() / unpin_user_page() of a page GUP returned. The ghost pin is forgotten after
     * the reference is dropped: code between two events runs as soon as the first one has, so
     * forgetting it before would end the pin when the caller's previous event ran.
     */
    public static void release(Kernel k, Page page, int flags) {
        if (page.isZeroPage()) {
            return;
        }
        releaseRefs(k, page, flags);
        k.gupUnpinned(page);
    }

    private static void releaseRefs(Kernel k, Page page, int flags) {
        if ((flags & FOLL_PIN) != 0) {
            try (Fn f = Fn.enter(k.x, "unpin_user_page")) {
                page.gupRefs -= GUP_PIN_COUNTING_BIAS;
                if (PageRef.pageRefSubAndTest(page, GUP_PIN_COUNTING_BIAS, "page_ref_sub_and_test")) {
                    Swap.pageCacheRelease(k, page);
                    k.pages.freePage(page, "free_unref_page");
                }
            }
        } else if ((flags & FOLL_GET) != 0) {
            page.gupRefs -= 1;
            Swap.putPage(k, page);
        }
    }

    /**
     * faultin_page(): handle_mm_fault for the access; after a COW broken by do_wp_page in a VMA
     * that is not writable (FOLL_FORCE), v5.6 sets FOLL_COW, 4.8 drops FOLL_WRITE ("We can thus
     * safely do subsequent page lookups as if they were reads").
     *
     * @return 0 to retry the lookup, or an error
     */
    static int faultinPage(Kernel k, VmArea vma, long address, int[] flags) {
        try (Fn f = Fn.enter(k.x, "faultin_page")) {
            int faultFlags = 0;
            if ((flags[0] & FOLL_WRITE) != 0) {
                faultFlags |= VmFault.FAULT_FLAG_WRITE;
            }
            if ((flags[0] & FOLL_REMOTE) != 0) {
                faultFlags |= VmFault.FAULT_FLAG_REMOTE;
            }
            int ret = Memory.handleMmFault(k, vma, address, faultFlags);
            if ((ret & VmFault.VM_FAULT_ERROR) != 0) {
                return EFAULT;
            }
            if ((ret & VmFault.VM_FAULT_WRITE) != 0 && (vma.flags() & VmFlags.VM_WRITE) == 0) {
                if (k.variant(GupFollowWrite.class) == GupFollowWrite.V4_8) {
                    flags[0] &= ~FOLL_WRITE;
                } else {
                    flags[0] |= FOLL_COW;
                }
            }
            return 0;
        }
    }

    /** The gup-cow check: a forced write lookup in a COW mapping must not return a page-cache page. */
    private static void checkCow(Kernel k, VmArea vma, Page page, int requested) {
        if ((requested & FOLL_WRITE) == 0 || page.isZeroPage() || !VmFlags.isCowMapping(vma.vmFlags.peek())) {
            return;
        }
        if ((page.mapping.peek() & AnonVma.PAGE_MAPPING_ANON) == 0) {
            throw k.x.fail(FindingKind.CHECK, CHECK_GUP_COW, "get_user_pages(FOLL_WRITE) in private " + vma
                    + " returns " + page + " of the page cache: a write through it changes the file");
        }
    }
}
