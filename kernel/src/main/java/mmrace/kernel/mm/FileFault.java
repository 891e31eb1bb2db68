package mmrace.kernel.mm;

import mmrace.engine.mem.Order;
import mmrace.engine.sync.Barriers;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * Faults on file (and shmem) mappings (mm/memory.c, v5.6): ->fault finds the page-cache page and
 * returns it locked; finish_fault maps it (or, for a private write, a copy of it) under the PTE
 * lock if the PTE is still none.
 */
public final class FileFault {
    private FileFault() {
    }

    /**
     * __do_fault(): call vm_ops->fault (filemap_fault; shmem shares it here), which returns the
     * page locked.
     */
    static int doFaultHandler(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "__do_fault")) {
            Filemap.FaultResult r = Filemap.filemapFault(k, vmf.vma, (int) vmf.pgoff);
            return switch (r.ret()) {
                case LOCKED -> {
                    vmf.page = r.page();
                    yield VmFault.VM_FAULT_LOCKED;
                }
                case SIGBUS -> VmFault.VM_FAULT_SIGBUS;
                case OOM -> VmFault.VM_FAULT_OOM;
                case NOPAGE -> VmFault.VM_FAULT_NOPAGE;
            };
        }
    }

    private static boolean failed(int ret) {
        return (ret & (VmFault.VM_FAULT_ERROR | VmFault.VM_FAULT_NOPAGE | VmFault.VM_FAULT_RETRY)) != 0;
    }

    /** @see mm/memory.c do_read_fault() (v5.6, no fault-around). Caller holds: mmap_lock for read. */
    static int doReadFault(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "do_read_fault")) {
            int ret = doFaultHandler(k, vmf);
            if (failed(ret)) {
                return ret;
            }
            ret |= finishFault(k, vmf);
            PageFlags.unlockPage(vmf.page);
            if (failed(ret)) {
                Swap.putPage(k, vmf.page);
            }
            return ret;
        }
    }

    /**
     * do_cow_fault(): a write to a private file mapping: copy the page-cache page into a new
     * anonymous page and map that.
     *
     * @see mm/memory.c do_cow_fault() (v5.6). Caller holds: mmap_lock for read.
     */
    static int doCowFault(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "do_cow_fault")) {
            if (!AnonVmas.anonVmaPrepare(k, vmf.vma)) {
                return VmFault.VM_FAULT_OOM;
            }
            vmf.cowPage = k.pages.allocPage(false);
            if (vmf.cowPage == null) {
                return VmFault.VM_FAULT_OOM;
            }
            int ret = doFaultHandler(k, vmf);
            if (failed(ret)) {
                Swap.putPage(k, vmf.cowPage);
                return ret;
            }
            vmf.cowPage.data.write(vmf.page.data.read());
            Barriers.smpWmb(k.x);
            PageFlags.nonAtomicSet(vmf.cowPage, PageFlags.PG_uptodate, "__SetPageUptodate");
            ret |= finishFault(k, vmf);
            PageFlags.unlockPage(vmf.page);
            Swap.putPage(k, vmf.page);
            if (failed(ret)) {
                Swap.putPage(k, vmf.cowPage);
            }
            return ret;
        }
    }

    /**
     * do_shared_fault(): map the page-cache page writable and dirty it
     * (fault_dirty_shared_page). No ->page_mkwrite here.
     *
     * @see mm/memory.c do_shared_fault() (v5.6). Caller holds: mmap_lock for read.
     */
    static int doSharedFault(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "do_shared_fault")) {
            int ret = doFaultHandler(k, vmf);
            if (failed(ret)) {
                return ret;
            }
            ret |= finishFault(k, vmf);
            if (failed(ret)) {
                PageFlags.unlockPage(vmf.page);
                Swap.putPage(k, vmf.page);
                return ret;
            }
            Writeback.setPageDirty(k, vmf.page);
            PageFlags.unlockPage(vmf.page);
            return ret;
        }
    }

    /**
     * finish_fault() -> alloc_set_pte(): allocate the PTE table if needed, lock it, and if the
     * PTE is still none map the page: a private write maps vmf->cow_page as a new anonymous
     * page, anything else the page-cache page with page_add_file_rmap.
     *
     * @see mm/memory.c finish_fault() alloc_set_pte() (v5.6). Takes: the PTE lock.
     */
    static int finishFault(Kernel k, VmFault vmf) {
        try (Fn f = Fn.enter(k.x, "finish_fault")) {
            VmArea vma = vmf.vma;
            long vmFlags = vma.flags();
            boolean write = vmf.write();
            boolean cow = write && (vmFlags & VmFlags.VM_SHARED) == 0;
            Page page = cow ? vmf.cowPage : vmf.page;
            if (!Pgtable.pteAlloc(k, vma.mm, vmf.pmd)) {
                return VmFault.VM_FAULT_OOM;
            }
            if (!vmf.mapLock(k)) {
                return VmFault.VM_FAULT_NOPAGE;
            }
            // "Re-check under ptl"
            if (!Pte.none(vmf.pte())) {
                vmf.unlock();
                return VmFault.VM_FAULT_NOPAGE;
            }
            long entry = Pte.mk(page.pfn, VmFlags.pageProt(vmFlags));
            if (write) {
                entry = Pte.mkdirty(entry);
                if ((vmFlags & VmFlags.VM_WRITE) != 0) {
                    entry = Pte.mkwrite(entry);
                }
            }
            if (cow) {
                MmCounters.inc(vma.mm, RssCounter.MM_ANONPAGES);
                Rmap.pageAddNewAnonRmap(k, page, vma, vmf.address);
                Swap.lruCacheAddActiveOrUnevictable(k, page, vma);
            } else {
                MmCounters.inc(vma.mm, Memory.mmCounterFile(page));
                Rmap.pageAddFileRmap(k, page, vmf.table.ptl);
            }
            vmf.table.set(vmf.index, entry, Order.PLAIN, "set_pte_at");
            vmf.unlock();
            return 0;
        }
    }
}
