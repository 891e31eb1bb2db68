package mmrace.kernel.arch;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Mode;
import mmrace.engine.sync.Interrupts;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.Ops;
import mmrace.kernel.mm.MmStruct;

/**
 * Alpha (arch/alpha/kernel/smp.c, v5.6): no broadcast invalidation; flush_tlb_mm/range/page
 * on SMP flush locally and send ipi_flush_tlb_* to the other CPUs with smp_call_function(...,
 * wait = 1), so, as on x86, a CPU with interrupts off holds the flush up. flush_tlb_range is
 * flush_tlb_mm. Page tables go back after the flush, no RCU table freeing. Memory model:
 * LKMM without dependency ordering (smp_read_barrier_depends, READ_ONCE from 4.15).
 */
final class Alpha implements Arch {
    static final Alpha INSTANCE = new Alpha();

    private Alpha() {
    }

    @Override
    public String name() {
        return "alpha";
    }

    /** alpha set_pte(): {@code *ptep = pteval}, a plain C store (arch/alpha/include/asm/pgtable.h). */
    @Override
    public mmrace.engine.mem.Order setPteOrder() {
        return mmrace.engine.mem.Order.PLAIN;
    }

    @Override
    public String memoryModelName() {
        return MemoryModels.LKMM_ALPHA;
    }


    /** flush_tlb_current(mm) here, then ipi_flush_tlb_mm on every other CPU, waited for. */
    private void flushMm(Kernel k, String op, MmStruct mm) {
        try (Fn f = Fn.enter(k.x, op)) {
            CpuTlb me = k.tlb();
            Ops.op(k.x, "flush_tlb_current", me, Ops.fp(me.key, Mode.WRITE));
            me.flushMm(mm);
            Cpu self = me.cpu;
            List<Cpu> others = new ArrayList<>();
            for (CpuTlb t : k.allTlbs()) {
                if (t.cpu != self) {
                    others.add(t.cpu);
                }
            }
            if (!others.isEmpty()) {
                Interrupts.smpCallFunctionMany(k.x, others, "ipi_flush_tlb_mm", c -> {
                    CpuTlb t = k.tlb(c);
                    Ops.op(k.x, "ipi_flush_tlb_mm", t, Ops.fp(t.key, Mode.WRITE));
                    t.flushMm(mm);
                }, true);
            }
        }
    }

    @Override
    public void flushTlbPage(Kernel k, MmStruct mm, long addr) {
        flushMm(k, "flush_tlb_page", mm);
    }

    @Override
    public void flushTlbRange(Kernel k, MmStruct mm, long start, long end) {
        flushMm(k, "flush_tlb_range", mm);
    }

    @Override
    public void flushTlbMm(Kernel k, MmStruct mm) {
        flushMm(k, "flush_tlb_mm", mm);
    }

    @Override
    public void tlbFlush(Kernel k, MmStruct mm, long start, long end, boolean freedTables, boolean fullmm) {
        flushMm(k, "tlb_flush", mm);
    }

    @Override
    public boolean rcuTableFree() {
        return false;
    }

    @Override
    public boolean batchedUnmapFlush() {
        return false;
    }

    @Override
    public boolean haveMovePmd() {
        return false;
    }

    @Override
    public void tlbbatchAddMm(Kernel k, TlbBatch batch, MmStruct mm) {
        throw new UnsupportedOperationException("alpha has no batched unmap flush");
    }

    @Override
    public void tlbbatchFlush(Kernel k, TlbBatch batch) {
        throw new UnsupportedOperationException("alpha has no batched unmap flush");
    }

    /** switch_mm(): a new ASN; entries stay tagged. */
    @Override
    public void switchMm(Kernel k, MmStruct next) {
        CpuTlb me = k.tlb();
        Ops.op(k.x, "switch_mm", me, Ops.fp(me.key, Mode.WRITE));
        me.loadedMm = next;
        me.lazy = false;
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
