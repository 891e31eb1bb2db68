package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.engine.slab.SlabObject;
import mmrace.kernel.world.MmWorld;
import mmrace.kernel.world.Task;
import org.junit.jupiter.api.Test;

/** File and shmem mappings: read, shared-write and private-write faults, truncation, eviction. */
class FileTest {
    @Test
    void readSharedWriteAndPrivateWriteFaults() {
        MmWorld w = MmWorld.builder()
                .file("F", 4, f -> f.cached(0).disk(1, 11))
                .process("P", p -> {
                    p.fileShared(0x0, 4, "F", 0);
                    p.filePrivate(0x4000, 4, "F", 0);
                })
                .cpu("P", t -> {
                    t.record("cached", t.read(0x0));
                    t.record("fromdisk", t.read(0x1000));
                    t.write(0x2000, 22);
                    t.record("shared", t.read(0x2000));
                    t.write(0x5000, 33);
                    t.record("private", t.read(0x5000));
                    t.record("fileunder", t.read(0x1000));
                })
                .atEnd(s -> s.check(s.pageAt("P", 0x5000) != s.pageAt("P", 0x1000), "cow", "private write copied"))
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:cached=100; CPU0:fileunder=11; CPU0:fromdisk=11; CPU0:private=33; CPU0:shared=22;",
                x.finalState(), Smoke.trace(x));
    }

    @Test
    void shmemPagesAreSwapBackedAndCountedAsShmem() {
        MmWorld w = MmWorld.builder()
                .shmem("S", 4, f -> { })
                .process("P", p -> p.fileShared(0x0, 4, "S", 0))
                .cpu("P", t -> {
                    t.write(0x1000, 5);
                    t.record("r", t.read(0x1000));
                    t.record("shmem_rss", t.mm().rss[mmrace.kernel.mm.RssCounter.MM_SHMEMPAGES.ordinal()].peek());
                })
                .build();
        Execution x = w.run(1);
        assertEquals("CPU0:r=5; CPU0:shmem_rss=1;", x.finalState(), Smoke.trace(x));
    }

    /** A fault racing with truncation: it maps the page (then truncation unmaps it) or gets SIGBUS. */
    @Test
    void faultVsTruncateIsVerified() {
        MmWorld w = MmWorld.builder()
                .file("F", 4, f -> f.cached(1))
                .process("P", p -> p.fileShared(0x0, 4, "F", 0))
                .cpu("P", t -> t.record("r", t.read(0x1000)))
                .cpu("P", t -> t.truncate("F", 1))
                .atEnd(s -> s.check(s.pte("P", 0x1000) == 0, "beyond-eof", "a page beyond EOF is still mapped"))
                .build();
        ExploreResult r = w.explore(w.options().withCollectStates(true));
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
        assertEquals(java.util.Set.of("CPU0:r=101;", "CPU0:r=" + Task.SIGNAL + ";"), r.finalStates());
    }

    /** The last reference to an unlinked file: its pages go, and the inode is freed after a grace period. */
    @Test
    void unlinkedFileIsEvictedWhenTheLastMappingGoes() {
        MmWorld w = MmWorld.builder()
                .file("F", 2, f -> f.cached(0).cached(1))
                .process("P", p -> {
                    p.fileShared(0x0, 2, "F", 0);
                    p.present(0x0, 0);
                })
                .cpu("P", t -> {
                    t.unlinkAndClose("F");
                    t.record("r", t.read(0x1000));
                    t.munmap(0x0, 0x2000);
                })
                .atEnd(s -> s.check(s.inode("F").state() != SlabObject.State.LIVE, "evicted", "inode not freed"))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    /** Reclaim of a clean page-cache page mapped by a process, racing with a read through that mapping. */
    @Test
    void reclaimOfAFilePageVsReadIsVerified() {
        MmWorld w = MmWorld.builder()
                .file("F", 4, f -> f.cached(1))
                .process("P", p -> {
                    p.fileShared(0x0, 4, "F", 0);
                    p.present(0x1000, 0).clean();
                })
                .kthreadLazy("P", t -> t.shrink(4))
                .cpu("P", t -> t.record("r", t.read(0x1000)))
                .build();
        ExploreResult r = w.explore(w.options().withCollectStates(true));
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
        assertEquals(java.util.Set.of("CPU1:r=101;"), r.finalStates());
    }
}
