package mmrace.kernel.arch;

import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.OpKind;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;
import mmrace.kernel.Ops;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.Pmd;
import mmrace.kernel.mm.Pte;
import mmrace.kernel.mm.PteTable;

/**
 * The CPU's memory management unit: a user-space load or store looks in the TLB first and uses
 * a hit as is — a stale entry is observable, which is the point — and on a miss (or an entry
 * without the needed permission) walks the page tables in hardware, sets the accessed and dirty
 * bits with an atomic update, and fills the TLB and the paging-structure cache.
 *
 * <p>An access and a walk are each one event: interrupts (flush IPIs) arrive between
 * instructions, and a broadcast TLBI's DSB waits for walks in flight, so neither can split them.
 */
public final class Mmu {
    private Mmu() {
    }

    /** What a user access ended with. */
    public enum Fault { NONE, NOT_PRESENT, PROTECTION }

    /** The outcome of {@link #access}: a fault to handle, or the value read (or written). */
    public record Result(Fault fault, long value) {
    }

    /** A user load ({@code write} false) or store of {@code value} at {@code addr} on the running CPU. */
    public static Result access(Kernel k, MmStruct mm, long addr, boolean write, long value) {
        Execution x = k.x;
        CpuTlb me = k.tlb();
        if (me.loadedMm != mm) {
            throw new IllegalStateException(me.cpu + " accesses " + mm + " but has " + me.loadedMm + " loaded");
        }
        for (;;) {
            CpuTlb.Entry e = me.lookup(mm, addr);
            if (e == null || write && !(e.writable() && e.dirty())) {
                Fault f = walk(k, me, mm, addr, write);
                if (f != Fault.NONE) {
                    return new Result(f, 0);
                }
                continue;
            }
            Page p = k.pages.page(e.pfn());
            String op = (write ? "user write " : "user read ") + hex(addr);
            Event ev = x.begin(write ? OpKind.STORE : OpKind.LOAD, op, p.data,
                    Ops.fp(me.key, Mode.READ, p.data.id, write ? Mode.WRITE : Mode.READ), null);
            if (me.lookup(mm, addr) != e) {
                ev.setFootprint(Ops.fp(me.key, Mode.READ));
                ev.note = "TLB entry changed, retry";
                continue;
            }
            if (p.isFree() || p.generation() != e.generation()) {
                throw x.fail(FindingKind.CHECK, CheckNames.STALE_TLB, me.cpu + " " + op + " through a stale TLB entry to "
                        + p + ", which was freed" + (p.isFree() ? "" : " and reallocated"));
            }
            if (write) {
                x.memory().store(x.current(), p.data, value, Order.ONCE);
                ev.a = value;
                return new Result(Fault.NONE, value);
            }
            long v = x.memory().load(x.current(), p.data, Order.ONCE);
            ev.a = v;
            return new Result(Fault.NONE, v);
        }
    }

    /**
     * A hardware page walk for {@code addr} on {@code me}: fills the TLB or reports the fault.
     * Also what a speculative walk (prefetch on a lazy CPU) does.
     */
    public static Fault walk(Kernel k, CpuTlb me, MmStruct mm, long addr, boolean write) {
        Execution x = k.x;
        Geometry g = k.geo;
        int pi = g.pmdIndex(addr);
        int i = g.pteIndex(addr);
        Loc pmdLoc = mm.pmd[pi];
        for (;;) {
            PteTable cached = me.walkLookup(mm, pi);
            PteTable guess = cached != null ? cached : tableOf(k, x.memory().peek(pmdLoc));
            long[] fp = guess == null ? Ops.fp(me.key, Mode.WRITE, pmdLoc.id, Mode.READ)
                    : Ops.fp(me.key, Mode.WRITE, pmdLoc.id, Mode.READ, guess.ptes[i].id, Mode.WRITE);
            Event ev = Ops.op(x, "hw page walk " + hex(addr) + (write ? " (write)" : ""), me, fp);
            if (me.loadedMm != mm) {
                // The CPU switched page tables meanwhile (an IPI moved a lazy CPU to init_mm):
                // the walker uses the page tables loaded now.
                ev.setFootprint(Ops.fp(me.key, Mode.READ));
                ev.note = mm + " no longer loaded";
                return Fault.NOT_PRESENT;
            }
            PteTable t = me.walkLookup(mm, pi);
            if (t != null) {
                if (!t.live()) {
                    throw x.fail(FindingKind.CHECK, CheckNames.PGTABLE_FREED, me.cpu + "'s page walker follows a cached PMD entry of "
                            + mm + " to " + t + ", which was freed");
                }
            } else {
                long pmd = x.memory().load(x.current(), pmdLoc, Order.ONCE);
                if (!Pmd.present(pmd)) {
                    ev.setFootprint(Ops.fp(me.key, Mode.WRITE, pmdLoc.id, Mode.READ));
                    ev.note = "pmd none: fault";
                    return Fault.NOT_PRESENT;
                }
                if (Pmd.transHuge(pmd)) {
                    ev.setFootprint(Ops.fp(me.key, Mode.WRITE, pmdLoc.id, Mode.READ));
                    return fillHuge(k, me, mm, addr, pmd, write, ev);
                }
                t = tableOf(k, pmd);
                if (t == null || !t.live()) {
                    throw x.fail(FindingKind.CHECK, CheckNames.PGTABLE_FREED, me.cpu + "'s page walker reads "
                            + mm + "'s PMD pointing to a freed page table");
                }
            }
            if (t != guess) {
                ev.setFootprint(Ops.fp(me.key, Mode.WRITE, pmdLoc.id, Mode.READ));
                ev.note = "page table changed, retry";
                continue;
            }
            me.fillWalk(mm, pi, t);
            Loc pteLoc = t.ptes[i];
            long pte = x.memory().load(x.current(), pteLoc, Order.ONCE);
            if (!Pte.present(pte) || write && !Pte.write(pte)) {
                ev.setFootprint(Ops.fp(me.key, Mode.WRITE, pmdLoc.id, Mode.READ, pteLoc.id, Mode.READ));
                ev.note = Pte.present(pte) ? "read-only pte: fault" : "pte " + Pte.describe(pte) + ": fault";
                return Pte.present(pte) ? Fault.PROTECTION : Fault.NOT_PRESENT;
            }
            long bits = Pte._PAGE_ACCESSED | (write ? Pte._PAGE_DIRTY : 0);
            if ((pte & bits) != bits) {
                // The locked read-modify-write hardware does to set A/D.
                x.memory().rmw(x.current(), pteLoc, Order.FULL, v -> v | bits, true);
                pte |= bits;
            } else {
                ev.setFootprint(Ops.fp(me.key, Mode.WRITE, pmdLoc.id, Mode.READ, pteLoc.id, Mode.READ));
            }
            Page p = k.pages.page(Pte.pfn(pte));
            me.fill(mm, addr, new CpuTlb.Entry(p.pfn, p.generation(), Pte.write(pte), Pte.dirty(pte)));
            ev.note = "fill " + Pte.describe(pte);
            return Fault.NONE;
        }
    }

    private static Fault fillHuge(Kernel k, CpuTlb me, MmStruct mm, long addr, long pmd, boolean write, Event ev) {
        if (write && !Pte.write(pmd)) {
            ev.note = "read-only huge pmd: fault";
            return Fault.PROTECTION;
        }
        Page head = k.pages.page(Pmd.pfn(pmd));
        // The model's THP is its head frame alone (Page#compoundNr); otherwise pfn + index.
        Page p = head.compoundNr() > 0 ? head : k.pages.page(Pmd.pfn(pmd) + k.geo.pteIndex(addr));
        me.fill(mm, addr, new CpuTlb.Entry(p.pfn, p.generation(), Pte.write(pmd), Pte.dirty(pmd) || write));
        ev.note = "fill from huge pmd";
        return Fault.NONE;
    }

    private static PteTable tableOf(Kernel k, long pmd) {
        return Pmd.table(pmd) ? k.pages.page(Pmd.pfn(pmd)).table() : null;
    }

    static String hex(long a) {
        return "0x" + Long.toHexString(a);
    }
}
