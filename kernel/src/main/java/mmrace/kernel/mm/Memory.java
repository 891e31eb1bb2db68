package mmrace.kernel.mm;

import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Barriers;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.variant.AnonFault;

/**
 * Page faults (mm/memory.c, v5.6): handle_mm_fault down to the handler for the PTE's state.
 * Write-protect faults are in {@link WpPage}, swap-in in {@link SwapIn}. Transparent huge page
 * faults and fault-around are not modelled.
 */
public final class Memory {
    private Memory() {
    }

    /**
     * handle_mm_fault(): the PMD (here always allocated), then the PTE level.
     *
     * @see mm/memory.c __handle_mm_fault() (v5.6). Caller holds: mmap_lock for read.
     * @return VM_FAULT_* bits
     */
    public static int handleMmFault(Kernel k, VmArea vma, long address, int flags) {
        try (Fn f = Fn.enter(k.x, "handle_mm_fault")) {
            vma.mm.mmapLock.assertHeld();
            long addr = address & Geometry.PAGE_MASK;
            VmFault vmf = new VmFault(vma, addr, flags, vma.linearPageIndex(addr), vma.mm.pmdOf(addr));
            long origPmd = vmf.pmd.read();
            if (Pmd.transHuge(origPmd)) {
                throw new UnsupportedOperationException("huge PMD faults are not modelled (part 2)");
            }
            return handlePteFault(k, vmf);
        }
    }

    /**
     * handle_pte_fault(): read the PTE without its lock (orig_pte), dispatch: none -> anonymous or
     * file fault; swap entry -> do_swap_page; present -> under the PTE lock, if unchanged, a write
     * to a read-only PTE goes to do_wp_page, anything else just sets young/dirty.
     *
     * @see mm/memory.c handle_pte_fault() (v5.6)
     */
    static int handlePteFault(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "handle_pte_fault")) {
            long pmd = vmf.pmd.read();
            boolean none = true;
            if (!Pmd.none(pmd)) {
                Pgtable.PteRef r = Pgtable.pteOffsetMap(k, vmf.pmd, vmf.address);
                vmf.table = r.table();
                vmf.index = r.index();
                vmf.origPte = vmf.table.get(vmf.index);
                none = Pte.none(vmf.origPte);
                if (none) {
                    vmf.table = null;
                }
            }
            if (none) {
                return vmf.vma.isAnonymous() ? doAnonymousPage(k, vmf) : doFault(k, vmf);
            }
            if (!Pte.present(vmf.origPte)) {
                return SwapIn.doSwapPage(k, vmf);
            }
            vmf.table.ptl.lock();
            long entry = vmf.origPte;
            if (vmf.pte() != entry) {
                vmf.unlock();
                return 0;
            }
            if (vmf.write()) {
                if (!Pte.write(entry)) {
                    return WpPage.doWpPage(k, vmf);
                }
                entry = Pte.mkdirty(entry);
            }
            entry = Pte.mkyoung(entry);
            // ptep_set_access_flags(): x86 sets the PTE only if it changed and the fault was a
            // write; no flush (a stale read-only TLB entry makes the CPU walk again).
            if (entry != vmf.origPte && vmf.write()) {
                vmf.table.set(vmf.index, entry, Order.PLAIN, "ptep_set_access_flags");
            }
            vmf.unlock();
            return 0;
        }
    }

    /**
     * do_anonymous_page(): a read maps the zero page; a write gets a new zeroed page:
     * anon_vma_prepare, allocate, __SetPageUptodate (whose smp_wmb orders the zeroing before
     * set_pte_at), then under the PTE lock, if the PTE is still none: rss, rmap, LRU, set_pte_at.
     * The order of the rmap update and set_pte_at is the {@link AnonFault} variant (seed S003).
     *
     * @see mm/memory.c do_anonymous_page() (v5.6). Caller holds: mmap_lock for read. Takes: the PTE lock.
     */
    static int doAnonymousPage(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "do_anonymous_page")) {
            VmArea vma = vmf.vma;
            MmStruct mm = vma.mm;
            AnonFault variant = k.variant(AnonFault.class);
            long vmFlags = vma.flags();
            if ((vmFlags & VmFlags.VM_SHARED) != 0) {
                return VmFault.VM_FAULT_SIGBUS;
            }
            if (!Pgtable.pteAlloc(k, mm, vmf.pmd)) {
                return VmFault.VM_FAULT_OOM;
            }
            if (!vmf.write()) {
                long entry = Pte.mkspecial(Pte.mk(k.pages.zeroPage().pfn, VmFlags.pageProt(vmFlags)));
                if (!lockPte(k, vmf, variant)) {
                    return 0;
                }
                if (!Pte.none(vmf.pte())) {
                    unlockPte(vmf, variant);
                    return 0;
                }
                if (userfaultfdMissing(vma, vmFlags)) {
                    unlockPte(vmf, variant);
                    return VmFault.VM_FAULT_SIGBUS;
                }
                vmf.table.set(vmf.index, entry, Order.PLAIN, "set_pte_at");
                unlockPte(vmf, variant);
                return 0;
            }
            if (!AnonVmas.anonVmaPrepare(k, vma)) {
                return VmFault.VM_FAULT_OOM;
            }
            Page page = k.pages.allocPage(true);
            if (page == null) {
                return VmFault.VM_FAULT_OOM;
            }
            // __SetPageUptodate(): "The memory barrier inside __SetPageUptodate makes sure that
            // preceding stores to the page contents become visible before the set_pte_at() write."
            Barriers.smpWmb(k.x);
            PageFlags.nonAtomicSet(page, PageFlags.PG_uptodate, "__SetPageUptodate");
            long entry = Pte.mk(page.pfn, VmFlags.pageProt(vmFlags));
            if ((vmFlags & VmFlags.VM_WRITE) != 0) {
                entry = Pte.mkwrite(Pte.mkdirty(entry));
            }
            if (!lockPte(k, vmf, variant)) {
                Swap.putPage(k, page);
                return 0;
            }
            if (!Pte.none(vmf.pte()) || userfaultfdMissing(vma, vmFlags)) {
                boolean uffd = Pte.none(vmf.pte());
                unlockPte(vmf, variant);
                Swap.putPage(k, page);
                return uffd ? VmFault.VM_FAULT_SIGBUS : 0;
            }
            MmCounters.inc(mm, RssCounter.MM_ANONPAGES);
            Rmap.pageAddNewAnonRmap(k, page, vma, vmf.address);
            Swap.lruCacheAddActiveOrUnevictable(k, page, vma);
            switch (variant) {
                case SMP_WMB -> {
                    Barriers.smpWmb(k.x);
                    vmf.table.set(vmf.index, entry, Order.PLAIN, "set_pte_at");
                }
                case SET_PTE_RELEASE -> vmf.table.set(vmf.index, entry, Order.RELEASE, "set_pte_at (release)");
                default -> vmf.table.set(vmf.index, entry, Order.PLAIN, "set_pte_at");
            }
            unlockPte(vmf, variant);
            return 0;
        }
    }

    /** pte_offset_map_lock(), or (counterfactual variant) only the map. */
    private static boolean lockPte(Kernel k, VmFault vmf, AnonFault variant) {
        if (variant == AnonFault.NO_PTE_LOCK) {
            Pgtable.PteRef r = Pgtable.pteOffsetMap(k, vmf.pmd, vmf.address);
            if (r == null) {
                return false;
            }
            vmf.table = r.table();
            vmf.index = r.index();
            return true;
        }
        return vmf.mapLock(k);
    }

    private static void unlockPte(VmFault vmf, AnonFault variant) {
        if (variant != AnonFault.NO_PTE_LOCK) {
            vmf.unlock();
        }
    }

    /** userfaultfd_missing(): registered for missing faults (delivering them is not modelled: SIGBUS). */
    static boolean userfaultfdMissing(VmArea vma, long vmFlags) {
        return (vmFlags & VmFlags.VM_UFFD_MISSING) != 0;
    }

    /** do_fault(): read, private write (COW of a file page), or shared write. */
    static int doFault(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "do_fault")) {
            if (!vmf.write()) {
                return FileFault.doReadFault(k, vmf);
            }
            if ((vmf.vma.flags() & VmFlags.VM_SHARED) == 0) {
                return FileFault.doCowFault(k, vmf);
            }
            return FileFault.doSharedFault(k, vmf);
        }
    }

    /** vm_normal_page(): the page a present PTE maps, or null for a special one (the zero page). */
    public static Page vmNormalPage(Kernel k, long pte) {
        if (Pte.special(pte)) {
            return null;
        }
        return k.pages.page(Pte.pfn(pte));
    }

    /** mm_counter_file(): MM_SHMEMPAGES for swap-backed (shmem) pages, else MM_FILEPAGES. */
    static RssCounter mmCounterFile(Page page) {
        return PageFlags.test(page, PageFlags.PG_swapbacked, "PageSwapBacked") ? RssCounter.MM_SHMEMPAGES
                : RssCounter.MM_FILEPAGES;
    }

    /** mm_counter(): MM_ANONPAGES for anonymous pages, else the file counter. */
    static RssCounter mmCounter(Page page) {
        return PageRef.pageAnon(page) ? RssCounter.MM_ANONPAGES : mmCounterFile(page);
    }

    /** The PMD entry for an address: pmd_offset(). */
    static Loc pmdOffset(MmStruct mm, long addr) {
        return mm.pmdOf(addr);
    }
}
