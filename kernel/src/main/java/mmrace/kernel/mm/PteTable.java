package mmrace.kernel.mm;

import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Named;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Kernel;
import mmrace.kernel.LockClasses;
import mmrace.kernel.check.CheckNames;

/**
 * A PTE table: a page-table page holding PTRS_PER_PTE entries and, in its struct page, the
 * split PTE lock (page->ptl). Every access goes through here so that an access after the
 * frame was freed is reported as {@code pgtable-freed-under-walker}, whoever the walker is.
 *
 * <p>Entries: write under {@link #ptl} (set_pte_at, ptep_get_and_clear), or by the hardware
 * walker's atomic A/D update; read under ptl, or locklessly (READ_ONCE: gup_fast, the hardware).
 */
public final class PteTable implements Named {
    public final Page page;
    public final Loc[] ptes;
    /** page->ptl: the split PTE lock (pte_lockptr()). */
    public final SpinLock ptl;
    /** The mm it was allocated for (ghost, for traces and checks). */
    public final MmStruct mm;
    /** False once the frame went back to the allocator. Changed only in its FREE event. */
    private boolean live = true;
    private final String name;

    PteTable(Kernel k, Page page, MmStruct mm) {
        this.page = page;
        this.mm = mm;
        this.name = "pte_table@" + page;
        this.ptes = new Loc[k.geo.ptrsPerPte()];
        for (int i = 0; i < ptes.length; i++) {
            ptes[i] = new Loc(k.x, name + "[" + i + "]", 0);
        }
        this.ptl = new SpinLock(k.x, "ptl(" + page + ")", LockClasses.PTL);
        page.table = this;
    }

    public boolean live() {
        return live;
    }

    void dead() {
        live = false;
    }

    private void checkLive(String op) {
        if (!live) {
            Kernel k = page.k;
            throw k.x.fail(FindingKind.CHECK, CheckNames.PGTABLE_FREED, op + " on " + name
                    + ", whose page was freed" + (page.role == Page.Role.FREE ? "" : " and reused as " + page.role));
        }
    }

    /** A plain read of an entry ({@code *pte}, ptep_get before v5.8). */
    public long get(int i) {
        return read(i, Order.PLAIN, "*pte");
    }

    public long read(int i, Order order, String op) {
        long v = ptes[i].load(order, op);
        checkLive(op);
        return v;
    }

    /**
     * set_pte_at() / set_pte(): a store with no barrier; {@code Order.PLAIN} means "as the
     * architecture's set_pte() writes" ({@link mmrace.kernel.arch.Arch#setPteOrder}: WRITE_ONCE
     * except on alpha), a stronger order (a store-release variant) is kept.
     */
    public void set(int i, long v, Order order, String op) {
        checkLive(op);
        ptes[i].store(v, order == Order.PLAIN ? page.k.arch.setPteOrder() : order, op);
        checkLive(op);
    }

    /** An atomic exchange: ptep_get_and_clear() (xchg on SMP), returns the old entry. */
    public long xchg(int i, long v, String op) {
        long old = ptes[i].rmw(Order.FULL, op, o -> v);
        checkLive(op);
        return old;
    }

    /** An atomic update of some bits: ptep_set_wrprotect, ptep_test_and_clear_young. */
    public long update(int i, String op, LongUnaryOperator f) {
        long old = ptes[i].rmw(Order.ONCE, op, f);
        checkLive(op);
        return old;
    }

    /** A conditional atomic update (ptep_set_access_flags' cmpxchg); returns the old entry. */
    public long condUpdate(int i, String op, LongPredicate cond, LongUnaryOperator f) {
        long old = ptes[i].condRmw(Order.FULL, op, cond, f);
        checkLive(op);
        return old;
    }

    /** The value without an event: for checks and setup only. */
    public long peek(int i) {
        return ptes[i].peek();
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
