package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.RcuFlavour;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.DestroyInode;
import mmrace.kernel.variant.IsolateDirty;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** Seed S002, first half: compaction's LRU isolation against truncation and the inode's RCU free. */
class CompactionTest {
    static ExploreResult explore(MmWorld w, RcuFlavour rcu) {
        ExploreOptions o = w.options();
        return w.explore(o.withExec(o.exec().withRcu(rcu)));
    }

    /** A dirty page-cache page of F, pinned by someone else; truncation + unlink + close races with compaction. */
    static ExploreResult vsTruncate(IsolateDirty isolate, DestroyInode destroy, RcuFlavour rcu) {
        MmWorld w = MmWorld.builder()
                .name("isolate vs truncate + inode free")
                .variant(isolate)
                .variant(destroy)
                .file("F", 1, f -> f.cachedDirty(0).pinned(0))
                .kthread(t -> {
                    t.truncate("F", 0);
                    t.unlinkAndClose("F");
                })
                .kthread(t -> t.compact())
                .build();
        return SeedCases.log("S002 isolate vs truncate + inode free", rcu.name(), isolate.id() + "," + destroy.id(),
                explore(w, rcu));
    }

    @Test
    void vsTruncate415IsAUseAfterFreeBefore4_20() {
        ExploreResult r = vsTruncate(IsolateDirty.V4_15, DestroyInode.CALL_RCU, RcuFlavour.PRE_4_20);
        assertEquals(Verdict.BUG, r.verdict(), Smoke.describe(r));
        assertEquals(FindingKind.USE_AFTER_FREE, r.counterexample().mainFinding().kind(), Smoke.describe(r));
    }

    @Test
    void vsTruncateFixesAreVerifiedForKasan() {
        for (IsolateDirty v : new IsolateDirty[] {IsolateDirty.TRYLOCK, IsolateDirty.TRYLOCK_FIXED}) {
            ExploreResult r = vsTruncate(v, DestroyInode.CALL_RCU, RcuFlavour.PRE_4_20);
            assertEquals(Verdict.VERIFIED, r.verdict(), v.id() + ": " + Smoke.describe(r));
        }
        ExploreResult sched = vsTruncate(IsolateDirty.V4_15, DestroyInode.CALL_RCU_SCHED, RcuFlavour.PRE_4_20);
        assertEquals(Verdict.VERIFIED, sched.verdict(), Smoke.describe(sched));
    }

    /** Open in SEED-RACES: the consolidated grace period waits for the IRQs-off region. */
    @Test
    void vsTruncate415WithConsolidatedRcu() {
        ExploreResult r = vsTruncate(IsolateDirty.V4_15, DestroyInode.CALL_RCU, RcuFlavour.CONSOLIDATED);
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    /** The functional check: an anon page, dirty, not in the swap cache (page_mapping() == NULL). */
    static ExploreResult dirtyAnon(IsolateDirty v) {
        MmWorld w = MmWorld.builder()
                .name("isolate a dirty page with no mapping")
                .variant(v)
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7).pageDirty();
                })
                .kthread(t -> t.record("isolated", t.compact()))
                .build();
        return SeedCases.log("S002 dirty page with no mapping isolated", "pre-4.20", v.id(), explore(w, RcuFlavour.PRE_4_20));
    }

    @Test
    void dirtyPagesWithoutAMappingAreIsolated() {
        assertEquals(Verdict.VERIFIED, dirtyAnon(IsolateDirty.V4_15).verdict());
        ExploreResult bug = dirtyAnon(IsolateDirty.TRYLOCK);
        assertEquals(Verdict.BUG, bug.verdict(), Smoke.describe(bug));
        assertEquals(CheckNames.ISOLATE_DIRTY_NO_MAPPING, bug.counterexample().mainFinding().check(), Smoke.describe(bug));
        ExploreResult fixed = dirtyAnon(IsolateDirty.TRYLOCK_FIXED);
        assertEquals(Verdict.VERIFIED, fixed.verdict(), Smoke.describe(fixed));
    }
}
