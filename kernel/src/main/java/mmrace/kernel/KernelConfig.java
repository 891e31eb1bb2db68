package mmrace.kernel;

import mmrace.kernel.arch.Arch;
import mmrace.kernel.variant.Variant;
import mmrace.kernel.variant.Variants;

/**
 * What a run of the mm model is configured with, besides its processes: the geometry, the
 * architecture, the variant of each code path, and the sizes of the few global resources.
 *
 * @param nrPages physical pages (page frames 1..nrPages; frame 0 is the zero page)
 * @param swapSlots slots of the one swap device (0: no swap)
 * @param gatherBatch pages an mmu_gather holds before it must flush (MAX_GATHER_BATCH, scaled)
 * @param pagevecSize pages a per-CPU LRU pagevec holds before it is drained (PAGEVEC_SIZE, scaled)
 * @param migratePasses passes migrate_pages() makes over pages that fail with -EAGAIN (10, scaled:
 *     each pass multiplies the interleavings; from the fourth the page lock is waited for)
 * @param weakMemory 1: explore under the architecture's weak memory model ({@link
 *     Arch#memoryModel}: x86-TSO, LKMM, LKMM for alpha); 0 (the default): interleavings (SC), the
 *     architecture still deciding TLB flushing, page-table freeing and the rest
 */
public record KernelConfig(Geometry geometry, Arch arch, Variants variants, int nrPages, int swapSlots,
                           int gatherBatch, int pagevecSize, int migratePasses, int weakMemory) {
    public static KernelConfig defaults() {
        return new KernelConfig(Geometry.defaults(), Arch.x86(), Variants.defaults(), 16, 4, 8, 1, 1, 0);
    }

    public KernelConfig withGeometry(Geometry g) {
        return new KernelConfig(g, arch, variants, nrPages, swapSlots, gatherBatch, pagevecSize, migratePasses, weakMemory);
    }

    public KernelConfig withArch(Arch a) {
        return new KernelConfig(geometry, a, variants, nrPages, swapSlots, gatherBatch, pagevecSize, migratePasses, weakMemory);
    }

    public KernelConfig withVariants(Variants v) {
        return new KernelConfig(geometry, arch, v, nrPages, swapSlots, gatherBatch, pagevecSize, migratePasses, weakMemory);
    }

    public KernelConfig withVariant(Variant v) {
        return withVariants(variants.with(v));
    }

    public KernelConfig withNrPages(int n) {
        return new KernelConfig(geometry, arch, variants, n, swapSlots, gatherBatch, pagevecSize, migratePasses, weakMemory);
    }

    public KernelConfig withSwapSlots(int n) {
        return new KernelConfig(geometry, arch, variants, nrPages, n, gatherBatch, pagevecSize, migratePasses, weakMemory);
    }

    public KernelConfig withGatherBatch(int n) {
        return new KernelConfig(geometry, arch, variants, nrPages, swapSlots, n, pagevecSize, migratePasses, weakMemory);
    }

    public KernelConfig withPagevecSize(int n) {
        return new KernelConfig(geometry, arch, variants, nrPages, swapSlots, gatherBatch, n, migratePasses, weakMemory);
    }

    public KernelConfig withWeakMemory(int on) {
        return new KernelConfig(geometry, arch, variants, nrPages, swapSlots, gatherBatch, pagevecSize, migratePasses, on);
    }

    /** The memory model runs explore under: the arch's weak one if {@link #weakMemory} is set, else SC. */
    public mmrace.engine.mem.MemoryModel memoryModel() {
        return weakMemory != 0 ? arch.memoryModel() : mmrace.engine.mem.MemoryModel.sc();
    }

    public KernelConfig withMigratePasses(int n) {
        return new KernelConfig(geometry, arch, variants, nrPages, swapSlots, gatherBatch, pagevecSize, n, weakMemory);
    }
}
