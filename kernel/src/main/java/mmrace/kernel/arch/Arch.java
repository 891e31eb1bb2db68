package mmrace.kernel.arch;

import java.util.List;
import mmrace.engine.mem.MemoryModel;
import mmrace.kernel.Kernel;
import mmrace.kernel.mm.MmStruct;

/**
 * What differs between architectures for the mm model: how TLBs are flushed (x86: IPIs that a
 * CPU with interrupts off cannot acknowledge; arm64: broadcast TLBI, no IPI), how page-table
 * pages freed by an mmu_gather reach the allocator (with the pages after the flush, or after an
 * RCU grace period), batched unmap flushing, context switches, and the memory model.
 * Implementations are stateless; per-CPU state lives in {@link CpuTlb}.
 */
public interface Arch {
    String name();

    /** The name of the architecture's memory model ({@link MemoryModels}: x86-tso, lkmm, lkmm-alpha). */
    String memoryModelName();

    /** The memory model of the architecture: {@link MemoryModels#resolve} of its name (SC until the weak models exist). */
    default MemoryModel memoryModel() {
        return MemoryModels.resolve(memoryModelName());
    }

    /**
     * The ordering of the store set_pte() makes when its caller asks for no ordering: arm64,
     * power, s390 and x86 write the entry with WRITE_ONCE() (arm64 set_pte(), x86
     * native_set_pte(), v5.x), a marked access that LKMM orders with smp_wmb() and dependencies;
     * alpha's set_pte() is a plain C assignment.
     */
    default mmrace.engine.mem.Order setPteOrder() {
        return mmrace.engine.mem.Order.ONCE;
    }

    /**
     * What an architecture adds after pmdp_collapse_flush()'s TLB flush (power radix:
     * serialize_against_pte_lookup). Caller holds: whatever the collapse holds.
     */
    default void afterPmdpCollapseFlush(Kernel k, MmStruct mm) {
    }

    /** flush_tlb_page(vma, addr). Caller holds: nothing in particular; may send IPIs. */
    void flushTlbPage(Kernel k, MmStruct mm, long addr);

    /** flush_tlb_range(vma, start, end): also drops cached paging-structure entries. */
    void flushTlbRange(Kernel k, MmStruct mm, long start, long end);

    /** flush_tlb_mm(mm). */
    void flushTlbMm(Kernel k, MmStruct mm);

    /** tlb_flush(tlb): the flush of an mmu_gather's range; {@code freedTables} also drops walk caches. */
    void tlbFlush(Kernel k, MmStruct mm, long start, long end, boolean freedTables, boolean fullmm);

    /**
     * Whether page-table pages freed by an mmu_gather go through tlb_remove_table() and an RCU
     * grace period (MMU_GATHER_RCU_TABLE_FREE) rather than tlb_remove_page() after the flush.
     */
    boolean rcuTableFree();

    /** ARCH_WANT_BATCHED_UNMAP_TLB_FLUSH: reclaim may defer its flushes (x86 only in v5.6). */
    boolean batchedUnmapFlush();

    /** CONFIG_HAVE_MOVE_PMD: mremap may move whole PTE tables (move_normal_pmd). */
    boolean haveMovePmd();

    /** arch_tlbbatch_add_mm(): remember that {@code mm}'s CPUs need a flush. */
    void tlbbatchAddMm(Kernel k, TlbBatch batch, MmStruct mm);

    /** arch_tlbbatch_flush(): flush every CPU the batch collected. */
    void tlbbatchFlush(Kernel k, TlbBatch batch);

    /** switch_mm_irqs_off(prev, next) on the running CPU; {@code next == null} is init_mm. */
    void switchMm(Kernel k, MmStruct next);

    /** enter_lazy_tlb(): the running CPU starts a kernel thread and keeps the old mm loaded. */
    void enterLazyTlb(Kernel k);

    static Arch x86() {
        return X86.INSTANCE;
    }

    static Arch arm64() {
        return Arm64.INSTANCE;
    }

    static Arch power() {
        return Power.INSTANCE;
    }

    static Arch s390() {
        return S390.INSTANCE;
    }

    static Arch alpha() {
        return Alpha.INSTANCE;
    }

    /** The architectures there are, by name. */
    static List<Arch> all() {
        return List.of(x86(), arm64(), power(), s390(), alpha());
    }

    static Arch byName(String name) {
        for (Arch a : all()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no arch " + name + "; there are " + all().stream().map(Arch::name).toList());
    }
}
