package mmrace.kernel.arch;

import java.util.List;
import mmrace.engine.exec.Mode;
import mmrace.kernel.Fn;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.Ops;
import mmrace.kernel.mm.MmStruct;

/**
 * An architecture whose TLB flush is a hardware broadcast (arm64 TLBI IS, power tlbie, s390
 * IPTE/IDTE): it invalidates the entries on every CPU, interrupts off or not, and waits for
 * in-flight walks — no IPI, so nothing waits for an IRQs-off walker. Page tables are freed
 * after an RCU grace period (MMU_GATHER_RCU_TABLE_FREE), which is what protects gup_fast.
 * Subclasses name the instructions and the memory model.
 */
abstract class BroadcastTlbArch implements Arch {
    /** The instruction names for a page (leaf only), a range, and a whole mm. */
    private final String pageOp;
    private final String rangeOp;
    private final String mmOp;

    BroadcastTlbArch(String pageOp, String rangeOp, String mmOp) {
        this.pageOp = pageOp;
        this.rangeOp = rangeOp;
        this.mmOp = mmOp;
    }


    /** One broadcast invalidation + DSB ISH: writes every CPU's TLB. */
    private void tlbi(Kernel k, String op, MmStruct mm, long start, long end, boolean leafOnly) {
        List<CpuTlb> all = k.allTlbs();
        Object[] fp = new Object[2 * all.size()];
        for (int i = 0; i < all.size(); i++) {
            fp[2 * i] = all.get(i).key;
            fp[2 * i + 1] = Mode.WRITE;
        }
        Ops.op(k.x, op + barrierSuffix(), mm, Ops.fp(fp));
        for (CpuTlb t : all) {
            if (start == 0 && end == -1) {
                t.flushMm(mm);
            } else {
                t.flushRange(mm, start, end, !leafOnly);
            }
        }
    }

    @Override
    public void flushTlbPage(Kernel k, MmStruct mm, long addr) {
        try (Fn f = Fn.enter(k.x, "flush_tlb_page")) {
            tlbi(k, pageOp, mm, addr, addr + Geometry.PAGE_SIZE, true);
        }
    }

    @Override
    public void flushTlbRange(Kernel k, MmStruct mm, long start, long end) {
        try (Fn f = Fn.enter(k.x, "__flush_tlb_range")) {
            tlbi(k, rangeOp, mm, start, end, false);
        }
    }

    @Override
    public void flushTlbMm(Kernel k, MmStruct mm) {
        try (Fn f = Fn.enter(k.x, "flush_tlb_mm")) {
            tlbi(k, mmOp, mm, 0, -1, false);
        }
    }

    @Override
    public void tlbFlush(Kernel k, MmStruct mm, long start, long end, boolean freedTables, boolean fullmm) {
        try (Fn f = Fn.enter(k.x, "tlb_flush")) {
            if (fullmm) {
                tlbi(k, mmOp, mm, 0, -1, false);
            } else {
                tlbi(k, freedTables ? rangeOp : pageOp, mm, start, end, !freedTables);
            }
        }
    }

    /** What follows the invalidation to wait for its completion (dsb ish, ptesync, ...). */
    abstract String barrierSuffix();

    @Override
    public boolean rcuTableFree() {
        return true;
    }

    /** CONFIG_HAVE_MOVE_PMD: not selected by these in v5.6 as far as the model knows; mremap moves PTEs one by one. */
    @Override
    public boolean haveMovePmd() {
        return false;
    }

    @Override
    public boolean batchedUnmapFlush() {
        return false;
    }

    @Override
    public void tlbbatchAddMm(Kernel k, TlbBatch batch, MmStruct mm) {
        throw new UnsupportedOperationException(name() + " has no batched unmap flush in v5.6");
    }

    @Override
    public void tlbbatchFlush(Kernel k, TlbBatch batch) {
        throw new UnsupportedOperationException(name() + " has no batched unmap flush in v5.6");
    }

    /** switch_mm(): TTBR0 with the next ASID; entries stay tagged by ASID, no cpumask. */
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
