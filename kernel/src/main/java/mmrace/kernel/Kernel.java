package mmrace.kernel;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Execution;
import mmrace.engine.slab.KmemCache;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.arch.CpuTlb;
import mmrace.kernel.mm.MmStructs;
import mmrace.kernel.mm.PageAlloc;
import mmrace.kernel.mm.Lruvec;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.mm.Inode;
import mmrace.kernel.mm.SwapInfo;
import mmrace.kernel.mm.Caches;
import mmrace.kernel.variant.Variant;
import mmrace.kernel.variant.Variants;

/**
 * The modelled machine of one execution: configuration, physical memory, the slab caches, the
 * LRU, the swap device, and the CPUs' TLBs. Created by the world's setup (re-created for every
 * execution) and found from anywhere with {@link #of}.
 */
public final class Kernel {
    public final Execution x;
    public final KernelConfig cfg;
    public final Geometry geo;
    public final Arch arch;
    public final Variants variants;
    public final PageAlloc pages;
    public final Caches caches;
    public final Lruvec lruvec;
    public final SwapInfo swap;
    /** Ghost registries for the checks: every mm and inode ever created in this execution. */
    private final List<MmStruct> mms = new ArrayList<>();
    private final List<Inode> inodes = new ArrayList<>();
    private final boolean sc;
    /** Ghost: pages shared copy-on-write by a fork, with the child and the contents at the end of fork. */
    private final List<CowShare> cowShares = new ArrayList<>();

    /** Ghost: pages get_user_pages_fast returned and still pinned, for the gup-page-mapped check. */
    private final List<GupPin> gupPins = new ArrayList<>();

    /** A page GUP returned for {@code addr} of {@code mm}, still referenced by the caller. */
    public record GupPin(MmStruct mm, long addr, mmrace.kernel.mm.Page page) {
    }

    /** A page a fork left shared copy-on-write with {@code child}, and what it held then. */
    public record CowShare(mmrace.kernel.mm.Page page, MmStruct child, long value) {
    }

    private Kernel(Execution x, KernelConfig cfg) {
        this.x = x;
        this.cfg = cfg;
        this.geo = cfg.geometry();
        this.arch = cfg.arch();
        this.variants = cfg.variants();
        this.sc = x.config().memoryModel().name().equals("sc");
        this.pages = new PageAlloc(this, cfg.nrPages());
        this.caches = new Caches(this);
        this.lruvec = MmStructs.newLruvec(this);
        this.swap = MmStructs.newSwapInfo(this, cfg.swapSlots());
    }

    /** Creates the machine for execution {@code x}. During setup, once. */
    public static Kernel create(Execution x, KernelConfig cfg) {
        Kernel k = new Kernel(x, cfg);
        Kernel had = x.attachment(Kernel.class, () -> k);
        if (had != k) {
            throw new IllegalStateException("a Kernel exists already in this execution");
        }
        return k;
    }

    public static Kernel of(Execution x) {
        return x.attachment(Kernel.class, () -> {
            throw new IllegalStateException("no Kernel in this execution");
        });
    }

    public <T extends Enum<T> & Variant> T variant(Class<T> axis) {
        return variants.get(axis);
    }

    /** Whether loads see the last store (SC): then some checks can fire at the faulty store. */
    public boolean scMemory() {
        return sc;
    }

    /** The TLB of CPU {@code c}. */
    public CpuTlb tlb(Cpu c) {
        return c.perCpu(CpuTlb.class, () -> {
            throw new IllegalStateException(c + " has no TLB: create CPUs through the world");
        });
    }

    /** The TLB of the running CPU. */
    public CpuTlb tlb() {
        return tlb(x.requireProc("this_cpu tlb").cpu);
    }

    /** current: the task of the running CPU. */
    public TaskStruct current() {
        mmrace.engine.exec.Cpu c = x.requireProc("current").cpu;
        return c.perCpu(TaskStruct.class, () -> {
            throw new IllegalStateException(c + " has no task: create CPUs through the world");
        });
    }

    public List<CpuTlb> allTlbs() {
        List<CpuTlb> out = new ArrayList<>();
        for (Cpu c : x.cpus()) {
            out.add(tlb(c));
        }
        return out;
    }

    /** Records a page shared copy-on-write at the end of a fork (ghost state for the cow-isolation check). */
    public void cowShared(mmrace.kernel.mm.Page page, MmStruct child, long value) {
        cowShares.add(new CowShare(page, child, value));
    }

    public List<CowShare> cowShares() {
        return cowShares;
    }

    /** Records a page get_user_pages_fast returned (ghost state for the gup-page-mapped check). */
    public void gupPinned(MmStruct mm, long addr, mmrace.kernel.mm.Page page) {
        gupPins.add(new GupPin(mm, addr, page));
    }

    /** Forgets a pin when its page is released. */
    public void gupUnpinned(mmrace.kernel.mm.Page page) {
        for (int i = 0; i < gupPins.size(); i++) {
            if (gupPins.get(i).page() == page) {
                gupPins.remove(i);
                return;
            }
        }
    }

    public List<GupPin> gupPins() {
        return gupPins;
    }

    public void register(MmStruct mm) {
        mms.add(mm);
    }

    public void register(Inode inode) {
        inodes.add(inode);
    }

    public List<MmStruct> allMms() {
        return mms;
    }

    /** The mm of the process named {@code name} (or a forked child), for kernel threads and tests. */
    public MmStruct mm(String name) {
        for (MmStruct m : mms) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no mm " + name);
    }

    /** The mms that have not been torn down (exit_mmap not run). */
    public List<MmStruct> liveMms() {
        return mms.stream().filter(m -> !m.exited()).toList();
    }

    public List<Inode> allInodes() {
        return inodes;
    }

    /** kmem caches by their kernel names. */
    public KmemCache<?> cache(String name) {
        return caches.byName(name);
    }
}
