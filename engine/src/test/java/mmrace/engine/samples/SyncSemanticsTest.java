package mmrace.engine.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Program;
import mmrace.engine.exec.RcuFlavour;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.explore.Verdict;
import mmrace.engine.mem.Loc;
import mmrace.engine.slab.Heap;
import mmrace.engine.slab.KmemCache;
import mmrace.engine.sync.Bitops;
import mmrace.engine.sync.Interrupts;
import mmrace.engine.sync.Irq;
import mmrace.engine.sync.Rcu;
import mmrace.engine.sync.RwSemaphore;
import mmrace.engine.sync.LockClass;
import org.junit.jupiter.api.Test;

/**
 * The semantics of IRQs, IPIs, RCU flavours and bit operations, each shown by a program that
 * is VERIFIED and its counterfactual twin that is a BUG.
 */
class SyncSemanticsTest {
    private static ExploreResult explore(Program p, RcuFlavour rcu) {
        return Explorer.explore(p, ExploreOptions.defaults().withExec(ExecConfig.defaults().withRcu(rcu)));
    }

    /**
     * A lockless walker with IRQs off (fast GUP's pattern) reads a pointer, then the object;
     * the updater clears the pointer, then frees the object, with or without first waiting for
     * an IPI to every other CPU (x86's TLB shootdown): the IPI cannot be handled while the
     * walker has IRQs off, so the wait covers the walk.
     */
    private static Program irqOffWalker(boolean ipi) {
        return Program.named("irq-off-walker" + (ipi ? "" : "-no-ipi"), x -> {
            KmemCache<Demos.Foo> cache = KmemCache.create(x, "foo", () -> new Demos.Foo(x));
            Demos.Foo obj = cache.alloc();
            Loc ptr = new Loc(x, "ptr", obj.addr);
            Cpu walker = x.cpu(() -> {
                x.enter("gup_fast");
                long flags = Irq.localIrqSave(x);
                long p = ptr.readOnce();
                if (p != 0) {
                    x.attachment(Heap.class, Heap::new).deref(p, Demos.Foo.class).data.readOnce();
                }
                Irq.localIrqRestore(x, flags);
                x.leave();
            });
            x.cpu(() -> {
                x.enter("unmap");
                long p = ptr.readOnce();
                ptr.writeOnce(0);
                if (ipi) {
                    Interrupts.smpCallFunctionMany(x, List.of(walker), "flush_tlb_func", c -> { }, true);
                }
                cache.free(x.attachment(Heap.class, Heap::new).deref(p, Demos.Foo.class));
                x.leave();
            });
        });
    }

    @Test
    void ipiWaitsForIrqsOffWalker() {
        assertEquals(Verdict.VERIFIED, explore(irqOffWalker(true), RcuFlavour.CONSOLIDATED).verdict());
        ExploreResult bug = explore(irqOffWalker(false), RcuFlavour.CONSOLIDATED);
        assertEquals(Verdict.BUG, bug.verdict());
        assertEquals(FindingKind.USE_AFTER_FREE, bug.counterexample().mainFinding().kind());
    }

    /**
     * The same walker relying on RCU instead: the freer waits for a grace period. From v4.20 an
     * IRQs-off region holds up a normal grace period; before v4.20 only RCU-sched's did.
     */
    private static Program irqOffReaderWithGracePeriod(boolean sched) {
        return Program.named("irq-off-gp", x -> {
            KmemCache<Demos.Foo> cache = KmemCache.create(x, "foo", () -> new Demos.Foo(x));
            Demos.Foo obj = cache.alloc();
            Loc ptr = new Loc(x, "ptr", obj.addr);
            x.cpu(() -> {
                Irq.localIrqDisable(x);
                long p = ptr.readOnce();
                if (p != 0) {
                    x.attachment(Heap.class, Heap::new).deref(p, Demos.Foo.class).data.readOnce();
                }
                Irq.localIrqEnable(x);
            });
            x.cpu(() -> {
                long p = ptr.readOnce();
                ptr.writeOnce(0);
                if (sched) {
                    Rcu.synchronizeRcuSched(x);
                } else {
                    Rcu.synchronizeRcu(x);
                }
                cache.free(x.attachment(Heap.class, Heap::new).deref(p, Demos.Foo.class));
            });
        });
    }

    @Test
    void rcuFlavoursDifferOnIrqsOffReaders() {
        assertEquals(Verdict.BUG, explore(irqOffReaderWithGracePeriod(false), RcuFlavour.PRE_4_20).verdict());
        assertEquals(Verdict.VERIFIED, explore(irqOffReaderWithGracePeriod(true), RcuFlavour.PRE_4_20).verdict());
        assertEquals(Verdict.VERIFIED, explore(irqOffReaderWithGracePeriod(false), RcuFlavour.CONSOLIDATED).verdict());
    }

    /** A non-atomic __set_bit racing with an atomic set_bit of another bit can lose it. */
    private static Program bits(boolean atomic) {
        return Program.named("bits", x -> {
            Loc flags = new Loc(x, "page->flags", 0);
            x.cpu(() -> {
                if (atomic) {
                    Bitops.setBit(1, flags);
                } else {
                    Bitops.nonAtomicSetBit(1, flags);
                }
            });
            x.cpu(() -> Bitops.setBit(2, flags));
            x.cpu(() -> { });
            x.observe("flags", flags);
        });
    }

    @Test
    void nonAtomicBitUpdateLosesAConcurrentAtomicOne() {
        ExploreOptions o = ExploreOptions.defaults().withCollectStates(true);
        ExploreResult lossy = Explorer.explore(bits(false), o);
        assertTrue(lossy.finalStates().contains("flags=2;"), "bit 2 lost: " + lossy.finalStates());
        ExploreResult safe = Explorer.explore(bits(true), o);
        assertEquals(java.util.Set.of("flags=6;"), safe.finalStates());
    }

    @Test
    void sleepingInAtomicContextIsABug() {
        Program p = Program.named("sleep-in-atomic", x -> {
            RwSemaphore sem = new RwSemaphore(x, "mmap_lock", LockClass.UNRANKED);
            x.cpu(() -> {
                Rcu.rcuReadLock(x);
                sem.downRead();
                sem.upRead();
                Rcu.rcuReadUnlock(x);
            });
        });
        ExploreResult r = Explorer.explore(p, ExploreOptions.defaults());
        assertEquals(FindingKind.SLEEP_IN_ATOMIC, r.counterexample().mainFinding().kind());
    }

    @Test
    void virtualThreadCoroutinesExploreTheSameSpace() {
        ExploreOptions o = ExploreOptions.defaults().withExec(ExecConfig.defaults()
                .withCoroutines(mmrace.engine.coro.Coroutines.Kind.VIRTUAL_THREAD));
        assertEquals(64, Explorer.explore(Classic.lastzero(5), o).executions());
        assertEquals(Verdict.BUG, Explorer.explore(Demos.abba(false), o).verdict());
    }
}
