package mmrace.cli.report;

import java.util.ArrayList;
import java.util.List;
import mmrace.cli.Run;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Program;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.explore.Verdict;
import mmrace.engine.mem.Loc;
import mmrace.engine.slab.Heap;
import mmrace.engine.slab.KmemCache;
import mmrace.engine.slab.SlabObject;
import mmrace.engine.sync.Interrupts;
import mmrace.engine.sync.Rcu;
import mmrace.engine.sync.SpinLock;

/**
 * A program that puts every kind of thing a timeline draws into one counterexample: a page
 * table freed after a TLB-flush IPI and a grace period, while a walker that neither disables
 * interrupts nor holds RCU reads the table pointer, then dereferences it under the page-table
 * lock: a use-after-free, with a lock hold, an IPI and its ack, a grace period and a race.
 */
final class Showcase {
    private Showcase() {
    }

    /** A page table: one entry is enough. */
    static final class PteTable extends SlabObject {
        final Loc pte;

        PteTable(Execution x) {
            super(x, "pte_table");
            pte = field("pte[0]", 0x1000);
        }
    }

    /** {@code fn} names the walker's function, {@code lock} the lock: tests pass hostile strings here. */
    static Program program(String name, String fn, String lock) {
        return Program.named(name, x -> {
            KmemCache<PteTable> cache = KmemCache.create(x, "pte_table", () -> new PteTable(x));
            PteTable table = cache.alloc();
            Loc pmd = new Loc(x, "pmd", table.addr);
            SpinLock ptl = new SpinLock(x, lock);
            List<Cpu> cpus = new ArrayList<>();
            cpus.add(x.cpu(() -> {
                x.enter("free_pgtables");
                ptl.lock();
                pmd.writeOnce(0);
                ptl.unlock();
                x.enter("flush_tlb_range");
                Interrupts.smpCallFunctionMany(x, List.copyOf(cpus), "flush_tlb_func", c -> { }, true);
                x.leave();
                Rcu.synchronizeRcu(x);
                cache.free(table);
                x.leave();
            }));
            cpus.add(x.cpu(() -> {
                x.enter(fn);
                long p = pmd.readOnce();
                if (p != 0) {
                    ptl.lock();
                    x.attachment(Heap.class, Heap::new).deref(p, PteTable.class).pte.readOnce();
                    ptl.unlock();
                }
                x.leave();
            }));
        });
    }

    static Program program() {
        return program("pgtable-walk", "gup_pte_range", "ptl");
    }

    static Run run(String target, Program p) {
        return new Run(target, "", target, p, ExecConfig.defaults(), Verdict.BUG, 0);
    }

    static ExploreResult explore(Program p) {
        return Explorer.explore(p, ExploreOptions.defaults());
    }
}
