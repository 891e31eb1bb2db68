package mmrace.kernel.mm;

import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * MMU notifiers (mm/mmu_notifier.c, v5.6): a secondary MMU (KVM, an IOMMU with shared virtual
 * addressing) subscribes to an mm and is told before and after its page tables change, so it
 * can drop what it cached. The subscribers are {@link MmStruct#notifiers}; with none the calls
 * cost nothing, as mm_has_notifiers() makes them in the kernel.
 */
public final class MmuNotifier {
    private MmuNotifier() {
    }

    /** struct mmu_notifier_ops, the callbacks the model uses. */
    public interface Subscriber {
        /** invalidate_range_start(): the range is about to change; may sleep. */
        void invalidateRangeStart(Kernel k, MmStruct mm, long start, long end);

        /** invalidate_range_end(): the change is done. */
        void invalidateRangeEnd(Kernel k, MmStruct mm, long start, long end);
    }

    /** struct mmu_notifier_range. */
    public record Range(MmStruct mm, long start, long end) {
    }

    /** mmu_notifier_invalidate_range_start(). Caller holds: whatever keeps the range's tables stable. */
    public static void invalidateRangeStart(Kernel k, Range r) {
        if (r.mm.notifiers.isEmpty()) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "mmu_notifier_invalidate_range_start")) {
            for (Subscriber s : r.mm.notifiers) {
                s.invalidateRangeStart(k, r.mm, r.start, r.end);
            }
        }
    }

    /** mmu_notifier_invalidate_range_end(). */
    public static void invalidateRangeEnd(Kernel k, Range r) {
        if (r.mm.notifiers.isEmpty()) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "mmu_notifier_invalidate_range_end")) {
            for (Subscriber s : r.mm.notifiers) {
                s.invalidateRangeEnd(k, r.mm, r.start, r.end);
            }
        }
    }
}
