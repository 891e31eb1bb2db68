package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import mmrace.engine.exec.Execution;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.mm.Gup;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.VmFlags;
import mmrace.kernel.variant.GupFollowWrite;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/** get_user_pages, slow path: references and pins, faulting in, and forced writes into private mappings. */
class GupTest {
    static final long RO_PRIVATE = VmFlags.VM_READ | VmFlags.VM_MAYREAD | VmFlags.VM_MAYWRITE;

    @Test
    void getAndPinHoldReferencesUntilReleased() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    List<Page> got = t.gup(0x1000, 2, Gup.FOLL_GET, 0);
                    t.record("n", got.size());
                    t.record("ref", got.get(0).refcount.peek());
                    t.putUserPages(got, Gup.FOLL_GET);
                    List<Page> pinned = t.gup(0x1000, 1, Gup.FOLL_PIN | Gup.FOLL_WRITE, 5);
                    t.record("pinref", pinned.get(0).refcount.peek());
                    t.putUserPages(pinned, Gup.FOLL_PIN);
                    t.record("r", t.read(0x1000));
                })
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:n=2; CPU0:pinref=1025; CPU0:r=5; CPU0:ref=2;", x.finalState(), Smoke.trace(x));
    }

    @Test
    void forcedWriteIntoAReadOnlyPrivateFileMappingCopies() {
        MmWorld w = MmWorld.builder()
                .file("F", 4, f -> f.cached(1))
                .process("P", p -> p.vma(0x0, 4, RO_PRIVATE, "F", 0))
                .cpu("P", t -> {
                    List<Page> got = t.gup(0x1000, 1, Gup.FOLL_GET | Gup.FOLL_WRITE | Gup.FOLL_FORCE, 42);
                    t.record("anon", (got.get(0).mapping.peek() & 1));
                    t.putUserPages(got, Gup.FOLL_GET);
                    t.record("r", t.read(0x1000));
                })
                .atEnd(s -> s.check(s.k.pages.page(s.inode("F").mapping.iPages[1].peek()).data.peek() == 101,
                        "file-intact", "the page cache page was written"))
                .build();
        Execution x = w.run(1);
        assertEquals(Execution.Status.COMPLETE, x.status(), Smoke.trace(x));
        assertEquals("CPU0:anon=1; CPU0:r=42;", x.finalState(), Smoke.trace(x));
    }

    /** A pinned page racing with munmap: the pin keeps it from being freed until it is unpinned. */
    @Test
    void pinVsMunmapIsVerified() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> {
                    p.anon(0x0, 4);
                    p.present(0x1000, 7);
                })
                .cpu("P", t -> {
                    List<Page> got = t.gup(0x1000, 1, Gup.FOLL_PIN, 0);
                    t.putUserPages(got, Gup.FOLL_PIN);
                })
                .cpu("P", t -> t.munmap(0x0, 0x4000))
                .build();
        ExploreResult r = w.explore();
        assertEquals(Verdict.VERIFIED, r.verdict(), Smoke.describe(r));
    }

    /**
     * CVE-2016-5195 (Dirty COW): a forced write through GUP into a read-only private mapping of
     * a file, racing with MADV_DONTNEED of the COW copy. 4.8 retries the lookup as a read after
     * the COW fault and can get the page-cache page; 19be0eaffa3a's FOLL_COW cannot.
     */
    static MmWorld dirtyCow(GupFollowWrite v) {
        return MmWorld.builder()
                .variant(v)
                .file("F", 4, f -> f.cached(1))
                .process("P", p -> p.vma(0x0, 4, RO_PRIVATE, "F", 0))
                .cpu("P", t -> t.putUserPages(t.gup(0x1000, 1, Gup.FOLL_GET | Gup.FOLL_WRITE | Gup.FOLL_FORCE, 42),
                        Gup.FOLL_GET))
                .cpu("P", t -> t.madviseDontneed(0x1000, 0x1000))
                .build();
    }

    @Test
    void dirtyCowIsABugIn4_8AndFixedIn5_6() {
        ExploreResult bug = dirtyCow(GupFollowWrite.V4_8).explore();
        assertEquals(Verdict.BUG, bug.verdict(), Smoke.describe(bug));
        assertEquals(Gup.CHECK_GUP_COW, bug.counterexample().mainFinding().check(), Smoke.describe(bug));
        ExploreResult fixed = dirtyCow(GupFollowWrite.V5_6).explore();
        assertEquals(Verdict.VERIFIED, fixed.verdict(), Smoke.describe(fixed));
    }
}
