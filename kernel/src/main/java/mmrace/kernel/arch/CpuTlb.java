package mmrace.kernel.arch;

import java.util.LinkedHashMap;
import java.util.Map;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Named;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.mm.PteTable;

/**
 * One CPU's translation caches and its x86 cpu_tlbstate. Translations are tagged by mm (PCID /
 * ASID): entries of an mm the CPU switched away from stay, and are checked against the mm's
 * tlb_gen when it comes back. The paging-structure cache remembers which PTE table a PMD entry
 * pointed to, so a walk can skip reading the PMD, as hardware does.
 *
 * <p>All state here is changed only inside events whose footprint writes {@link #key}, and read
 * only inside events that read it: a CPU's own accesses and walks, its own flushes, IPI handlers
 * running on it, and remote broadcast invalidations.
 */
public final class CpuTlb implements Named {
    /** A cached translation: the frame, which allocation of it, and the permissions seen. */
    public record Entry(long pfn, int generation, boolean writable, boolean dirty) {
    }

    public final Kernel k;
    public final Cpu cpu;
    public final long key;
    private final Map<MmStruct, Map<Long, Entry>> tlb = new LinkedHashMap<>();
    private final Map<MmStruct, Map<Integer, PteTable>> walkCache = new LinkedHashMap<>();
    /** cpu_tlbstate.loaded_mm: null is init_mm. */
    MmStruct loadedMm;
    /** cpu_tlbstate.is_lazy: running a kernel thread on a borrowed mm. */
    boolean lazy;
    /** cpu_tlbstate.ctxs[asid].tlb_gen: the mm's tlb_gen this CPU has flushed up to. */
    private final Map<MmStruct, Long> seenGen = new LinkedHashMap<>();

    public CpuTlb(Kernel k, Cpu cpu) {
        this.k = k;
        this.cpu = cpu;
        this.key = k.x.newId();
    }

    public Entry lookup(MmStruct mm, long addr) {
        Map<Long, Entry> m = tlb.get(mm);
        return m == null ? null : m.get(addr & Geometry.PAGE_MASK);
    }

    public PteTable walkLookup(MmStruct mm, int pmdIndex) {
        Map<Integer, PteTable> m = walkCache.get(mm);
        return m == null ? null : m.get(pmdIndex);
    }

    void fill(MmStruct mm, long addr, Entry e) {
        tlb.computeIfAbsent(mm, m -> new LinkedHashMap<>()).put(addr & Geometry.PAGE_MASK, e);
    }

    void fillWalk(MmStruct mm, int pmdIndex, PteTable t) {
        walkCache.computeIfAbsent(mm, m -> new LinkedHashMap<>()).put(pmdIndex, t);
    }

    /** Drops translations of [start, end); with {@code walkToo}, the mm's walk-cache entries as well. */
    void flushRange(MmStruct mm, long start, long end, boolean walkToo) {
        Map<Long, Entry> m = tlb.get(mm);
        if (m != null) {
            m.keySet().removeIf(a -> a >= start && a < end);
        }
        if (walkToo) {
            walkCache.remove(mm);
        }
    }

    void flushMm(MmStruct mm) {
        tlb.remove(mm);
        walkCache.remove(mm);
    }

    /** Setup only: a warm TLB entry, as if the CPU had touched the page. */
    public void fillInSetup(MmStruct mm, long addr, Entry e, PteTable table) {
        fill(mm, addr, e);
        fillWalk(mm, k.geo.pmdIndex(addr), table);
    }

    /** Setup only: the CPU runs {@code mm} (or, lazily, borrows it). */
    public void loadInSetup(MmStruct mm, boolean lazily) {
        loadedMm = mm;
        lazy = lazily;
        if (mm != null) {
            seenGen.put(mm, mm.tlbGen.peek());
        }
    }

    public MmStruct loadedMm() {
        return loadedMm;
    }

    public boolean lazy() {
        return lazy;
    }

    long seenGen(MmStruct mm) {
        return seenGen.getOrDefault(mm, 0L);
    }

    void setSeenGen(MmStruct mm, long gen) {
        seenGen.put(mm, gen);
    }

    public int entriesForCheck(MmStruct mm) {
        Map<Long, Entry> m = tlb.get(mm);
        return m == null ? 0 : m.size();
    }

    @Override
    public String displayName() {
        return cpu.name + ".tlb";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
