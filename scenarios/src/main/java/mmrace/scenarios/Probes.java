package mmrace.scenarios;

import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.Pte;
import mmrace.kernel.world.WorldState;

/**
 * What a scenario's {@code check} line can look at in the final state. Each public static
 * method is a probe (discovered by {@link Registry}); its first parameter is the world state,
 * the rest come from the line. Values are read without events.
 */
public final class Probes {
    private Probes() {
    }

    /** The value in the page {@code process} maps at {@code addr}, or -1 if nothing is mapped. */
    public static long value(WorldState s, String process, long addr) {
        Page p = s.pageAt(process, addr);
        return p == null ? -1 : p.data.peek();
    }

    /** 1 if {@code process} has a present PTE at {@code addr}, else 0. */
    public static long mapped(WorldState s, String process, long addr) {
        return Pte.present(s.pte(process, addr)) ? 1 : 0;
    }

    /** The raw {@code _mapcount} of the page mapped at {@code addr} (-1: unmapped), or -2 if none is mapped. */
    public static long mapcount(WorldState s, String process, long addr) {
        Page p = s.pageAt(process, addr);
        return p == null ? -2 : p.mapcount.peek();
    }

    /** The {@code _refcount} of the page mapped at {@code addr}, or -1 if none is mapped. */
    public static long refcount(WorldState s, String process, long addr) {
        Page p = s.pageAt(process, addr);
        return p == null ? -1 : p.refcount.peek();
    }

    /** The value in {@code file}'s page-cache page at {@code index}, or -1 if it is not cached. */
    public static long cached(WorldState s, String file, long index) {
        long pfn = s.inode(file).mapping.iPages[(int) index].peek();
        return pfn == 0 ? -1 : s.k.pages.page((int) pfn).data.peek();
    }
}
