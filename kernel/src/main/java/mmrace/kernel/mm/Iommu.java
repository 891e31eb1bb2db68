package mmrace.kernel.mm;

import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.LockClasses;

/**
 * An IOMMU bound to an mm with shared virtual addressing (AMD IOMMUv2, Intel SVA): a secondary
 * MMU that walks the CPU's page tables by itself, asynchronously, and caches paging-structure
 * entries (here: the PTE table a PMD pointed to) so that a later walk skips the PMD. It hears
 * about page-table changes only through MMU notifiers: invalidate_range_start waits for walks
 * in flight and drops the cached entries of the range (the driver's invalidation command,
 * completed by the hardware before it returns); invalidate_range_end does it again. Cached
 * final translations (the IOTLB) are not modelled yet, only paging-structure entries.
 *
 * <p>Check: a walk never reads a freed table ({@code pgtable-freed-under-walker}, through
 * {@link PteTable#read}), whether it found the table through the PMD or its cache.
 */
public final class Iommu implements MmuNotifier.Subscriber {
    final Kernel k;
    final MmStruct mm;
    /** Serializes a walk with an invalidation (the hardware's own ordering). */
    final SpinLock walkLock;
    /** Paging-structure cache: per PMD, the cached table's pfn + 1, or 0. guarded by: walkLock. */
    final Loc[] pscache;
    /** The cached tables themselves (ghost mirror of {@link #pscache}). guarded by: walkLock. */
    final PteTable[] cached;

    public Iommu(Kernel k, MmStruct mm) {
        this.k = k;
        this.mm = mm;
        this.walkLock = new SpinLock(k.x, "iommu(" + mm + ")->walk_lock", LockClasses.IOMMU);
        this.pscache = new Loc[mm.pmd.length];
        this.cached = new PteTable[mm.pmd.length];
        for (int i = 0; i < pscache.length; i++) {
            pscache[i] = new Loc(k.x, "iommu(" + mm + ")->pscache[" + i + "]", 0);
        }
    }

    /**
     * A device access at {@code addr}: a hardware table walk (PASID table -> PMD -> PTE), through
     * the paging-structure cache when it has the PMD's table.
     *
     * @return the PTE found, or 0 (the device would raise a page request)
     */
    public long walk(long addr) {
        try (Fn f = Fn.enter(k.x, "iommu table walk")) {
            int pi = k.geo.pmdIndex(addr);
            walkLock.lock();
            try {
                PteTable t;
                if (pscache[pi].load(Order.ONCE, "paging-structure cache lookup") != 0) {
                    t = cached[pi];
                } else {
                    long pmd = mm.pmd[pi].readOnce();
                    t = Pgtable.tableOf(k, pmd);
                    if (t == null) {
                        return 0;
                    }
                    pscache[pi].store(t.page.pfn + 1, Order.ONCE, "paging-structure cache fill");
                    cached[pi] = t;
                }
                return t.read(k.geo.pteIndex(addr), Order.ONCE, "iommu walk: pte");
            } finally {
                walkLock.unlock();
            }
        }
    }

    @Override
    public void invalidateRangeStart(Kernel k, MmStruct mm, long start, long end) {
        try (Fn f = Fn.enter(k.x, "iommu invalidate (range start)")) {
            walkLock.lock();
            for (int pi = k.geo.pmdIndex(start); pi <= k.geo.pmdIndex(end - 1) && pi < pscache.length; pi++) {
                pscache[pi].store(0, Order.ONCE, "paging-structure cache invalidate");
                cached[pi] = null;
            }
            walkLock.unlock();
        }
    }

    /**
     * The end of the range: the IOMMUv2 driver's invalidate_range callback (called from
     * mmu_notifier_invalidate_range_end in v6.4) flushes again, now that the entries changed,
     * so nothing the walker re-cached between start and the change survives.
     */
    @Override
    public void invalidateRangeEnd(Kernel k, MmStruct mm, long start, long end) {
        invalidateRangeStart(k, mm, start, end);
    }
}
