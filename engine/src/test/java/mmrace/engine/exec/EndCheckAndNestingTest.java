package mmrace.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.explore.Verdict;
import mmrace.engine.mem.Loc;
import mmrace.engine.sync.LockClass;
import mmrace.engine.sync.RwSemaphore;
import org.junit.jupiter.api.Test;

/** The two engine additions the kernel model needs: end-of-execution checks and down_write_nested. */
class EndCheckAndNestingTest {
    /** Two unlocked increments: the end check sees the lost update in one interleaving. */
    @Test
    void endCheckFindsALostUpdate() {
        Program p = x -> {
            Loc v = new Loc(x, "v", 0);
            for (int i = 0; i < 2; i++) {
                x.cpu(() -> v.writeOnce(v.readOnce() + 1));
            }
            x.atEnd(() -> x.check(v.peek() == 2, "sum", "v = " + v.peek()));
        };
        ExploreResult r = Explorer.explore(p, ExploreOptions.defaults());
        assertEquals(Verdict.BUG, r.verdict());
        assertEquals("sum", r.counterexample().mainFinding().check());
    }

    @Test
    void endCheckHoldsWhenEveryInterleavingIsRight() {
        Program p = x -> {
            Loc v = new Loc(x, "v", 0);
            for (int i = 0; i < 2; i++) {
                x.cpu(() -> v.rmw(mmrace.engine.mem.Order.FULL, "atomic_inc", o -> o + 1));
            }
            x.atEnd(() -> x.check(v.peek() == 2, "sum", "v = " + v.peek()));
        };
        ExploreResult r = Explorer.explore(p, ExploreOptions.defaults());
        assertEquals(Verdict.VERIFIED, r.verdict());
        assertEquals(2, r.executions());
    }

    /** dup_mmap's down_write_nested of the child's mmap_lock is not a recursive-locking splat. */
    @Test
    void downWriteNestedIsNotRecursiveLocking() {
        LockClass mmap = LockClass.of("mmap_lock", 20);
        Program nested = x -> {
            RwSemaphore a = new RwSemaphore(x, "parent->mmap_lock", mmap);
            RwSemaphore b = new RwSemaphore(x, "child->mmap_lock", mmap);
            x.cpu(() -> {
                a.downWrite();
                b.downWriteNested();
                b.upWrite();
                a.upWrite();
            });
        };
        assertEquals(Verdict.VERIFIED, Explorer.explore(nested, ExploreOptions.defaults()).verdict());
        Program plain = x -> {
            RwSemaphore a = new RwSemaphore(x, "parent->mmap_lock", mmap);
            RwSemaphore b = new RwSemaphore(x, "child->mmap_lock", mmap);
            x.cpu(() -> {
                a.downWrite();
                b.downWrite();
                b.upWrite();
                a.upWrite();
            });
        };
        ExploreResult r = Explorer.explore(plain, ExploreOptions.defaults());
        assertEquals(Verdict.BUG, r.verdict());
        assertTrue(r.otherFindings().stream().anyMatch(c -> c.mainFinding().check().equals("recursive-locking")));
    }

    /** rwsem_is_locked() is a read of the lock word: ordered against acquisitions, both outcomes explored. */
    @Test
    void rwsemIsLockedSeesHoldersAndIsOrderedWithThem() {
        Program p = x -> {
            RwSemaphore sem = new RwSemaphore(x, "anon_vma->rwsem", LockClass.UNRANKED);
            x.cpu(() -> {
                sem.downRead();
                sem.upRead();
            });
            x.cpu(() -> x.record("locked", sem.isLocked() ? 1 : 0));
        };
        ExploreResult r = Explorer.explore(p, ExploreOptions.defaults().withCollectStates(true));
        assertEquals(Verdict.VERIFIED, r.verdict());
        assertEquals(java.util.Set.of("CPU1:locked=0;", "CPU1:locked=1;"), r.finalStates());
    }
}
