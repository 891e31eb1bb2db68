package mmrace.kernel.arch;

/**
 * arm64 (arch/arm64/include/asm/tlbflush.h, v5.6): a flush is a broadcast TLBI followed by
 * DSB ISH. flush_tlb_page() is last-level only (TLBI VALE1IS keeps cached table entries),
 * flush_tlb_range() is not; an mmu_gather flushes last-level unless it freed tables. Page
 * tables are freed after an RCU grace period (HAVE_RCU_TABLE_FREE). Memory model: LKMM.
 */
final class Arm64 extends BroadcastTlbArch {
    static final Arm64 INSTANCE = new Arm64();

    private Arm64() {
        super("tlbi vale1is", "tlbi vae1is", "tlbi aside1is");
    }

    @Override
    public String name() {
        return "arm64";
    }

    @Override
    public String memoryModelName() {
        return MemoryModels.LKMM;
    }

    @Override
    String barrierSuffix() {
        return "; dsb(ish)";
    }
}
