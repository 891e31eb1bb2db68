package mmrace.kernel.mm;

import mmrace.kernel.Kernel;

/** Constructors the Kernel needs from this package (their classes keep package-private constructors). */
public final class MmStructs {
    private MmStructs() {
    }

    public static Lruvec newLruvec(Kernel k) {
        return new Lruvec(k);
    }

    public static SwapInfo newSwapInfo(Kernel k, int slots) {
        return new SwapInfo(k, slots);
    }

    /** mm_alloc(): a new mm_struct named {@code name} (kernel: from mm_cachep), registered for the checks. */
    public static MmStruct mmAlloc(Kernel k, String name) {
        k.caches.nextMmName.put(k.x.current(), name);
        MmStruct mm = k.caches.mm.alloc();
        k.register(mm);
        return mm;
    }
}
