package mmrace.kernel.arch;

/**
 * s390 (arch/s390/include/asm/tlbflush.h, v5.6): IPTE/IDTE invalidate a translation on every
 * CPU in hardware (no IPI), and page tables are freed through RCU (tlb_remove_table, with
 * the mm's "attach count" shortcut not modelled). Memory model: s390 is TSO-like for normal
 * accesses (the kernel's LKMM admits it); the model asks for "tso".
 */
final class S390 extends BroadcastTlbArch {
    static final S390 INSTANCE = new S390();

    private S390() {
        super("ipte", "idte (range)", "idte (asce)");
    }

    @Override
    public String name() {
        return "s390";
    }

    @Override
    public String memoryModelName() {
        return MemoryModels.TSO;
    }

    @Override
    String barrierSuffix() {
        return "";
    }
}
