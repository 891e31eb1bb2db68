package mmrace.kernel.world;

import java.util.ArrayList;
import java.util.List;
import mmrace.kernel.Geometry;
import mmrace.kernel.mm.VmFlags;

/**
 * A process in the world: its VMAs and the state of their pages when the run starts. Addresses
 * are byte addresses; pages are 4 KiB.
 */
public final class ProcessSpec {
    /** Where a page starts. */
    public enum State { PRESENT, SWAPPED, SWAP_SHARED }

    /** One VMA: [start, start + pages * PAGE_SIZE), its vm_flags, and its file if any. */
    record Vma(long start, int pages, long flags, String file, long pgoff) {
        long end() {
            return start + pages * Geometry.PAGE_SIZE;
        }
    }

    /** One page's initial state. */
    public static final class PageSpec {
        final long addr;
        final State state;
        long value;
        boolean young;
        boolean referenced;
        boolean pageDirty;
        boolean staleSwapCache;
        boolean dirty = true;
        boolean writable = true;
        boolean active;
        boolean swapCache;
        /** For SWAP_SHARED: the process whose swap-cache page at the same address this PTE's entry is. */
        String owner;
        final List<Integer> warmOn = new ArrayList<>();

        PageSpec(long addr, State state, long value) {
            this.addr = addr;
            this.state = state;
            this.value = value;
        }

        /** The PTE has its accessed bit (reclaim will see a reference). */
        public PageSpec young() {
            young = true;
            return this;
        }

        /** The page has PG_referenced (mark_page_accessed once): khugepaged counts it, reclaim does not keep it for it. */
        public PageSpec referenced() {
            referenced = true;
            return this;
        }

        /** The page itself has PG_dirty (an anon page not in the swap cache: dirty, and page_mapping() is NULL). */
        public PageSpec pageDirty() {
            pageDirty = true;
            return this;
        }

        /**
         * For a swapped page: its page is still in the swap cache, with a page->index from
         * before an mremap, so do_swap_page takes the KSM-copy branch (ksm_might_need_to_copy).
         */
        public PageSpec staleSwapCache() {
            staleSwapCache = true;
            return this;
        }

        /**
         * For a present anonymous page: it is also in the swap cache, its slot still held by
         * another PTE ({@code swapEntryOf} in a forked process) — as after this process faulted
         * it back in from swap with a read fault (map it {@code readOnly clean}).
         */
        public PageSpec swapCache() {
            swapCache = true;
            return this;
        }

        /** The PTE is clean (a page written out since, or a read-only mapping). */
        public PageSpec clean() {
            dirty = false;
            return this;
        }

        /** The PTE is read-only (as after fork, or a read fault of a file page). */
        public PageSpec readOnly() {
            writable = false;
            return this;
        }

        /** The page is on the active list (default: inactive, reclaim takes it first). */
        public PageSpec active() {
            active = true;
            return this;
        }

        /** CPU {@code cpu} (by creation order) has the translation in its TLB. */
        public PageSpec inTlbOf(int... cpus) {
            for (int c : cpus) {
                warmOn.add(c);
            }
            return this;
        }
    }

    final String name;
    /** The process this one is a fork child of (its anon VMAs are chained to the parent's anon_vmas), or null. */
    String parent;
    /** Addresses whose PMD gets an empty PTE table in setup. */
    final List<Long> emptyTables = new ArrayList<>();
    /** Whether an IOMMU (shared virtual addressing) is bound to this mm. */
    boolean iommu;
    final List<Vma> vmas = new ArrayList<>();
    final List<PageSpec> pages = new ArrayList<>();

    ProcessSpec(String name) {
        this.name = name;
    }

    /** An empty PTE table under the PMD covering {@code addr} (as left after the pages were zapped). */
    public ProcessSpec emptyPteTable(long addr) {
        emptyTables.add(addr);
        return this;
    }

    /** Binds an IOMMU to this mm (iommu_sva_bind_device): it walks the page tables itself, told of changes by MMU notifiers. */
    public ProcessSpec iommu() {
        iommu = true;
        return this;
    }

    /**
     * This process is a fork child of {@code parent} (declared earlier): each of its VMAs that
     * starts where one of the parent's does is chained to that VMA's anon_vmas, with an
     * anon_vma of its own, as anon_vma_fork() leaves them. Its VMAs and pages are declared as
     * usual (fork copied them); {@code swapEntryOf} gives it the parent's swap entries.
     */
    public ProcessSpec childOf(String parent) {
        this.parent = parent;
        return this;
    }

    /**
     * The PTE at {@code addr} holds the swap entry of {@code process}'s page at {@code addr}, a
     * page that {@code swapCache} put in the swap cache: the page was swapped out when this
     * process was forked, and {@code process} has read it back in since.
     */
    public PageSpec swapEntryOf(long addr, String process) {
        PageSpec p = new PageSpec(addr, State.SWAP_SHARED, 0);
        p.owner = process;
        pages.add(p);
        return p;
    }

    /** A private anonymous read-write VMA. */
    public ProcessSpec anon(long start, int pages) {
        return vma(start, pages, VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_MAYREAD | VmFlags.VM_MAYWRITE, null, 0);
    }

    /** A private (MAP_PRIVATE) read-write mapping of {@code file} from page {@code pgoff}. */
    public ProcessSpec filePrivate(long start, int pages, String file, long pgoff) {
        return vma(start, pages, VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_MAYREAD | VmFlags.VM_MAYWRITE, file, pgoff);
    }

    /** A shared (MAP_SHARED) read-write mapping of {@code file} (or of a shmem file) from page {@code pgoff}. */
    public ProcessSpec fileShared(long start, int pages, String file, long pgoff) {
        return vma(start, pages, VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_SHARED | VmFlags.VM_MAYREAD
                | VmFlags.VM_MAYWRITE | VmFlags.VM_MAYSHARE, file, pgoff);
    }

    /** Any VMA. */
    public ProcessSpec vma(long start, int pages, long flags, String file, long pgoff) {
        vmas.add(new Vma(start, pages, flags, file, pgoff));
        return this;
    }

    /** The page at {@code addr} is present (anon: a private page holding {@code value}; file: the cached page). */
    public PageSpec present(long addr, long value) {
        PageSpec p = new PageSpec(addr, State.PRESENT, value);
        pages.add(p);
        return p;
    }

    /** The anonymous page at {@code addr} is in a swap slot, holding {@code value}. */
    public PageSpec swapped(long addr, long value) {
        PageSpec p = new PageSpec(addr, State.SWAPPED, value);
        pages.add(p);
        return p;
    }

    Vma vmaOf(long addr) {
        for (Vma v : vmas) {
            if (addr >= v.start() && addr < v.end()) {
                return v;
            }
        }
        throw new IllegalArgumentException(name + " has no VMA at 0x" + Long.toHexString(addr));
    }
}
