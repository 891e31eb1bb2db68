package mmrace.engine.graph;

import static mmrace.engine.graph.Tag.ACQUIRE;
import static mmrace.engine.graph.Tag.MB;
import static mmrace.engine.graph.Tag.ONCE;
import static mmrace.engine.graph.Tag.RB_DEP;
import static mmrace.engine.graph.Tag.RELEASE;
import static mmrace.engine.graph.Tag.RMB;
import static mmrace.engine.graph.Tag.WMB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The classic two-to-four-thread shapes, each with and without fences, release/acquire and
 * dependencies, under every model. "S" = Sometimes (some candidate with the outcome is allowed),
 * "N" = Never. The LKMM column follows herd7 + linux-kernel.cat: the kernel's own result where the
 * shape is one of its litmus tests, otherwise the cat's relations worked by hand (noted per row).
 * Alpha differs from LKMM only where an address dependency between reads is what forbids the
 * outcome; "alpha<4.15" is {@code new AlphaChecker(false, true)} (READ_ONCE without the barrier).
 */
class ClassicShapesTest {

    record Row(String name, Supplier<Litmus> shape, String lkmm, String sc, String tso, String alpha, String alphaOld) {}

    static final List<Row> ROWS = new ArrayList<>();

    static void row(String name, Supplier<Litmus> s, String lkmm, String sc, String tso, String alpha, String alphaOld) {
        ROWS.add(new Row(name, s, lkmm, sc, tso, alpha, alphaOld));
    }

    static {
        // ---- SB: store buffering; only strong fences forbid it, TSO allows it ----
        row("SB+poonceonces", () -> sb(null, null, false), "S", "N", "S", "S", "S");
        row("SB+fencembonceonces", () -> sb(MB, MB, false), "N", "N", "N", "N", "N");
        row("SB+fencembonceonce+poonceonce", () -> sb(MB, null, false), "S", "N", "S", "S", "S");
        row("SB+pooncereleases+poacquires", () -> sb(null, null, true), "S", "N", "S", "S", "S");
        row("SB+fencewmbonceonces (wmb is no store-load fence)", () -> sb(WMB, WMB, false), "S", "N", "S", "S", "S");
        row("SB+rfionceonce-poonceonces", KernelLitmus::sbRfi, "S", "N", "S", "S", "S");
        // cat (lkmmv2): a fully ordered RMW acts as if enclosed by smp_mb(): [Mb & W] ; po ; [M];
        // x86 XCHG is always locked
        row("SB+xchgs (xchg then READ_ONCE)", () -> sbXchg(Tag.MB), "N", "N", "N", "N", "N");
        row("SB+xchg_relaxeds", () -> sbXchg(Tag.ONCE), "S", "N", "N", "S", "S");
        // ---- MP: message passing ----
        row("MP+poonceonces", () -> KernelLitmus.mp(null, null, false), "S", "N", "N", "S", "S");
        row("MP+fencewmbonceonce+fencermbonceonce", () -> KernelLitmus.mp(WMB, RMB, false), "N", "N", "N", "N", "N");
        row("MP+pooncerelease+poacquireonce", () -> KernelLitmus.mp(null, null, true), "N", "N", "N", "N", "N");
        row("MP+fencewmbonceonce+poonceonce", () -> KernelLitmus.mp(WMB, null, false), "S", "N", "N", "S", "S");
        row("MP+poonceonce+fencermbonceonce", () -> KernelLitmus.mp(null, RMB, false), "S", "N", "N", "S", "S");
        row("MP+fencembonceonces", () -> KernelLitmus.mp(MB, MB, false), "N", "N", "N", "N", "N");
        row("MP+fencewmbonceonce+addronceonce", () -> mpDep("addr", false), "N", "N", "N", "N", "S");
        row("MP+fencewmbonceonce+addronceonce+rbdep", () -> mpDep("addr", true), "N", "N", "N", "N", "N");
        // cat: ctrl only orders writes (rwdep = (dep | ctrl) ; [W])
        row("MP+fencewmbonceonce+ctrlonceonce", () -> mpDep("ctrl", false), "S", "N", "N", "S", "S");
        // the kernel's .def maps rcu_dereference() to READ_ONCE(); a pre-4.15 rcu_dereference() had
        // its own smp_read_barrier_depends(), modelled by an explicit RB_DEP fence
        row("MP+onceassign+derefonce", KernelLitmus::mpOnceAssign, "N", "N", "N", "N", "S");
        row("MP+onceassign+derefonce (pre-4.15 rcu_dereference with rb_dep)", ClassicShapesTest::mpOnceAssignRbDep, "N", "N", "N", "N", "N");
        // ---- LB: load buffering ----
        row("LB+poonceonces", () -> lb("po", "po"), "S", "N", "N", "S", "S");
        row("LB+fencembonceonce+ctrlonceonce", KernelLitmus::lbCtrlMb, "N", "N", "N", "N", "N");
        row("LB+poacquireonce+pooncerelease", () -> KernelLitmus.lb(true), "N", "N", "N", "N", "N");
        row("LB+dataonceonces", () -> lb("data", "data"), "N", "N", "N", "N", "N");
        row("LB+ctrlonceonces", () -> lb("ctrl", "ctrl"), "N", "N", "N", "N", "N");
        row("LB+addronceonces", () -> lb("addr", "addr"), "N", "N", "N", "N", "N");
        row("LB+addronceonce+poonceonce", () -> lb("addr", "po"), "S", "N", "N", "S", "S");
        row("LB+poacquireonce+poonceonce", () -> lb("acq", "po"), "S", "N", "N", "S", "S");
        // ---- IRIW: independent reads of independent writes; LKMM is not multicopy atomic ----
        row("IRIW+poonceonces+OnceOnce", () -> KernelLitmus.iriw(false), "S", "N", "N", "S", "S");
        row("IRIW+fencembonceonces+OnceOnce", () -> KernelLitmus.iriw(true), "N", "N", "N", "N", "N");
        row("IRIW+fencermbonceonces+OnceOnce", () -> iriw(RMB, false), "S", "N", "N", "S", "S");
        row("IRIW+poacquireonces+OnceOnce", () -> iriw(null, true), "S", "N", "N", "S", "S");
        // ---- 2+2W ----
        row("2+2W+poonceonces", () -> twoPlusTwoW(null, false), "S", "N", "N", "S", "S");
        row("2+2W+fencembonceonces", () -> twoPlusTwoW(MB, false), "N", "N", "N", "N", "N");
        // cat: wmb is in cumul-fence, but co is in neither hb nor (without a strong fence) pb
        row("2+2W+fencewmbonceonces", () -> twoPlusTwoW(WMB, false), "S", "N", "N", "S", "S");
        row("2+2W+pooncereleases", () -> twoPlusTwoW(null, true), "S", "N", "N", "S", "S");
        // ---- WRC ----
        row("WRC+poonceonces+Once", () -> KernelLitmus.wrc(false), "S", "N", "N", "S", "S");
        row("WRC+pooncerelease+fencermbonceonce+Once", () -> KernelLitmus.wrc(true), "N", "N", "N", "N", "N");
        row("WRC+fencembonceonce+fencermbonceonce+Once", () -> wrc("mb", RMB, false), "N", "N", "N", "N", "N");
        row("WRC+pooncerelease+poacquireonce+Once", () -> wrc("rel", null, true), "N", "N", "N", "N", "N");
        // cat: a dependency is not A-cumulative, prop from P2's read only reaches P1 (ext)
        row("WRC+dataonceonce+fencermbonceonce+Once", () -> wrc("data", RMB, false), "S", "N", "N", "S", "S");
        // ---- ISA2 ----
        row("ISA2+poonceonces", () -> KernelLitmus.isa2(false), "S", "N", "N", "S", "S");
        row("ISA2+pooncerelease+poacquirerelease+poacquireonce", () -> KernelLitmus.isa2(true), "N", "N", "N", "N", "N");
        row("ISA2+pooncelock+pooncelock+pombonce", KernelLitmus::isa2Locks, "N", "N", "N", "N", "N");
        // ---- R ----
        row("R+poonceonces", () -> KernelLitmus.r(false), "S", "N", "S", "S", "S");
        row("R+fencembonceonces", () -> KernelLitmus.r(true), "N", "N", "N", "N", "N");
        // cat: pb needs prop to end where the strong fence starts; wmb + co cannot get there
        row("R+fencewmbonceonce+fencembonceonce", () -> r(WMB, MB), "S", "N", "N", "S", "S");
        // ---- S ----
        row("S+poonceonces", () -> KernelLitmus.s(false), "S", "N", "N", "S", "S");
        row("S+fencewmbonceonce+poacquireonce", () -> KernelLitmus.s(true), "N", "N", "N", "N", "N");
        row("S+pooncerelease+dataonceonce", () -> s(true, "data"), "N", "N", "N", "N", "N");
        row("S+poonceonce+dataonceonce", () -> s(false, "data"), "S", "N", "N", "S", "S");
        // ---- coherence ----
        row("CoRR+poonceonce+Once", KernelLitmus::coRR, "N", "N", "N", "N", "N");
        row("CoRW+poonceonce+Once", KernelLitmus::coRW, "N", "N", "N", "N", "N");
        row("CoWR+poonceonce+Once", KernelLitmus::coWR, "N", "N", "N", "N", "N");
        row("CoWW+poonceonce", KernelLitmus::coWW, "N", "N", "N", "N", "N");
        row("CoRR+plain (coherence covers plain accesses too)", ClassicShapesTest::coRRPlain, "N", "N", "N", "N", "N");
        // ---- locks and RCU ----
        row("MP+polocks", KernelLitmus::mpPolocks, "N", "N", "N", "N", "N");
        row("MP+porevlocks", KernelLitmus::mpRevLocks, "N", "N", "N", "N", "N");
        row("Z6.0+pooncelock+pooncelock+pombonce", () -> KernelLitmus.z6Locks(false), "S", "N", "N", "S", "S");
        // cat: mb includes [M] ; po-unlock-lock-po ; [After-unlock-lock] ; po ; [M], across threads
        row("Z6.0+pooncelock+pooncelock-mbafterunlocklock+pombonce", ClassicShapesTest::z6AfterUnlockLock, "N", "N", "N", "N", "N");
        row("RCU+sync+read", KernelLitmus::rcuSyncRead, "N", "N", "N", "N", "N");
        row("RCU+sync+free", KernelLitmus::rcuSyncFree, "N", "N", "N", "N", "N");
    }

    // ------------------------------------------------------------------ shapes

    static Litmus sb(Tag f0, Tag f1, boolean relAcq) {
        Litmus t = new Litmus("SB");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, relAcq ? RELEASE : ONCE);
        if (f0 != null) b.fence(0, f0);
        int r0 = b.read(0, y, relAcq ? ACQUIRE : ONCE);
        b.write(1, y, 1, relAcq ? RELEASE : ONCE);
        if (f1 != null) b.fence(1, f1);
        int r1 = b.read(1, x, relAcq ? ACQUIRE : ONCE);
        return t.exists(g -> g.value(r0) == 0 && g.value(r1) == 0);
    }

    /** MP+wmb with the reader's second read depending on its first. */
    static Litmus mpDep(String dep, boolean rbDep) {
        Litmus t = new Litmus("MP+dep");
        var b = t.b;
        int buf = t.loc("buf"), flag = t.loc("flag");
        b.write(0, buf, 1, ONCE);
        b.fence(0, WMB);
        b.write(0, flag, 1, ONCE);
        int r0 = b.read(1, flag, ONCE);
        if (rbDep) b.fence(1, RB_DEP);
        int r1 = b.read(1, buf, ONCE);       // READ_ONCE(buf[r0 & 0]) or if (r0) READ_ONCE(buf)
        if (dep.equals("addr")) b.addr(r0, r1);
        else b.ctrl(r0, r1);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
    }

    /** LB where each thread orders its read before its write by {@code o0}/{@code o1}. */
    static Litmus lb(String o0, String o1) {
        Litmus t = new Litmus("LB");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        int r0 = lbThread(b, 0, x, y, o0);
        int r1 = lbThread(b, 1, y, x, o1);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 1);
    }

    private static int lbThread(ExecutionGraph.Builder b, int th, int from, int to, String o) {
        int r = b.read(th, from, o.equals("acq") ? ACQUIRE : ONCE);
        if (o.equals("mb")) b.fence(th, MB);
        int w = b.write(th, to, 1, o.equals("rel") ? RELEASE : ONCE);
        switch (o) {
            case "data" -> b.data(r, w);
            case "ctrl" -> b.ctrl(r, w);
            case "addr" -> b.addr(r, w);
            default -> { }
        }
        return r;
    }

    static Litmus iriw(Tag fence, boolean acquire) {
        Litmus t = new Litmus("IRIW");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        Tag rt = acquire ? ACQUIRE : ONCE;
        b.write(0, x, 1, ONCE);
        int r10 = b.read(1, x, rt);
        if (fence != null) b.fence(1, fence);
        int r11 = b.read(1, y, ONCE);
        b.write(2, y, 1, ONCE);
        int r30 = b.read(3, y, rt);
        if (fence != null) b.fence(3, fence);
        int r31 = b.read(3, x, ONCE);
        return t.exists(g -> g.value(r10) == 1 && g.value(r11) == 0 && g.value(r30) == 1 && g.value(r31) == 0);
    }

    static Litmus twoPlusTwoW(Tag fence, boolean release) {
        Litmus t = new Litmus("2+2W");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        if (fence != null) b.fence(0, fence);
        b.write(0, y, 2, release ? RELEASE : ONCE);
        b.write(1, y, 1, ONCE);
        if (fence != null) b.fence(1, fence);
        b.write(1, x, 2, release ? RELEASE : ONCE);
        return t.exists(g -> Litmus.fin(g, x) == 1 && Litmus.fin(g, y) == 1);
    }

    /** WRC with P1 ordering its read before its write by {@code o1}, and P2's reads by {@code f2} / acquire. */
    static Litmus wrc(String o1, Tag f2, boolean acquire) {
        Litmus t = new Litmus("WRC");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        int r10 = b.read(1, x, ONCE);
        if (o1.equals("mb")) b.fence(1, MB);
        int w = b.write(1, y, 1, o1.equals("rel") ? RELEASE : ONCE);
        if (o1.equals("data")) b.data(r10, w);
        int r20 = b.read(2, y, acquire ? ACQUIRE : ONCE);
        if (f2 != null) b.fence(2, f2);
        int r21 = b.read(2, x, ONCE);
        return t.exists(g -> g.value(r10) == 1 && g.value(r20) == 1 && g.value(r21) == 0);
    }

    static Litmus r(Tag f0, Tag f1) {
        Litmus t = new Litmus("R");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        b.fence(0, f0);
        b.write(0, y, 1, ONCE);
        b.write(1, y, 2, ONCE);
        b.fence(1, f1);
        int r0 = b.read(1, x, ONCE);
        return t.exists(g -> Litmus.fin(g, y) == 2 && g.value(r0) == 0);
    }

    static Litmus s(boolean release, String dep) {
        Litmus t = new Litmus("S");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 2, ONCE);
        b.write(0, y, 1, release ? RELEASE : ONCE);
        int r0 = b.read(1, y, ONCE);
        int w = b.write(1, x, 1, ONCE);
        if (dep.equals("data")) b.data(r0, w);
        return t.exists(g -> Litmus.fin(g, x) == 2 && g.value(r0) == 1);
    }

    static Litmus mpOnceAssignRbDep() {
        Litmus t = new Litmus("MP+onceassign+derefonce-rbdep");
        var b = t.b;
        int y = t.loc("y"), x = t.loc("x"), p = t.loc("p", y);
        b.write(0, x, 1, ONCE);
        b.write(0, p, x, RELEASE);
        b.rcuReadLock(1);
        int r0 = b.read(1, p, ONCE);
        b.fence(1, RB_DEP);
        int r1 = b.read(1, x, ONCE);
        b.addr(r0, r1);
        b.rcuReadUnlock(1);
        return t.exists(g -> g.value(r0) == x && g.value(r1) == 0);
    }

    static Litmus sbXchg(Tag order) {
        Litmus t = new Litmus("SB+xchg");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.rmw(0, x, 1, order);
        int r0 = b.read(0, y, ONCE);
        b.rmw(1, y, 1, order);
        int r1 = b.read(1, x, ONCE);
        return t.exists(g -> g.value(r0) == 0 && g.value(r1) == 0);
    }

    static Litmus z6AfterUnlockLock() {
        Litmus t = new Litmus("Z6.0+after-unlock-lock");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y"), z = t.loc("z"), l = t.loc("mylock");
        b.lock(0, l);
        b.write(0, x, 1, ONCE);
        b.write(0, y, 1, ONCE);
        b.unlock(0, l);
        b.lock(1, l);
        b.fence(1, Tag.AFTER_UNLOCK_LOCK);
        int r0 = b.read(1, y, ONCE);
        b.write(1, z, 1, ONCE);
        b.unlock(1, l);
        b.write(2, z, 2, ONCE);
        b.fence(2, MB);
        int r1 = b.read(2, x, ONCE);
        return t.exists(g -> g.value(r0) == 1 && Litmus.fin(g, z) == 2 && g.value(r1) == 0);
    }

    static Litmus coRRPlain() {
        Litmus t = new Litmus("CoRR+plain");
        var b = t.b;
        int x = t.loc("x");
        b.write(0, x, 1);
        int r0 = b.read(1, x), r1 = b.read(1, x);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
    }

    // ------------------------------------------------------------------ tests

    @TestFactory
    Stream<DynamicTest> everyShapeUnderEveryModel() {
        MemoryModelChecker[] models = {
            new LkmmChecker(), new ScChecker(), new TsoChecker(), new AlphaChecker(), new AlphaChecker(false, true)
        };
        String[] labels = {"lkmm", "sc", "tso", "alpha", "alpha<4.15"};
        List<DynamicTest> tests = new ArrayList<>();
        for (Row r : ROWS) {
            String[] want = {r.lkmm(), r.sc(), r.tso(), r.alpha(), r.alphaOld()};
            for (int i = 0; i < models.length; i++) {
                MemoryModelChecker m = models[i];
                String w = want[i].equals("S") ? "Sometimes" : "Never";
                tests.add(DynamicTest.dynamicTest(r.name() + " [" + labels[i] + "]",
                        () -> assertEquals(w, r.shape().get().result(m))));
            }
        }
        return tests.stream();
    }
}
