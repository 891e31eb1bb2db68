package mmrace.kernel.world;

import mmrace.engine.exec.Execution;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.TaskStruct;
import mmrace.kernel.arch.Mmu;
import mmrace.kernel.mm.Exit;
import mmrace.kernel.mm.Madvise;
import mmrace.kernel.mm.Mmap;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.mm.UserFault;
import mmrace.kernel.mm.VmFault;
import mmrace.kernel.mm.Vmscan;

/**
 * What a CPU's body can do: the kernel entry points of the mm model, as a user process (loads
 * and stores through the MMU, system calls) or a kernel thread (reclaim) would reach them.
 * Results that a test wants in the final state go through {@link #record}.
 */
public final class Task {
    /** Returned by {@link #read} and {@link #write} when the access ended in a signal. */
    public static final long SIGNAL = Long.MIN_VALUE;

    final Kernel k;
    final TaskStruct ts;

    Task(Kernel k, TaskStruct ts) {
        this.k = k;
        this.ts = ts;
    }

    public Kernel kernel() {
        return k;
    }

    public Execution x() {
        return k.x;
    }

    public MmStruct mm() {
        return ts.mm;
    }

    /** A user load at {@code addr}: through the TLB, faulting as needed. Returns the value, or {@link #SIGNAL}. */
    public long read(long addr) {
        return access(addr, false, 0);
    }

    /** A user store of {@code value} at {@code addr}. Returns {@code value}, or {@link #SIGNAL}. */
    public long write(long addr, long value) {
        return access(addr, true, value);
    }

    private long access(long addr, boolean write, long value) {
        try (Fn f = Fn.enter(k.x, write ? "user store" : "user load")) {
            requireMm();
            for (int tries = 0; tries < 8; tries++) {
                Mmu.Result r = Mmu.access(k, ts.mm, addr, write, value);
                if (r.fault() == Mmu.Fault.NONE) {
                    return r.value();
                }
                int ret = UserFault.doUserAddrFault(k, ts.mm, addr, write);
                if ((ret & VmFault.VM_FAULT_ERROR) != 0) {
                    return SIGNAL;
                }
            }
            throw new IllegalStateException("access at 0x" + Long.toHexString(addr) + " keeps faulting");
        }
    }

    /** A page fault at {@code addr} without going through the TLB first. Returns VM_FAULT_* bits. */
    public int fault(long addr, boolean write) {
        requireMm();
        return UserFault.doUserAddrFault(k, ts.mm, addr, write);
    }

    /** A speculative hardware walk of {@code addr} in the loaded mm (a prefetch: no fault). */
    public void hwWalk(long addr) {
        MmStruct loaded = k.tlb().loadedMm();
        if (loaded != null) {
            Mmu.walk(k, k.tlb(), loaded, addr, false);
        }
    }

    /** munmap(2). */
    public int munmap(long addr, long len) {
        requireMm();
        try (Fn f = Fn.enter(k.x, "sys_munmap")) {
            return Mmap.vmMunmap(k, ts.mm, addr, len);
        }
    }

    /** mremap(addr, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, newAddr). */
    public long mremap(long addr, long len, long newAddr) {
        requireMm();
        try (Fn f = Fn.enter(k.x, "sys_mremap")) {
            return mmrace.kernel.mm.Mremap.mremapTo(k, ts.mm, addr, len, newAddr);
        }
    }

    /** ftruncate() of the file named {@code file} to {@code newSize} pages. */
    public void truncate(String file, int newSize) {
        try (Fn f = Fn.enter(k.x, "sys_ftruncate")) {
            mmrace.kernel.mm.Truncate.truncate(k, inode(file), newSize);
        }
    }

    /** unlink() + close() of the world's reference to {@code file}: iput, evicting when it was the last. */
    public void unlinkAndClose(String file) {
        try (Fn f = Fn.enter(k.x, "sys_unlink")) {
            mmrace.kernel.mm.Truncate.iput(k, inode(file));
        }
    }

    private mmrace.kernel.mm.Inode inode(String name) {
        for (mmrace.kernel.mm.Inode i : k.allInodes()) {
            if (i.name.equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no file " + name);
    }

    /** madvise(addr, len, MADV_DONTNEED). */
    public int madviseDontneed(long addr, long len) {
        requireMm();
        try (Fn f = Fn.enter(k.x, "sys_madvise")) {
            return Madvise.madviseDontneed(k, ts.mm, addr, len);
        }
    }

    /** Reclaim: shrink the inactive lists by up to {@code nr} pages each (kswapd or direct reclaim). */
    public Vmscan.Stat shrink(int nr) {
        try (Fn f = Fn.enter(k.x, "try_to_free_pages")) {
            return Vmscan.shrinkNode(k, nr);
        }
    }

    /**
     * do_exit() -> exit_mm(): drop this thread's mm_users; the last one tears the address space
     * down. The CPU keeps the mm loaded lazily afterwards (enter_lazy_tlb), as the kernel does
     * until the next context switch.
     */
    public void exit() {
        requireMm();
        try (Fn f = Fn.enter(k.x, "exit_mm")) {
            MmStruct mm = ts.mm;
            k.arch.enterLazyTlb(k);
            ts.mm = null;
            Exit.mmput(k, mm);
        }
    }

    /**
     * get_user_pages_remote() of this task's mm: mmap_lock for read around __get_user_pages.
     * With FOLL_WRITE the caller then writes {@code value} into each page, as
     * access_process_vm() (ptrace, /proc/pid/mem) does; the references are kept: release them with
     * {@link #putUserPages}.
     */
    public java.util.List<mmrace.kernel.mm.Page> gup(long addr, int nrPages, int gupFlags, long value) {
        requireMm();
        try (Fn f = Fn.enter(k.x, "get_user_pages_remote")) {
            MmStruct mm = ts.mm;
            mm.mmapLock.downRead();
            java.util.List<mmrace.kernel.mm.Page> pages = mmrace.kernel.mm.Gup.getUserPages(k, mm, addr, nrPages,
                    gupFlags | mmrace.kernel.mm.Gup.FOLL_REMOTE);
            mm.mmapLock.upRead();
            if ((gupFlags & mmrace.kernel.mm.Gup.FOLL_WRITE) != 0) {
                for (mmrace.kernel.mm.Page p : pages) {
                    p.data.write(value);
                }
            }
            return pages;
        }
    }

    /**
     * get_user_pages_fast() of this task's own mm (O_DIRECT, futexes, vhost...): the lockless
     * walk with IRQs off, the slow path for what it could not get. The references are kept;
     * release them with {@link #putUserPages}. With {@code lockPage}, each page is then locked
     * and unlocked as a caller that goes on to lock_page() would (set_page_dirty_lock, ...).
     */
    public java.util.List<mmrace.kernel.mm.Page> gupFast(long addr, int nrPages, int gupFlags, boolean lockPage) {
        requireMm();
        try (Fn f = Fn.enter(k.x, "gup_fast caller")) {
            java.util.List<mmrace.kernel.mm.Page> pages = mmrace.kernel.mm.FastGup.getUserPagesFast(k, ts.mm, addr,
                    nrPages, gupFlags);
            if (lockPage) {
                for (mmrace.kernel.mm.Page p : pages) {
                    mmrace.kernel.mm.PageFlags.lockPage(p);
                    mmrace.kernel.mm.PageFlags.unlockPage(p);
                }
            }
            return pages;
        }
    }

    /**
     * khugepaged, one pass over the PMD range of {@code addr} in {@code process}'s mm
     * (khugepaged_scan_mm_slot -> khugepaged_scan_pmd -> collapse_huge_page). Runs as a kernel
     * thread; returns the SCAN_* result.
     */
    public mmrace.kernel.mm.Khugepaged.ScanResult khugepaged(String process, long addr) {
        try (Fn f = Fn.enter(k.x, "khugepaged")) {
            return mmrace.kernel.mm.Khugepaged.scan(k, mmOf(process), addr);
        }
    }

    /** khugepaged's collapse_file() of {@code file} at page {@code pgoff}, its page-table half: retract_page_tables(). */
    public void retractPageTables(String file, long pgoff) {
        try (Fn f = Fn.enter(k.x, "khugepaged collapse_file")) {
            mmrace.kernel.mm.CollapseFile.retractPageTables(k, inode(file).mapping, pgoff);
        }
    }

    /** ioctl(UFFDIO_COPY) of one page holding {@code value} at {@code addr} of this task's mm. Returns 0 or -errno. */
    public int uffdioCopy(long addr, long value) {
        requireMm();
        try (Fn f = Fn.enter(k.x, "userfaultfd_ioctl(UFFDIO_COPY)")) {
            return mmrace.kernel.mm.Userfaultfd.uffdioCopy(k, ts.mm, addr, value);
        }
    }

    /** A device access through the IOMMU bound to {@code process}'s mm: a hardware walk. Returns the PTE or 0. */
    public long iommuWalk(String process, long addr) {
        for (mmrace.kernel.mm.MmuNotifier.Subscriber s : mmOf(process).notifiers) {
            if (s instanceof mmrace.kernel.mm.Iommu iommu) {
                return iommu.walk(addr);
            }
        }
        throw new IllegalArgumentException("no IOMMU bound to " + process);
    }

    /**
     * A lockless page-table walker of v6.5+ (pte_offset_map under rcu_read_lock, as in
     * page_vma_mapped_walk's first look or the NUMA scanner): reads the PMD, then the PTE
     * through the table it points to, without any page-table lock. Returns the PTE or 0.
     */
    public long pteOffsetMapRcu(String process, long addr) {
        try (Fn f = Fn.enter(k.x, "pte_offset_map (RCU)")) {
            MmStruct mm = mmOf(process);
            mmrace.engine.sync.Rcu.rcuReadLock(k.x);
            long pmd = mm.pmdOf(addr).readOnce(); // pmdp_get_lockless()
            mmrace.kernel.mm.PteTable t = mmrace.kernel.mm.Pgtable.tableOf(k, pmd);
            long pte = t == null ? 0 : t.read(k.geo.pteIndex(addr), mmrace.engine.mem.Order.ONCE, "ptep_get_lockless");
            mmrace.engine.sync.Rcu.rcuReadUnlock(k.x);
            return pte;
        }
    }

    /**
     * Compaction of the zone (kcompactd): isolate LRU pages, migrate them (migrate_pages with
     * MIGRATE_SYNC_LIGHT) and put back what could not be migrated. Returns the number isolated.
     */
    public int compact() {
        try (Fn f = Fn.enter(k.x, "kcompactd")) {
            return mmrace.kernel.mm.Compaction.compactZone(k);
        }
    }

    /**
     * move_pages(2) of the page at {@code addr} of this task's mm: follow_page, isolate_lru_page,
     * migrate_pages with MIGRATE_SYNC. Returns 0 if it moved, else -errno or the pages left.
     */
    public int movePages(long addr) {
        requireMm();
        try (Fn f = Fn.enter(k.x, "sys_move_pages")) {
            return mmrace.kernel.mm.MovePages.movePage(k, ts.mm, addr);
        }
    }

    /** swapoff(2) of the swap device. */
    public void swapoff() {
        mmrace.kernel.mm.Swapoff.swapoff(k);
    }

    private MmStruct mmOf(String process) {
        for (MmStruct m : k.allMms()) {
            if (m.name.equals(process)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no process " + process);
    }

    /** get_user_pages_fast_only(): the lockless walk alone, no fault, no mmap_lock (KVM, perf). */
    public java.util.List<mmrace.kernel.mm.Page> gupFastOnly(long addr, int nrPages, int gupFlags) {
        requireMm();
        try (Fn f = Fn.enter(k.x, "gup_fast_only caller")) {
            return mmrace.kernel.mm.FastGup.getUserPagesFastOnly(k, ts.mm, addr, nrPages, gupFlags);
        }
    }

    /** put_page() / unpin_user_page() of pages {@link #gup} returned. */
    public void putUserPages(java.util.List<mmrace.kernel.mm.Page> pages, int gupFlags) {
        for (mmrace.kernel.mm.Page p : pages) {
            mmrace.kernel.mm.Gup.release(k, p, gupFlags);
        }
    }

    /** fork(): a copy of this process's address space, named {@code child}; returns its mm. */
    public MmStruct fork(String child) {
        requireMm();
        try (Fn f = Fn.enter(k.x, "sys_fork")) {
            return mmrace.kernel.mm.Fork.dupMm(k, ts.mm, child);
        }
    }

    /** mmput() of another mm (a forked child exiting without ever running). */
    public void mmput(MmStruct mm) {
        try (Fn f = Fn.enter(k.x, "mmput")) {
            Exit.mmput(k, mm);
        }
    }

    /** Puts a value in the final state (like a litmus register). */
    public void record(String register, long value) {
        k.x.record(register, value);
    }

    private void requireMm() {
        if (ts.mm == null) {
            throw new IllegalStateException(ts + " has no mm (a kernel thread, or exited)");
        }
    }

    @Override
    public String toString() {
        return ts.toString();
    }
}
