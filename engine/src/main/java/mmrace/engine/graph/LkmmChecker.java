package mmrace.engine.graph;

import java.util.Set;
import java.util.TreeSet;

/**
 * The Linux-kernel memory model: linux-kernel.bell, lock.cat and linux-kernel.cat (lkmmv2, the
 * version with Mb-tagged RMWs, rmw-sequence and smp_mb__after_srcu_read_unlock), evaluated on one
 * candidate execution the way herd7 evaluates it. Each {@code let} of the cat files is one line
 * below, under the same name; the checks run in the files' order and the first failing one is
 * reported. See package-info for the mapping and the known gaps.
 *
 * <p>Subclasses may change which address dependencies order later reads
 * ({@link #orderingAddr}), as {@link AlphaChecker} does.
 */
public class LkmmChecker implements MemoryModelChecker {
    private final boolean computeFlags;
    private final boolean referencePlain;
    private volatile Verdict okNoFlags;

    /** LKMM with flags (data races etc.) computed for allowed executions. */
    public LkmmChecker() {
        this(true);
    }

    /**
     * @param computeFlags whether to compute herd's flags for allowed executions; without them a
     *                     check skips the data-race part unless there are plain accesses whose
     *                     plain-coherence axiom must be checked anyway
     */
    public LkmmChecker(boolean computeFlags) {
        this(computeFlags, false);
    }

    /**
     * @param referencePlain evaluate ww-vis, wr-vis and rw-xbstar as whole relations, exactly as
     *                       written, instead of row by row for the pairs pre-race needs (slower;
     *                       for cross-checking)
     */
    LkmmChecker(boolean computeFlags, boolean referencePlain) {
        this.computeFlags = computeFlags;
        this.referencePlain = referencePlain;
    }

    private Verdict ok() {
        Verdict v = okNoFlags;
        if (v == null) okNoFlags = v = Verdict.allow(name(), Set.of());
        return v;
    }

    @Override
    public String name() {
        return "lkmm";
    }

    /**
     * The address dependencies that the model lets order accesses, given herd's {@code addr}
     * (already extended by the bell's carry-dep). LKMM: all of them.
     */
    protected Rel orderingAddr(ExecutionGraph g, Rel addr) {
        return addr;
    }

    @Override
    public Verdict check(ExecutionGraph g) {
        return new Run(g).check();
    }

    /** One evaluation of the model on one graph. */
    private final class Run {
        final ExecutionGraph g;
        final int n;
        final Rel id, po, loc, intl, ext, rf, co, fr, rmw, poLoc;
        final long[] all, IW, R, W, M;

        Run(ExecutionGraph g) {
            this.g = g;
            n = g.size();
            all = g.allView();
            IW = g.initsView();
            R = g.readsView();   // lock.cat: R | LKR | LF | RU (RL is part of LF)
            W = g.writesView();  // lock.cat: W | LKW, then W | UL
            M = Bits.union(R, W);
            id = Rel.identity(n);
            po = g.po();
            loc = g.sameLoc();
            intl = g.internal();
            ext = Rel.cross(n, all, all).minus(intl);
            rf = g.rf();
            co = g.co();
            fr = g.fr();
            rmw = g.rmw();       // rmw | lk-rmw
            poLoc = po.inter(loc);
        }

        long[] t(Tag tag) {
            return g.tagView(tag);
        }

        Rel idOn(long[] s) {
            return Rel.identityOn(n, s);
        }

        /** {@code fencerel(S) = po ; [S] ; po}: every pair around a member of {@code s}. */
        Rel fencerel(long[] s) {
            Rel r = Rel.empty(n);
            int w = r.w;
            for (int f = Bits.first(s); f >= 0; f = Bits.next(s, f + 1)) {
                int fb = f * w, fw = f >>> 6;
                long fbit = 1L << f;
                for (int i = 0; i < n; i++) {
                    int ib = i * w;
                    if ((po.b[ib + fw] & fbit) != 0) for (int k = 0; k < w; k++) r.b[ib + k] |= po.b[fb + k];
                }
            }
            return r;
        }

        Rel cross(long[] a, long[] b) {
            return Rel.cross(n, a, b);
        }

        Verdict forbid(String axiom, int... witness) {
            return Verdict.forbid(name(), axiom, witness);
        }

        Verdict check() {
            // ================= linux-kernel.bell =================
            long[] RMW = t(Tag.RMW);
            Rel rmw0 = rmw.minus(rmw.restrict(t(Tag.LKR), t(Tag.LKW))); // the bell runs before lock.cat adds lk-rmw
            long[] failedRMW = Bits.minus(RMW, Bits.union(rmw0.domain(), rmw0.range()));
            long[] primW = Bits.minus(W, Bits.union(t(Tag.LKW), t(Tag.UL)));
            long[] primR = Bits.minus(R, Bits.union(t(Tag.LKR), t(Tag.LF), t(Tag.RL), t(Tag.RU)));
            long[] acquire = Bits.minus(Bits.minus(t(Tag.ACQUIRE), primW), failedRMW);
            long[] release = Bits.minus(Bits.minus(t(Tag.RELEASE), primR), failedRMW);
            long[] mbSet = Bits.minus(t(Tag.MB), failedRMW);
            long[] noreturn = Bits.minus(t(Tag.NORETURN), primW);
            long[] srcuLock = t(Tag.SRCU_LOCK), srcuUnlock = t(Tag.SRCU_UNLOCK), syncSrcu = t(Tag.SYNC_SRCU);
            long[] rcuLock = t(Tag.RCU_LOCK), rcuUnlock = t(Tag.RCU_UNLOCK), syncRcu = t(Tag.SYNC_RCU);

            Rel rcuRscs = Axioms.rcuRscs(g);
            Rel data0 = g.data();
            Rel notSrcuUnlock = idOn(Bits.complement(n, srcuUnlock));
            Rel srcuRscs = Axioms.srcuRscs(g);

            // Marked = (~M) | IW | ONCE | RELEASE | ACQUIRE | MB | RMW | LKR | LKW | UL | LF | RL | RU | Srcu-lock | Srcu-unlock
            long[] plain = Bits.empty(n);
            for (int e = 0; e < n; e++)
                if ((g.kind(e) == EventKind.READ || g.kind(e) == EventKind.WRITE) && (g.tags(e) & Tag.MARKING_TAGS) == 0)
                    Bits.add(plain, e);
            long[] marked = Bits.complement(n, plain);

            // let carry-dep = (data ; [~ Srcu-unlock] ; rfi)*
            Rel rfi = rf.inter(intl), rfe = rf.inter(ext);
            Rel carryDep = data0.seq(notSrcuUnlock).seq(rfi).star();
            Rel addr = orderingAddr(g, carryDep.seq(g.addr()));
            Rel ctrl = carryDep.seq(g.ctrl());
            Rel data = carryDep.seq(data0);

            // ================= lock.cat =================
            long[] LKR = t(Tag.LKR), LKW = t(Tag.LKW), UL = t(Tag.UL), RU = t(Tag.RU);
            long[] LF = Bits.union(t(Tag.LF), t(Tag.RL)); // let LF = LF | RL
            Rel betweenUL = poLoc.ran(UL).seq(poLoc);
            // empty ([LKW] ; po-loc ; [LKR]) \ (po-loc ; [UL] ; po-loc) as lock-nest
            Rel lockNest = poLoc.restrict(LKW, LKR).minus(betweenUL);
            if (!lockNest.isEmpty()) return forbid("lock-nest", lockNest.anyPair());
            // empty ([LKW] ; po-loc ; [RU]) \ (po-loc ; [UL] ; po-loc) as nested-is-locked
            Rel nestedIsLocked = poLoc.restrict(LKW, RU).minus(betweenUL);
            if (!nestedIsLocked.isEmpty()) return forbid("nested-is-locked", nestedIsLocked.anyPair());
            // let critical = ([LKW] ; po-loc ; [UL]) \ (po-loc ; [LKW | UL] ; po-loc)
            Rel critical = poLoc.restrict(LKW, UL).minus(poLoc.ran(Bits.union(LKW, UL)).seq(poLoc));
            long[] unmatchedLKW = Bits.minus(LKW, critical.domain());
            // empty ([UNMATCHED-LKW] ; loc ; [UNMATCHED-LKW]) \ id as unmatched-locks
            Rel unmatchedLocks = loc.restrict(unmatchedLKW, unmatchedLKW).minus(id);
            if (!unmatchedLocks.isEmpty()) return forbid("unmatched-locks", unmatchedLocks.anyPair());
            long[] releaseL = Bits.union(release, UL);  // let Release = Release | UL
            long[] acquireL = Bits.union(acquire, LKR); // let Acquire = Acquire | LKR

            // ================= linux-kernel.cat =================
            // Release Acquire
            Rel acqPo = po.restrict(acquireL, M);
            Rel poRel = po.restrict(M, releaseL);
            // let po-unlock-lock-po = po ; [UL] ; (po|rf) ; [LKR] ; po
            Rel poUnlockLockPo = po.ran(UL).seq(po.union(rf).ran(LKR)).seq(po);

            // Fences
            long[] r4rmb = Bits.minus(R, noreturn);
            Rel rmb = fencerel(t(Tag.RMB)).restrict(r4rmb, r4rmb);
            Rel wmb = fencerel(t(Tag.WMB)).restrict(W, W);
            Rel poOpt = po.opt();
            Rel mb = fencerel(mbSet).restrict(M, M)
                    .union(po.restrict(M, Bits.inter(mbSet, R)))
                    .union(po.restrict(Bits.inter(mbSet, W), M))
                    .union(fencerel(t(Tag.BEFORE_ATOMIC)).restrict(M, RMW).seq(poOpt).ran(M))
                    .union(poOpt.restrict(M, RMW).seq(fencerel(t(Tag.AFTER_ATOMIC))).ran(M))
                    .union(poOpt.restrict(M, LKW).seq(fencerel(t(Tag.AFTER_SPINLOCK))).ran(M))
                    .union(poUnlockLockPo.restrict(M, t(Tag.AFTER_UNLOCK_LOCK)).seq(po).ran(M))
                    .union(poOpt.restrict(M, srcuUnlock).seq(fencerel(t(Tag.AFTER_SRCU_READ_UNLOCK))).ran(M));
            // let gp = po ; [Sync-rcu | Sync-srcu] ; po?
            Rel gp = po.ran(Bits.union(syncRcu, syncSrcu)).seq(poOpt);
            Rel strongFence = mb.union(gp);
            Rel nonrwFence = strongFence.union(poRel).union(acqPo);
            Rel fence = nonrwFence.union(wmb).union(rmb);

            // acyclic po-loc | com as coherence
            Rel coh = poLoc.union(rf).union(co).union(fr);
            if (!coh.isAcyclic()) return forbid("coherence", coh.findCycle());
            // empty rmw & (fre ; coe) as atomic
            Rel fre = fr.inter(ext), coe = co.inter(ext);
            Rel atomic = rmw.inter(fre.seq(coe));
            if (!atomic.isEmpty()) return forbid("atomic", atomic.anyPair());

            // Preserved Program Order
            Rel dep = addr.union(data);
            Rel rwdep = dep.union(ctrl).ran(W);
            Rel overwrite = co.union(fr);
            Rel toW = rwdep.union(overwrite.inter(intl)).union(addr.ran(plain).seq(wmb));
            Rel toR = addr.ran(R).union(dep.ran(marked).seq(rfi));
            Rel ppo = toR.union(toW).union(fence.inter(intl)).union(poUnlockLockPo.inter(intl));

            // Propagation
            Rel idMarked = idOn(marked);
            Rel aCumulStrong = rfe.ran(marked).opt().seq(strongFence.union(poRel)); // A-cumul(strong-fence | po-rel)
            // let rmw-sequence = (rf ; rmw)*
            Rel rmwSequence = rf.seq(rmw).star();
            Rel cumulFence = aCumulStrong.union(wmb).union(poUnlockLockPo).restrict(marked, marked).seq(rmwSequence);
            Rel cumulFenceStar = cumulFence.star();
            Rel prop = idMarked.seq(overwrite.inter(ext).opt()).seq(cumulFenceStar).ran(marked)
                    .seq(rfe.opt()).ran(marked);

            // let hb = [Marked] ; (ppo | rfe | ((prop \ id) & int)) ; [Marked]
            Rel hb = ppo.union(rfe).union(prop.minus(id).inter(intl)).restrict(marked, marked);
            Rel hbStar = hb.starIfAcyclic();
            if (hbStar == null) return forbid("happens-before", hb.findCycle());

            // let pb = prop ; strong-fence ; hb* ; [Marked]
            Rel pb = prop.seq(strongFence).seq(hbStar).ran(marked);
            Rel pbStar = pb.starIfAcyclic();
            if (pbStar == null) return forbid("propagation", pb.findCycle());

            // RCU
            Rel rcuFence = Rel.empty(n);
            Rel rb = Rel.empty(n);
            boolean anyGp = !Bits.isEmpty(syncRcu) || !Bits.isEmpty(syncSrcu);
            if (anyGp) {
                // let rcu-link = po? ; hb* ; pb* ; prop ; po
                Rel rcuLink = poOpt.seq(hbStar).seq(pbStar).seq(prop).seq(po);
                Rel rcuOrder = rcuOrder(rcuLink, idOn(syncRcu), idOn(syncSrcu), rcuRscs.inverse(), srcuRscs.inverse());
                // let rcu-fence = po ; rcu-order ; po?
                rcuFence = po.seq(rcuOrder).seq(poOpt);
                // let rb = prop ; rcu-fence ; hb* ; pb* ; [Marked]
                rb = prop.seq(rcuFence).seq(hbStar).seq(pbStar).ran(marked);
                // irreflexive rb as rcu
                int e = rb.reflexiveEvent();
                if (e >= 0) return forbid("rcu", e);
            }
            Rel fence2 = fence.union(rcuFence);             // let fence = fence | rcu-fence
            Rel strongFence2 = strongFence.union(rcuFence); // let strong-fence = strong-fence | rcu-fence

            // Plain accesses and data races
            boolean anyPlain = !Bits.isEmpty(plain);
            Rel dataRace = null, mixedAccesses = null;
            if (anyPlain) {
                Rel xbstar = hb.union(pb).union(rb).star();
                long[] notNoreturn = Bits.complement(n, noreturn);
                Rel rmbFence = fencerel(t(Tag.RMB));
                // let w-pre-bounded = [Marked] ; (addr | fence)?
                Rel wPreBounded = addr.union(fence2).opt().dom(marked);
                // let r-pre-bounded = [Marked] ; (addr | nonrw-fence | ([R4rmb] ; fencerel(Rmb) ; [~Noreturn]))?
                Rel rPreBounded = addr.union(nonrwFence).union(rmbFence.restrict(r4rmb, notNoreturn)).opt().dom(marked);
                // let w-post-bounded = fence? ; [Marked] ; rmw-sequence
                Rel wPostBounded = fence2.opt().ran(marked).seq(rmwSequence);
                // let r-post-bounded = (nonrw-fence | ([~Noreturn] ; fencerel(Rmb) ; [R4rmb]))? ; [Marked]
                Rel rPostBounded = nonrwFence.union(rmbFence.restrict(notNoreturn, r4rmb)).opt().ran(marked);
                // let pre-race = ext & ((Plain * M) | ((M \ IW) * Plain))
                Rel preRace = ext.inter(cross(plain, M).union(cross(Bits.minus(M, IW), plain)));
                Rel rfRace = preRace.inter(rf), frRace = preRace.inter(fr), coRace = preRace.inter(co);
                Vis v = referencePlain
                        ? new FullVis(xbstar, cumulFenceStar, rfe, marked, intl, strongFence2, fence2,
                                wPreBounded, rPreBounded, wPostBounded, rPostBounded)
                        : new RowVis(xbstar, cumulFenceStar, rfe, marked, intl, strongFence2, fence2,
                                wPreBounded, rPreBounded, wPostBounded, rPostBounded);
                // let wr-incoh = pre-race & rf & rw-xbstar^-1, rw-incoh = pre-race & fr & wr-vis^-1,
                //     ww-incoh = pre-race & co & ww-vis^-1
                // empty (wr-incoh | rw-incoh | ww-incoh) as plain-coherence
                int[] bad = firstPair(rfRace, (a, b) -> v.rwXbstar(b, a));
                if (bad == null) bad = firstPair(frRace, (a, b) -> v.wrVis(b, a));
                if (bad == null) bad = firstPair(coRace, (a, b) -> v.wwVis(b, a));
                if (bad != null) return forbid("plain-coherence", bad);
                if (computeFlags) {
                    // let ww-nonrace = ww-vis & ((Marked * W) | rw-xbstar) & ((W * Marked) | wr-vis)
                    // let ww-race = (pre-race & co) \ ww-nonrace
                    // let wr-race = (pre-race & (co? ; rf)) \ wr-vis \ rw-xbstar^-1
                    // let rw-race = (pre-race & fr) \ rw-xbstar
                    int[] race = firstPair(coRace, (a, b) -> !(v.wwVis(a, b)
                            && ((Bits.has(marked, a) && Bits.has(W, b)) || v.rwXbstar(a, b))
                            && ((Bits.has(W, a) && Bits.has(marked, b)) || v.wrVis(a, b))));
                    if (race == null)
                        race = firstPair(preRace.inter(co.opt().seq(rf)), (a, b) -> !v.wrVis(a, b) && !v.rwXbstar(b, a));
                    if (race == null) race = firstPair(frRace, (a, b) -> !v.rwXbstar(a, b));
                    dataRace = race == null ? Rel.empty(n) : Rel.cross(n, Bits.of(n, race[0]), Bits.of(n, race[1]));
                    // let barrier = fencerel(Barrier | Rmb | Wmb | Mb | Sync-rcu | Sync-srcu | Before-atomic |
                    //   After-atomic | Acquire | Release | Rcu-lock | Rcu-unlock | Srcu-lock | Srcu-unlock)
                    //   | (po ; [Release]) | ([Acquire] ; po)
                    long[] barrierEvents = Bits.union(Bits.union(t(Tag.BARRIER), t(Tag.RMB), t(Tag.WMB), mbSet, syncRcu, syncSrcu),
                            Bits.union(t(Tag.BEFORE_ATOMIC), t(Tag.AFTER_ATOMIC), acquireL, releaseL, rcuLock, rcuUnlock),
                            Bits.union(srcuLock, srcuUnlock));
                    Rel barrier = fencerel(barrierEvents).union(po.ran(releaseL)).union(po.dom(acquireL));
                    long[] plainW = Bits.inter(plain, W);
                    Rel poLocNoBarrier = poLoc.minus(barrier);
                    mixedAccesses = poLocNoBarrier.restrict(plainW, marked).union(poLocNoBarrier.restrict(marked, plainW));
                }
            }

            if (!computeFlags) return ok();
            Set<String> flags = new TreeSet<>();
            // linux-kernel.bell
            if (!Bits.isEmpty(Bits.minus(rcuLock, rcuRscs.domain()))) flags.add("unmatched-rcu-lock");
            if (!Bits.isEmpty(Bits.minus(rcuUnlock, rcuRscs.range()))) flags.add("unmatched-rcu-unlock");
            if (!Bits.isEmpty(Bits.minus(srcuLock, srcuRscs.domain()))) flags.add("unmatched-srcu-lock");
            if (!Bits.isEmpty(Bits.minus(srcuUnlock, srcuRscs.range()))) flags.add("unmatched-srcu-unlock");
            if (!srcuRscs.inverse().seq(srcuRscs).minus(id).isEmpty()) flags.add("multiple-srcu-matches");
            if (!rcuRscs.inter(po.ran(syncSrcu).seq(po)).isEmpty()) flags.add("invalid-sleep");
            // flag ~empty different-values(srcu-rscs) as srcu-bad-value-match
            for (int a = Bits.first(srcuLock); a >= 0; a = Bits.next(srcuLock, a + 1)) {
                long[] row = srcuRscs.row(a);
                for (int b = Bits.first(row); b >= 0; b = Bits.next(row, b + 1))
                    if (g.value(a) != g.value(b)) flags.add("srcu-bad-value-match");
            }
            // lock.cat
            long[] allLocks = Bits.union(Bits.union(LKR, LKW, UL, LF, RU), Bits.union(srcuLock, srcuUnlock, syncSrcu));
            if (!loc.restrict(Bits.minus(Bits.minus(M, IW), allLocks), allLocks).isEmpty()) flags.add("mixed-lock-accesses");
            Rel lkRmw = rmw.restrict(LKR, LKW);
            if (!Bits.isEmpty(Bits.minus(LKW, lkRmw.range()))) flags.add("unpaired-LKW");
            if (!Bits.isEmpty(Bits.minus(LKR, lkRmw.domain()))) flags.add("unpaired-LKR");
            if (!Bits.isEmpty(Bits.minus(UL, critical.range()))) flags.add("unmatched-unlock");
            // linux-kernel.cat
            if (mixedAccesses != null && !mixedAccesses.isEmpty()) flags.add("mixed-accesses");
            if (dataRace != null && !dataRace.isEmpty()) flags.add("data-race");
            if (flags.isEmpty()) return ok();
            int[] racy = dataRace != null ? dataRace.anyPair() : null;
            return new Verdict(name(), true, null, flags, racy == null ? java.util.List.of() : java.util.List.of(racy[0], racy[1]));
        }

        /** The first pair of {@code r} (in row order) satisfying {@code p}, or null. */
        int[] firstPair(Rel r, PairTest p) {
            for (int a = 0; a < n; a++) {
                for (int k = 0, base = a * r.w; k < r.w; k++) {
                    long word = r.b[base + k];
                    while (word != 0) {
                        int b = (k << 6) + Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                        if (p.test(a, b)) return new int[] {a, b};
                    }
                }
            }
            return null;
        }

        /** linux-kernel.cat's {@code let rec rcu-order}, least fixpoint by iteration from empty. */
        Rel rcuOrder(Rel link, Rel rcuGp, Rel srcuGp, Rel rcuRscsi, Rel srcuRscsi) {
            Rel gpL = rcuGp.seq(link), sgpL = srcuGp.seq(link);
            Rel rL = rcuRscsi.seq(link), sL = srcuRscsi.seq(link);
            Rel base = rcuGp.union(srcuGp)
                    .union(gpL.seq(rcuRscsi))
                    .union(sgpL.seq(srcuRscsi).inter(loc))
                    .union(rL.seq(rcuGp))
                    .union(sL.seq(srcuGp).inter(loc));
            Rel order = base;
            while (true) {
                Rel oL = order.seq(link);
                Rel next = base
                        .union(gpL.seq(oL).seq(rcuRscsi))
                        .union(sgpL.seq(oL).seq(srcuRscsi).inter(loc))
                        .union(rL.seq(oL).seq(rcuGp))
                        .union(sL.seq(oL).seq(srcuGp).inter(loc))
                        .union(oL.seq(order));
                if (next.equals(order)) return order;
                order = next;
            }
        }
    }

    @FunctionalInterface
    private interface PairTest {
        boolean test(int a, int b);
    }

    /** Membership in ww-vis, wr-vis and rw-xbstar of linux-kernel.cat's data-race section. */
    private interface Vis {
        boolean wwVis(int a, int b);

        boolean wrVis(int a, int b);

        boolean rwXbstar(int a, int b);
    }

    /**
     * The three relations computed whole, as the cat writes them:
     * <pre>
     * let vis = cumul-fence* ; rfe? ; [Marked] ; ((strong-fence ; [Marked] ; xbstar) | (xbstar &amp; int))
     * let ww-vis = fence | (strong-fence ; xbstar ; w-pre-bounded) | (w-post-bounded ; vis ; w-pre-bounded)
     * let wr-vis = fence | (strong-fence ; xbstar ; r-pre-bounded) | (w-post-bounded ; vis ; r-pre-bounded)
     * let rw-xbstar = fence | (r-post-bounded ; xbstar ; w-pre-bounded)
     * </pre>
     */
    private static final class FullVis implements Vis {
        final Rel wwVis, wrVis, rwXbstar;

        FullVis(Rel xbstar, Rel cumulFenceStar, Rel rfe, long[] marked, Rel intl, Rel strongFence, Rel fence,
                Rel wPreBounded, Rel rPreBounded, Rel wPostBounded, Rel rPostBounded) {
            Rel vis = cumulFenceStar.seq(rfe.opt()).ran(marked)
                    .seq(strongFence.ran(marked).seq(xbstar).union(xbstar.inter(intl)));
            Rel sfXb = strongFence.seq(xbstar);
            wwVis = fence.union(sfXb.seq(wPreBounded)).union(wPostBounded.seq(vis).seq(wPreBounded));
            wrVis = fence.union(sfXb.seq(rPreBounded)).union(wPostBounded.seq(vis).seq(rPreBounded));
            rwXbstar = fence.union(rPostBounded.seq(xbstar).seq(wPreBounded));
        }

        public boolean wwVis(int a, int b) { return wwVis.has(a, b); }

        public boolean wrVis(int a, int b) { return wrVis.has(a, b); }

        public boolean rwXbstar(int a, int b) { return rwXbstar.has(a, b); }
    }

    /**
     * The same relations, one source row at a time and only for the sources asked about: a row
     * of {@code A ; B} is the union of the rows of B picked by the row of A, so each row costs a
     * few vector-by-matrix products instead of whole matrix products.
     */
    private static final class RowVis implements Vis {
        final Rel xbstar, cumulFenceStar, rfeOpt, intl, strongFence, fence;
        final Rel wPreBounded, rPreBounded, wPostBounded, rPostBounded;
        final long[] marked;
        final long[][] wwRows, wrRows, rwRows;

        RowVis(Rel xbstar, Rel cumulFenceStar, Rel rfe, long[] marked, Rel intl, Rel strongFence, Rel fence,
               Rel wPreBounded, Rel rPreBounded, Rel wPostBounded, Rel rPostBounded) {
            this.xbstar = xbstar;
            this.cumulFenceStar = cumulFenceStar;
            this.rfeOpt = rfe.opt();
            this.marked = marked;
            this.intl = intl;
            this.strongFence = strongFence;
            this.fence = fence;
            this.wPreBounded = wPreBounded;
            this.rPreBounded = rPreBounded;
            this.wPostBounded = wPostBounded;
            this.rPostBounded = rPostBounded;
            int n = xbstar.size();
            wwRows = new long[n][];
            wrRows = new long[n][];
            rwRows = new long[n][];
        }

        /** The union of the rows of {@code m} picked by {@code v}. */
        static long[] times(long[] v, Rel m) {
            long[] out = new long[m.w];
            for (int j = Bits.first(v); j >= 0; j = Bits.next(v, j + 1))
                for (int k = 0, base = j * m.w; k < m.w; k++) out[k] |= m.b[base + k];
            return out;
        }

        static long[] and(long[] v, long[] s) {
            long[] out = v.clone();
            for (int k = 0; k < out.length; k++) out[k] &= s[k];
            return out;
        }

        static long[] or(long[] a, long[] b) {
            long[] out = a.clone();
            for (int k = 0; k < out.length; k++) out[k] |= b[k];
            return out;
        }

        /** Row of {@code vis} summed over the start events {@code v}. */
        long[] visFrom(long[] v) {
            long[] m = and(times(times(v, cumulFenceStar), rfeOpt), marked);
            long[] viaStrong = times(and(times(m, strongFence), marked), xbstar);
            long[] local = new long[m.length];
            for (int j = Bits.first(m); j >= 0; j = Bits.next(m, j + 1)) {
                for (int k = 0, base = j * xbstar.w; k < local.length; k++)
                    local[k] |= xbstar.b[base + k] & intl.b[base + k];
            }
            return or(viaStrong, local);
        }

        long[] vis2(int a, Rel preBounded) {
            long[] sfXb = times(times(strongFence.row(a), xbstar), preBounded);
            long[] viaVis = times(visFrom(wPostBounded.row(a)), preBounded);
            return or(fence.row(a), or(sfXb, viaVis));
        }

        public boolean wwVis(int a, int b) {
            if (wwRows[a] == null) wwRows[a] = vis2(a, wPreBounded);
            return Bits.has(wwRows[a], b);
        }

        public boolean wrVis(int a, int b) {
            if (wrRows[a] == null) wrRows[a] = vis2(a, rPreBounded);
            return Bits.has(wrRows[a], b);
        }

        public boolean rwXbstar(int a, int b) {
            if (rwRows[a] == null)
                rwRows[a] = or(fence.row(a), times(times(rPostBounded.row(a), xbstar), wPreBounded));
            return Bits.has(rwRows[a], b);
        }
    }
}
