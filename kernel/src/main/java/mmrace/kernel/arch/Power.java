package mmrace.kernel.arch;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Cpu;
import mmrace.engine.sync.Interrupts;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.variant.PowerSerialize;

/**
 * powerpc64 with the radix MMU (arch/powerpc/mm/book3s64/radix_tlb.c, v5.6): broadcast tlbie
 * followed by eieio; tlbsync; ptesync, no IPI; page tables freed through RCU
 * (MMU_GATHER_RCU_TABLE_FREE). radix__pmdp_collapse_flush() adds
 * serialize_against_pte_lookup(): an IPI to the mm's CPUs, waited for, so that a lockless
 * walker with IRQs off (gup_fast, find_current_mm_pte) is done with the old table — the
 * {@link PowerSerialize} variant. Memory model: LKMM.
 */
final class Power extends BroadcastTlbArch {
    static final Power INSTANCE = new Power();

    private Power() {
        super("tlbiel/tlbie (RIC_FLUSH_TLB, page)", "tlbie (RIC_FLUSH_ALL, range)", "tlbie (RIC_FLUSH_ALL, pid)");
    }

    @Override
    public String name() {
        return "power";
    }

    @Override
    public String memoryModelName() {
        return MemoryModels.LKMM;
    }

    @Override
    String barrierSuffix() {
        return "; eieio; tlbsync; ptesync";
    }

    /** serialize_against_pte_lookup(mm): smp_call_function_many(mm_cpumask(mm), do_nothing, NULL, 1). */
    @Override
    public void afterPmdpCollapseFlush(Kernel k, MmStruct mm) {
        if (k.variant(PowerSerialize.class) != PowerSerialize.SERIALIZE) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "serialize_against_pte_lookup")) {
            List<Cpu> all = new ArrayList<>(k.x.cpus()); // radix: every CPU may have walked (no precise cpumask here)
            Interrupts.smpCallFunctionMany(k.x, all, "do_nothing", c -> { }, true);
        }
    }
}
