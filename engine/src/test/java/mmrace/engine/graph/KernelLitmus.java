package mmrace.engine.graph;

import static mmrace.engine.graph.Tag.ACQUIRE;
import static mmrace.engine.graph.Tag.AFTER_ATOMIC;
import static mmrace.engine.graph.Tag.AFTER_SPINLOCK;
import static mmrace.engine.graph.Tag.MB;
import static mmrace.engine.graph.Tag.NORETURN;
import static mmrace.engine.graph.Tag.ONCE;
import static mmrace.engine.graph.Tag.RELEASE;
import static mmrace.engine.graph.Tag.RMB;
import static mmrace.engine.graph.Tag.WMB;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The candidate executions of the litmus tests listed in /work/shared/litmus/kernel/EXPECTED.tsv
 * (the kernel's tools/memory-model/litmus-tests and Documentation/litmus-tests), built by hand from
 * the .litmus sources: one or more control-flow paths each, completed by {@link Litmus}.
 */
final class KernelLitmus {
    private KernelLitmus() {}

    /** Test name to the shapes (paths) whose candidates together make up the test. */
    static Map<String, Supplier<List<Litmus>>> all() {
        Map<String, Supplier<List<Litmus>>> m = new LinkedHashMap<>();
        m.put("CoRR+poonceonce+Once", one(KernelLitmus::coRR));
        m.put("CoRW+poonceonce+Once", one(KernelLitmus::coRW));
        m.put("CoWR+poonceonce+Once", one(KernelLitmus::coWR));
        m.put("CoWW+poonceonce", one(KernelLitmus::coWW));
        m.put("IRIW+fencembonceonces+OnceOnce", one(() -> iriw(true)));
        m.put("IRIW+poonceonces+OnceOnce", one(() -> iriw(false)));
        m.put("ISA2+pooncelock+pooncelock+pombonce", one(KernelLitmus::isa2Locks));
        m.put("ISA2+poonceonces", one(() -> isa2(false)));
        m.put("ISA2+pooncerelease+poacquirerelease+poacquireonce", one(() -> isa2(true)));
        m.put("LB+fencembonceonce+ctrlonceonce", one(KernelLitmus::lbCtrlMb));
        m.put("LB+poacquireonce+pooncerelease", one(() -> lb(true)));
        m.put("LB+poonceonces", one(() -> lb(false)));
        m.put("LB+unlocklockonceonce+poacquireonce", one(KernelLitmus::lbUnlockLock));
        m.put("MP+fencewmbonceonce+fencermbonceonce", one(() -> mp(WMB, RMB, false)));
        m.put("MP+onceassign+derefonce", one(KernelLitmus::mpOnceAssign));
        m.put("MP+polockmbonce+poacquiresilsil", one(() -> mpSilSil(true)));
        m.put("MP+polockonce+poacquiresilsil", one(() -> mpSilSil(false)));
        m.put("MP+polocks", one(KernelLitmus::mpPolocks));
        m.put("MP+poonceonces", one(() -> mp(null, null, false)));
        m.put("MP+pooncerelease+poacquireonce", one(() -> mp(null, null, true)));
        m.put("MP+porevlocks", one(KernelLitmus::mpRevLocks));
        m.put("MP+unlocklockonceonce+fencermbonceonce", one(KernelLitmus::mpUnlockLock));
        m.put("R+fencembonceonces", one(() -> r(true)));
        m.put("R+poonceonces", one(() -> r(false)));
        m.put("S+fencewmbonceonce+poacquireonce", one(() -> s(true)));
        m.put("S+poonceonces", one(() -> s(false)));
        m.put("SB+fencembonceonces", one(() -> sb(true)));
        m.put("SB+poonceonces", one(() -> sb(false)));
        m.put("SB+rfionceonce-poonceonces", one(KernelLitmus::sbRfi));
        m.put("WRC+poonceonces+Once", one(() -> wrc(false)));
        m.put("WRC+pooncerelease+fencermbonceonce+Once", one(() -> wrc(true)));
        m.put("Z6.0+pooncelock+poonceLock+pombonce", one(() -> z6Locks(true)));
        m.put("Z6.0+pooncelock+pooncelock+pombonce", one(() -> z6Locks(false)));
        m.put("Z6.0+pooncerelease+poacquirerelease+fencembonceonce", one(KernelLitmus::z6RelAcq));
        m.put("dep+plain", one(KernelLitmus::depPlain));
        m.put("Atomic-RMW+mb__after_atomic-is-stronger-than-acquire", one(KernelLitmus::atomicAfterAtomic));
        m.put("Atomic-RMW-ops-are-atomic-WRT-atomic_set", one(KernelLitmus::atomicSet));
        m.put("cmpxchg-fail-ordered-1", one(() -> cmpxchgFail1(true)));
        m.put("cmpxchg-fail-ordered-2", one(() -> cmpxchgFail2(true)));
        m.put("cmpxchg-fail-unordered-1", one(() -> cmpxchgFail1(false)));
        m.put("cmpxchg-fail-unordered-2", one(() -> cmpxchgFail2(false)));
        m.put("DCL-broken", () -> dcl(false));
        m.put("DCL-fixed", () -> dcl(true));
        m.put("RM-broken", () -> rm(true));
        m.put("RM-fixed", () -> rm(false));
        m.put("RCU+sync+free", one(KernelLitmus::rcuSyncFree));
        m.put("RCU+sync+read", one(KernelLitmus::rcuSyncRead));
        return m;
    }

    private static Supplier<List<Litmus>> one(Supplier<Litmus> s) {
        return () -> List.of(s.get());
    }

    static Litmus coRR() {
        Litmus t = new Litmus("CoRR");
        var b = t.b;
        int x = t.loc("x");
        b.write(0, x, 1, ONCE);
        int r0 = b.read(1, x, ONCE), r1 = b.read(1, x, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
    }

    static Litmus coRW() {
        Litmus t = new Litmus("CoRW");
        var b = t.b;
        int x = t.loc("x");
        int r0 = b.read(0, x, ONCE);
        b.write(0, x, 1, ONCE);
        b.write(1, x, 2, ONCE);
        return t.exists(g -> Litmus.fin(g, x) == 2 && g.value(r0) == 2);
    }

    static Litmus coWR() {
        Litmus t = new Litmus("CoWR");
        var b = t.b;
        int x = t.loc("x");
        b.write(0, x, 1, ONCE);
        int r0 = b.read(0, x, ONCE);
        b.write(1, x, 2, ONCE);
        return t.exists(g -> Litmus.fin(g, x) == 1 && g.value(r0) == 2);
    }

    static Litmus coWW() {
        Litmus t = new Litmus("CoWW");
        var b = t.b;
        int x = t.loc("x");
        b.write(0, x, 1, ONCE);
        b.write(0, x, 2, ONCE);
        return t.exists(g -> Litmus.fin(g, x) == 1);
    }

    static Litmus iriw(boolean mb) {
        Litmus t = new Litmus("IRIW");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        int r10 = b.read(1, x, ONCE);
        if (mb) b.fence(1, MB);
        int r11 = b.read(1, y, ONCE);
        b.write(2, y, 1, ONCE);
        int r30 = b.read(3, y, ONCE);
        if (mb) b.fence(3, MB);
        int r31 = b.read(3, x, ONCE);
        return t.exists(g -> g.value(r10) == 1 && g.value(r11) == 0 && g.value(r30) == 1 && g.value(r31) == 0);
    }

    static Litmus isa2Locks() {
        Litmus t = new Litmus("ISA2+locks");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y"), z = t.loc("z"), l = t.loc("mylock");
        b.lock(0, l);
        b.write(0, x, 1, ONCE);
        b.write(0, y, 1, ONCE);
        b.unlock(0, l);
        b.lock(1, l);
        int r0 = b.read(1, y, ONCE);
        b.write(1, z, 1, ONCE);
        b.unlock(1, l);
        int r2 = b.read(2, z, ONCE);
        b.fence(2, MB);
        int r1 = b.read(2, x, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r2) == 1 && g.value(r1) == 0);
    }

    static Litmus isa2(boolean relAcq) {
        Litmus t = new Litmus("ISA2");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y"), z = t.loc("z");
        b.write(0, x, 1, ONCE);
        b.write(0, y, 1, relAcq ? RELEASE : ONCE);
        int r10 = b.read(1, y, relAcq ? ACQUIRE : ONCE);
        b.write(1, z, 1, relAcq ? RELEASE : ONCE);
        int r20 = b.read(2, z, relAcq ? ACQUIRE : ONCE);
        int r21 = b.read(2, x, ONCE);
        return t.exists(g -> g.value(r10) == 1 && g.value(r20) == 1 && g.value(r21) == 0);
    }

    static Litmus lbCtrlMb() {
        Litmus t = new Litmus("LB+mb+ctrl");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        int r0 = b.read(0, x, ONCE);
        int w = b.write(0, y, 1, ONCE);
        b.ctrl(r0, w);
        int r1 = b.read(1, y, ONCE);
        b.fence(1, MB);
        b.write(1, x, 1, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 1);
    }

    static Litmus lb(boolean relAcq) {
        Litmus t = new Litmus("LB");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        int r0 = b.read(0, x, ONCE);
        b.write(0, y, 1, relAcq ? RELEASE : ONCE);
        int r1 = b.read(1, y, relAcq ? ACQUIRE : ONCE);
        b.write(1, x, 1, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 1);
    }

    static Litmus lbUnlockLock() {
        Litmus t = new Litmus("LB+unlocklock");
        var b = t.b;
        int s = t.loc("s"), tl = t.loc("t"), x = t.loc("x"), y = t.loc("y");
        b.lock(0, s);
        int r1 = b.read(0, x, ONCE);
        b.unlock(0, s);
        b.lock(0, tl);
        b.write(0, y, 1, ONCE);
        b.unlock(0, tl);
        int r2 = b.read(1, y, ACQUIRE);
        b.write(1, x, 1, ONCE);
        return t.exists(g -> g.value(r1) == 1 && g.value(r2) == 1);
    }

    /** MP with optional fences between the writes and between the reads, or release/acquire. */
    static Litmus mp(Tag f0, Tag f1, boolean relAcq) {
        Litmus t = new Litmus("MP");
        var b = t.b;
        int buf = t.loc("buf"), flag = t.loc("flag");
        b.write(0, buf, 1, ONCE);
        if (f0 != null) b.fence(0, f0);
        b.write(0, flag, 1, relAcq ? RELEASE : ONCE);
        int r0 = b.read(1, flag, relAcq ? ACQUIRE : ONCE);
        if (f1 != null) b.fence(1, f1);
        int r1 = b.read(1, buf, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
    }

    static Litmus mpOnceAssign() {
        Litmus t = new Litmus("MP+onceassign+derefonce");
        var b = t.b;
        int y = t.loc("y"), x = t.loc("x"), p = t.loc("p", y);
        b.write(0, x, 1, ONCE);
        b.write(0, p, x, RELEASE);          // rcu_assign_pointer(*p, x)
        b.rcuReadLock(1);
        int r0 = b.read(1, p, ONCE);        // rcu_dereference(*p)
        int r1 = b.read(1, x, ONCE);        // READ_ONCE(*r0), on the path where r0 == &x
        b.addr(r0, r1);
        b.rcuReadUnlock(1);
        return t.exists(g -> g.value(r0) == x && g.value(r1) == 0);
    }

    static Litmus mpSilSil(boolean afterSpinlock) {
        Litmus t = new Litmus("MP+silsil");
        var b = t.b;
        int lo = t.loc("lo"), x = t.loc("x");
        b.lock(0, lo);
        if (afterSpinlock) b.fence(0, AFTER_SPINLOCK);
        b.write(0, x, 1, ONCE);
        b.unlock(0, lo);
        int r1 = b.read(1, x, ACQUIRE);
        b.isLocked(1, lo, false);           // r2 = 0
        b.isLocked(1, lo, true);            // r3 = 1
        return t.exists(g -> g.value(r1) == 1);
    }

    static Litmus mpPolocks() {
        Litmus t = new Litmus("MP+polocks");
        var b = t.b;
        int buf = t.loc("buf"), flag = t.loc("flag"), l = t.loc("mylock");
        b.write(0, buf, 1, ONCE);
        b.lock(0, l);
        b.write(0, flag, 1, ONCE);
        b.unlock(0, l);
        b.lock(1, l);
        int r0 = b.read(1, flag, ONCE);
        b.unlock(1, l);
        int r1 = b.read(1, buf, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
    }

    static Litmus mpRevLocks() {
        Litmus t = new Litmus("MP+porevlocks");
        var b = t.b;
        int buf = t.loc("buf"), flag = t.loc("flag"), l = t.loc("mylock");
        int r0 = b.read(0, flag, ONCE);
        b.lock(0, l);
        int r1 = b.read(0, buf, ONCE);
        b.unlock(0, l);
        b.lock(1, l);
        b.write(1, buf, 1, ONCE);
        b.unlock(1, l);
        b.write(1, flag, 1, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
    }

    static Litmus mpUnlockLock() {
        Litmus t = new Litmus("MP+unlocklock");
        var b = t.b;
        int s = t.loc("s"), tl = t.loc("t"), x = t.loc("x"), y = t.loc("y");
        b.lock(0, s);
        b.write(0, x, 1, ONCE);
        b.unlock(0, s);
        b.lock(0, tl);
        b.write(0, y, 1, ONCE);
        b.unlock(0, tl);
        int r1 = b.read(1, y, ONCE);
        b.fence(1, RMB);
        int r2 = b.read(1, x, ONCE);
        return t.exists(g -> g.value(r1) == 1 && g.value(r2) == 0);
    }

    static Litmus r(boolean mb) {
        Litmus t = new Litmus("R");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        if (mb) b.fence(0, MB);
        b.write(0, y, 1, ONCE);
        b.write(1, y, 2, ONCE);
        if (mb) b.fence(1, MB);
        int r0 = b.read(1, x, ONCE);
        return t.exists(g -> Litmus.fin(g, y) == 2 && g.value(r0) == 0);
    }

    static Litmus s(boolean wmbAcq) {
        Litmus t = new Litmus("S");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 2, ONCE);
        if (wmbAcq) b.fence(0, WMB);
        b.write(0, y, 1, ONCE);
        int r0 = b.read(1, y, wmbAcq ? ACQUIRE : ONCE);
        b.write(1, x, 1, ONCE);
        return t.exists(g -> Litmus.fin(g, x) == 2 && g.value(r0) == 1);
    }

    static Litmus sb(boolean mb) {
        Litmus t = new Litmus("SB");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        if (mb) b.fence(0, MB);
        int r0 = b.read(0, y, ONCE);
        b.write(1, y, 1, ONCE);
        if (mb) b.fence(1, MB);
        int r1 = b.read(1, x, ONCE);
        return t.exists(g -> g.value(r0) == 0 && g.value(r1) == 0);
    }

    static Litmus sbRfi() {
        Litmus t = new Litmus("SB+rfi");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        b.read(0, x, ONCE);
        int r2 = b.read(0, y, ONCE);
        b.write(1, y, 1, ONCE);
        b.read(1, y, ONCE);
        int r4 = b.read(1, x, ONCE);
        return t.exists(g -> g.value(r2) == 0 && g.value(r4) == 0);
    }

    static Litmus wrc(boolean relRmb) {
        Litmus t = new Litmus("WRC");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        int r10 = b.read(1, x, ONCE);
        b.write(1, y, 1, relRmb ? RELEASE : ONCE);
        int r20 = b.read(2, y, ONCE);
        if (relRmb) b.fence(2, RMB);
        int r21 = b.read(2, x, ONCE);
        return t.exists(g -> g.value(r10) == 1 && g.value(r20) == 1 && g.value(r21) == 0);
    }

    static Litmus z6Locks(boolean afterSpinlock) {
        Litmus t = new Litmus("Z6.0+locks");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y"), z = t.loc("z"), l = t.loc("mylock");
        b.lock(0, l);
        b.write(0, x, 1, ONCE);
        b.write(0, y, 1, ONCE);
        b.unlock(0, l);
        b.lock(1, l);
        if (afterSpinlock) b.fence(1, AFTER_SPINLOCK);
        int r0 = b.read(1, y, ONCE);
        b.write(1, z, 1, ONCE);
        b.unlock(1, l);
        b.write(2, z, 2, ONCE);
        b.fence(2, MB);
        int r1 = b.read(2, x, ONCE);
        return t.exists(g -> g.value(r0) == 1 && Litmus.fin(g, z) == 2 && g.value(r1) == 0);
    }

    static Litmus z6RelAcq() {
        Litmus t = new Litmus("Z6.0+relacq");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y"), z = t.loc("z");
        b.write(0, x, 1, ONCE);
        b.write(0, y, 1, RELEASE);
        int r0 = b.read(1, y, ACQUIRE);
        b.write(1, z, 1, RELEASE);
        b.write(2, z, 2, ONCE);
        b.fence(2, MB);
        int r1 = b.read(2, x, ONCE);
        return t.exists(g -> g.value(r0) == 1 && Litmus.fin(g, z) == 2 && g.value(r1) == 0);
    }

    static Litmus depPlain() {
        Litmus t = new Litmus("dep+plain");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y"), z1 = t.loc("z1"), z2 = t.loc("z2");
        int a = b.read(0, x, ONCE);          // int a = READ_ONCE(*x);
        int wz1 = b.write(0, z1, 1);         // *z1 = a;
        b.data(a, wz1);
        int rz1 = b.read(0, z1);             // *z2 = *z1;
        int wz2 = b.write(0, z2, 1);
        b.data(rz1, wz2);
        int rz2 = b.read(0, z2);             // if (*z2 == 1)
        int wy = b.write(0, y, 1, ONCE);     //     WRITE_ONCE(*y, 1);
        b.ctrl(rz2, wy);
        int r = b.read(1, y, ACQUIRE);       // int r = smp_load_acquire(y);
        int wx = b.write(1, x, 1, RELEASE);  // smp_store_release(x, r);
        b.data(r, wx);
        return t.exists(g -> g.value(a) == 1 && g.value(rz1) == 1 && g.value(rz2) == 1 && g.value(r) == 1
                && Litmus.fin(g, x) == 1 && Litmus.fin(g, y) == 1);
    }

    static Litmus atomicAfterAtomic() {
        Litmus t = new Litmus("Atomic-RMW+mb__after_atomic");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        int r0 = b.read(0, x, ONCE);
        b.fence(0, RMB);
        int r1 = b.read(0, y, ONCE);         // atomic_read(y)
        b.rmw(1, y, 1, NORETURN);            // atomic_inc(y)
        b.fence(1, AFTER_ATOMIC);
        b.write(1, x, 1, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
    }

    static Litmus atomicSet() {
        Litmus t = new Litmus("Atomic-RMW-ops-are-atomic-WRT-atomic_set");
        var b = t.b;
        int v = t.loc("v", 1);
        int[] add = b.rmw(0, v, 2, MB);      // atomic_add_unless(v, 1, 0) succeeding on v == 1
        b.write(1, v, 0, ONCE);              // atomic_set(v, 0)
        return t.exists(g -> g.value(add[0]) == 1 && Litmus.fin(g, v) == 2);
    }

    static Litmus cmpxchgFail1(boolean afterAtomic) {
        Litmus t = new Litmus("cmpxchg-fail-1");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y"), z = t.loc("z");
        b.write(0, x, 1, ONCE);
        b.failedRmw(0, z, MB);               // cmpxchg(z, 1, 0) fails: z stays 0
        if (afterAtomic) b.fence(0, AFTER_ATOMIC);
        int r00 = b.read(0, y, ONCE);
        b.write(1, y, 1, ONCE);
        b.failedRmw(1, z, MB);
        if (afterAtomic) b.fence(1, AFTER_ATOMIC);
        int r10 = b.read(1, x, ONCE);
        return t.exists(g -> g.value(r00) == 0 && g.value(r10) == 0);
    }

    static Litmus cmpxchgFail2(boolean afterAtomic) {
        Litmus t = new Litmus("cmpxchg-fail-2");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.write(0, x, 1, ONCE);
        int[] ok = b.rmw(0, y, 1, MB);       // r1 = cmpxchg(y, 0, 1) succeeds: r1 = 0
        int fail = b.failedRmw(1, y, MB);    // r1 = cmpxchg(y, 0, 1) fails: r1 = 1
        if (afterAtomic) b.fence(1, AFTER_ATOMIC);
        int r2 = b.read(1, x, ONCE);
        return t.exists(g -> g.value(ok[0]) == 0 && g.value(fail) == 1 && g.value(r2) == 0);
    }

    /** One thread of DCL on one path: 0 = flag seen set, 1 = set under the lock, 2 = initializes. */
    private static int dclThread(ExecutionGraph.Builder b, int t, int path, boolean fixed,
                                 int flag, int data, int lck, List<long[]> checks) {
        int r0 = b.read(t, flag, fixed ? ACQUIRE : ONCE);
        checks.add(new long[] {r0, path == 0 ? 1 : 0});
        if (path > 0) {
            int[] lk = b.lock(t, lck);
            int r1 = b.read(t, flag, ONCE);
            checks.add(new long[] {r1, path == 1 ? 1 : 0});
            b.ctrl(r0, lk[0], lk[1], r1);
            if (path == 2) {
                int wd = b.write(t, data, 1, ONCE);
                int wf = b.write(t, flag, 1, fixed ? RELEASE : ONCE);
                b.ctrl(r0, wd, wf);
                b.ctrl(r1, wd, wf);
            }
            int ul = b.unlock(t, lck);
            b.ctrl(r0, ul);
        }
        return b.read(t, data, ONCE);
    }

    static List<Litmus> dcl(boolean fixed) {
        List<Litmus> out = new ArrayList<>();
        for (int p0 = 0; p0 < 3; p0++) {
            for (int p1 = 0; p1 < 3; p1++) {
                Litmus t = new Litmus("DCL " + p0 + p1);
                var b = t.b;
                int flag = t.loc("flag"), data = t.loc("data"), lck = t.loc("lck");
                List<long[]> checks = new ArrayList<>();
                int r20 = dclThread(b, 0, p0, fixed, flag, data, lck, checks);
                int r21 = dclThread(b, 1, p1, fixed, flag, data, lck, checks);
                t.exists(g -> {
                    for (long[] c : checks) if ((g.value((int) c[0]) != 0 ? 1 : 0) != c[1]) return false;
                    return g.value(r20) == 0 || g.value(r21) == 0;
                });
                out.add(t);
            }
        }
        return out;
    }

    /** RM-broken / RM-fixed; the two orders of the atomic_inc_return()s are two shapes. */
    static List<Litmus> rm(boolean broken) {
        List<Litmus> out = new ArrayList<>();
        for (int p1First = 0; p1First < 2; p1First++) {
            Litmus t = new Litmus("RM " + p1First);
            var b = t.b;
            int x = t.loc("x"), y = t.loc("y"), lck = t.loc("lck");
            long p0w = p1First == 1 ? 2 : 1, p1w = p1First == 1 ? 1 : 2;
            b.lock(0, lck);
            int[] inc0 = b.rmw(0, y, p0w, MB);
            b.write(0, x, 1, ONCE);
            b.unlock(0, lck);
            int r0, r1;
            if (broken) {
                b.lock(1, lck);
                r0 = b.read(1, x, ONCE);
                r1 = b.read(1, x, ONCE);
            } else {
                r0 = b.read(1, x, ONCE);
                r1 = b.read(1, x, ONCE);
                b.lock(1, lck);
            }
            int[] inc1 = b.rmw(1, y, p1w, MB);
            b.unlock(1, lck);
            t.exists(g -> g.value(inc0[0]) + 1 == p0w && g.value(inc1[0]) + 1 == p1w
                    && g.value(r0) == 0 && g.value(r1) == 1 && p1w == 1);
            out.add(t);
        }
        return out;
    }

    static Litmus rcuSyncFree() {
        Litmus t = new Litmus("RCU+sync+free");
        var b = t.b;
        int x = t.loc("x", 1), z = t.loc("z", 1), y = t.loc("y", x);
        b.rcuReadLock(0);
        int r0 = b.read(0, y, ONCE);         // rcu_dereference(*y)
        int r1 = b.read(0, x, ONCE);         // READ_ONCE(*r0) on the path r0 == &x
        b.addr(r0, r1);
        b.rcuReadUnlock(0);
        b.write(1, y, z, RELEASE);           // rcu_assign_pointer(*y, z)
        b.synchronizeRcu(1);
        b.write(1, x, 0, ONCE);
        return t.exists(g -> g.value(r0) == x && g.value(r1) == 0);
    }

    static Litmus rcuSyncRead() {
        Litmus t = new Litmus("RCU+sync+read");
        var b = t.b;
        int x = t.loc("x"), y = t.loc("y");
        b.rcuReadLock(0);
        b.write(0, x, 1, ONCE);
        b.write(0, y, 1, ONCE);
        b.rcuReadUnlock(0);
        int r0 = b.read(1, x, ONCE);
        b.synchronizeRcu(1);
        int r1 = b.read(1, y, ONCE);
        return t.exists(g -> g.value(r0) == 1 && g.value(r1) == 0);
    }
}
