package mmrace.kernel.arch;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Mode;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Interrupts;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.Ops;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.variant.X86LazyFlush;

/**
 * x86-64 (arch/x86/mm/tlb.c, v5.6): a flush bumps mm->context.tlb_gen, flushes the local TLB if
 * the mm is loaded, and sends flush_tlb_func IPIs to the other CPUs in mm_cpumask, waiting for
 * each to acknowledge; a CPU with interrupts off acknowledges only when it enables them (this
 * is what protects gup_fast). Lazy CPUs are skipped unless page tables are being freed; they
 * catch up through tlb_gen when they switch back. Page tables freed by an mmu_gather go back
 * with the pages, after the flush (native, no paravirt: no RCU table freeing).
 */
final class X86 implements Arch {
    static final X86 INSTANCE = new X86();
    /** tlb_single_page_flush_ceiling. */
    private static final long FLUSH_CEILING = 33;
    static final long TLB_FLUSH_ALL = -1;

    private X86() {
    }

    @Override
    public String name() {
        return "x86";
    }

    @Override
    public String memoryModelName() {
        return MemoryModels.TSO;
    }


    /** struct flush_tlb_info. */
    private record Info(MmStruct mm, long start, long end, boolean freedTables, long newGen) {
        boolean all() {
            return end == TLB_FLUSH_ALL;
        }
    }

    @Override
    public void flushTlbPage(Kernel k, MmStruct mm, long addr) {
        try (Fn f = Fn.enter(k.x, "flush_tlb_page")) {
            flushTlbMmRange(k, mm, addr, addr + Geometry.PAGE_SIZE, false);
        }
    }

    @Override
    public void flushTlbRange(Kernel k, MmStruct mm, long start, long end) {
        try (Fn f = Fn.enter(k.x, "flush_tlb_range")) {
            flushTlbMmRange(k, mm, start, end, false);
        }
    }

    @Override
    public void flushTlbMm(Kernel k, MmStruct mm) {
        try (Fn f = Fn.enter(k.x, "flush_tlb_mm")) {
            flushTlbMmRange(k, mm, 0, TLB_FLUSH_ALL, false);
        }
    }

    @Override
    public void tlbFlush(Kernel k, MmStruct mm, long start, long end, boolean freedTables, boolean fullmm) {
        try (Fn f = Fn.enter(k.x, "tlb_flush")) {
            flushTlbMmRange(k, mm, fullmm ? 0 : start, fullmm ? TLB_FLUSH_ALL : end, freedTables);
        }
    }

    /** @see arch/x86/mm/tlb.c flush_tlb_mm_range() (v5.6). Takes: nothing; sends IPIs and waits. */
    void flushTlbMmRange(Kernel k, MmStruct mm, long start, long end, boolean freedTables) {
        try (Fn f = Fn.enter(k.x, "flush_tlb_mm_range")) {
            if (end != TLB_FLUSH_ALL && ((end - start) >> Geometry.PAGE_SHIFT) > FLUSH_CEILING) {
                start = 0;
                end = TLB_FLUSH_ALL;
            }
            // inc_mm_tlb_gen(): "also a barrier that synchronizes with switch_mm()".
            long gen = mm.tlbGen.rmw(Order.FULL, "inc_mm_tlb_gen", g -> g + 1) + 1;
            Info info = new Info(mm, start, end, freedTables, gen);
            flushTlbFuncLocal(k, info);
            flushTlbOthers(k, mm, info, null);
        }
    }

    /** flush_tlb_func_local(): the running CPU, if it has the mm loaded. */
    private void flushTlbFuncLocal(Kernel k, Info info) {
        CpuTlb me = k.tlb();
        Ops.op(k.x, "flush_tlb_func_local", me, Ops.fp(me.key, Mode.WRITE, info.mm.tlbGen.id, Mode.READ));
        if (me.loadedMm == info.mm) {
            flushCommon(k, me, info);
        }
    }

    /**
     * native_flush_tlb_others(): the CPUs of {@code mm}'s cpumask (or of {@code batchMask}),
     * except this one and, unless tables are freed, the lazy ones, get flush_tlb_func_remote.
     */
    private void flushTlbOthers(Kernel k, MmStruct mm, Info info, Long batchMask) {
        Execution x = k.x;
        Cpu self = x.requireProc("flush_tlb_others").cpu;
        List<CpuTlb> all = k.allTlbs();
        Object[] fp = new Object[2 * all.size() + (mm == null ? 0 : 2)];
        for (int i = 0; i < all.size(); i++) {
            fp[2 * i] = all.get(i).key;
            fp[2 * i + 1] = Mode.READ;
        }
        if (mm != null) {
            fp[fp.length - 2] = mm.cpumask.id;
            fp[fp.length - 1] = Mode.READ;
        }
        X86LazyFlush lazyVariant = k.variant(X86LazyFlush.class);
        // 4.19: "a lazy CPU ... will flush on its next switch_mm", but its paging-structure
        // caches may still be walked speculatively, so freeing page tables must reach it.
        boolean skipLazy = lazyVariant == X86LazyFlush.SKIP_LAZY_ALWAYS
                || !info.freedTables && lazyVariant == X86LazyFlush.V5_6;
        Event e = Ops.op(x, skipLazy ? "on_each_cpu_cond_mask(tlb_is_not_lazy)" : "native_flush_tlb_others",
                mm, Ops.fp(fp));
        long mask = mm != null ? x.memory().load(x.current(), mm.cpumask, Order.ONCE) : batchMask;
        List<Cpu> targets = new ArrayList<>();
        for (CpuTlb t : all) {
            if (t.cpu != self && (mask & (1L << t.cpu.id)) != 0 && !(skipLazy && t.lazy)) {
                targets.add(t.cpu);
            }
        }
        e.note = "targets " + targets;
        if (!targets.isEmpty()) {
            Interrupts.smpCallFunctionMany(x, targets, "flush_tlb_func_remote", c -> flushTlbFuncRemote(k, k.tlb(c), info),
                    true);
        }
    }

    /** flush_tlb_func_remote() -> flush_tlb_func_common(), in the IPI handler on the target. */
    private void flushTlbFuncRemote(Kernel k, CpuTlb me, Info info) {
        MmStruct loaded = me.loadedMm;
        long[] fp = loaded == null ? Ops.fp(me.key, Mode.WRITE)
                : Ops.fp(me.key, Mode.WRITE, loaded.tlbGen.id, Mode.READ, loaded.cpumask.id, Mode.WRITE);
        Ops.op(k.x, "flush_tlb_func_common", me, fp);
        if (info.mm != null && info.mm != me.loadedMm) {
            return;
        }
        flushCommon(k, me, info);
    }

    /** flush_tlb_func_common() (v5.6), inside the caller's event. */
    private void flushCommon(Kernel k, CpuTlb me, Info info) {
        MmStruct loaded = me.loadedMm;
        if (loaded == null) {
            return;
        }
        if (me.lazy) {
            // "We're in lazy mode. We need to at least flush our paging-structure cache to
            // avoid speculatively reading garbage into our TLB": switch to init_mm.
            leave(k, me);
            return;
        }
        long mmGen = k.x.memory().peek(loaded.tlbGen);
        long local = me.seenGen(loaded);
        if (local == mmGen) {
            return;
        }
        if (info.mm != null && !info.all() && info.newGen == local + 1 && info.newGen == mmGen) {
            me.flushRange(loaded, info.start, info.end, true);
        } else {
            me.flushMm(loaded);
        }
        me.setSeenGen(loaded, mmGen);
    }

    /** switch_mm_irqs_off(NULL, &init_mm): leaves prev's cpumask, keeps its tagged entries. */
    private void leave(Kernel k, CpuTlb me) {
        MmStruct prev = me.loadedMm;
        int bit = me.cpu.id;
        k.x.memory().rmw(k.x.current(), prev.cpumask, Order.ONCE, m -> m & ~(1L << bit), true);
        me.loadedMm = null;
        me.lazy = false;
    }

    @Override
    public boolean rcuTableFree() {
        return false;
    }

    /** CONFIG_HAVE_MOVE_PMD: selected by x86 since 2c91bd4a4e2e (v4.20). */
    @Override
    public boolean haveMovePmd() {
        return true;
    }

    @Override
    public boolean batchedUnmapFlush() {
        return true;
    }

    /** arch_tlbbatch_add_mm(): inc_mm_tlb_gen(mm); batch->cpumask |= mm_cpumask(mm). */
    @Override
    public void tlbbatchAddMm(Kernel k, TlbBatch batch, MmStruct mm) {
        mm.tlbGen.rmw(Order.FULL, "inc_mm_tlb_gen", g -> g + 1);
        batch.cpumask |= mm.cpumask.readOnce();
    }

    /** @see arch/x86/mm/tlb.c arch_tlbbatch_flush() (v5.6): a full flush of whatever each CPU has loaded. */
    @Override
    public void tlbbatchFlush(Kernel k, TlbBatch batch) {
        try (Fn f = Fn.enter(k.x, "arch_tlbbatch_flush")) {
            Info full = new Info(null, 0, TLB_FLUSH_ALL, false, 0);
            CpuTlb me = k.tlb();
            if ((batch.cpumask & (1L << me.cpu.id)) != 0) {
                MmStruct loaded = me.loadedMm;
                Ops.op(k.x, "flush_tlb_func_local", me, loaded == null ? Ops.fp(me.key, Mode.WRITE)
                        : Ops.fp(me.key, Mode.WRITE, loaded.tlbGen.id, Mode.READ, loaded.cpumask.id, Mode.WRITE));
                flushCommon(k, me, full);
            }
            flushTlbOthers(k, null, full, batch.cpumask);
            batch.cpumask = 0;
        }
    }

    /** @see arch/x86/mm/tlb.c switch_mm_irqs_off() (v5.6). */
    @Override
    public void switchMm(Kernel k, MmStruct next) {
        CpuTlb me = k.tlb();
        MmStruct prev = me.loadedMm;
        List<Object> fp = new ArrayList<>(List.of(me.key, Mode.WRITE));
        if (prev != null) {
            fp.addAll(List.of(prev.cpumask.id, Mode.WRITE));
        }
        if (next != null) {
            fp.addAll(List.of(next.cpumask.id, Mode.WRITE, next.tlbGen.id, Mode.READ));
        }
        Ops.op(k.x, "switch_mm_irqs_off", me, Ops.fp(fp.toArray()));
        boolean wasLazy = me.lazy;
        me.lazy = false;
        if (prev == next) {
            if (wasLazy && next != null && me.seenGen(next) != k.x.memory().peek(next.tlbGen)) {
                me.flushMm(next);
                me.setSeenGen(next, k.x.memory().peek(next.tlbGen));
            }
            return;
        }
        int bit = me.cpu.id;
        if (prev != null) {
            k.x.memory().rmw(k.x.current(), prev.cpumask, Order.ONCE, m -> m & ~(1L << bit), true);
        }
        if (next != null) {
            k.x.memory().rmw(k.x.current(), next.cpumask, Order.ONCE, m -> m | (1L << bit), true);
            long gen = k.x.memory().peek(next.tlbGen);
            if (me.seenGen(next) != gen) {
                me.flushMm(next);
                me.setSeenGen(next, gen);
            }
        }
        me.loadedMm = next;
    }

    @Override
    public void enterLazyTlb(Kernel k) {
        CpuTlb me = k.tlb();
        Ops.op(k.x, "enter_lazy_tlb", me, Ops.fp(me.key, Mode.WRITE));
        if (me.loadedMm != null) {
            me.lazy = true;
        }
    }
}
