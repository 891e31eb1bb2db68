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
        this.computeFlags = computeFlags;
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

        Rel fencerel(long[] s) {
            return po.ran(s).seq(po);
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
            if (!hb.isAcyclic()) return forbid("happens-before", hb.findCycle());
            Rel hbStar = hb.star();

            // let pb = prop ; strong-fence ; hb* ; [Marked]
            Rel pb = prop.seq(strongFence).seq(hbStar).ran(marked);
            if (!pb.isAcyclic()) return forbid("propagation", pb.findCycle());
            Rel pbStar = pb.star();

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
                Rel vis = cumulFenceStar.seq(rfe.opt()).ran(marked)
                        .seq(strongFence2.ran(marked).seq(xbstar).union(xbstar.inter(intl)));
                long[] notNoreturn = Bits.complement(n, noreturn);
                Rel rmbFence = fencerel(t(Tag.RMB));
                Rel wPreBounded = addr.union(fence2).opt().dom(marked);
                Rel rPreBounded = addr.union(nonrwFence).union(rmbFence.restrict(r4rmb, notNoreturn)).opt().dom(marked);
                Rel wPostBounded = fence2.opt().ran(marked).seq(rmwSequence);
                Rel rPostBounded = nonrwFence.union(rmbFence.restrict(notNoreturn, r4rmb)).opt().ran(marked);
                Rel sfXb = strongFence2.seq(xbstar);
                Rel wwVis = fence2.union(sfXb.seq(wPreBounded)).union(wPostBounded.seq(vis).seq(wPreBounded));
                Rel wrVis = fence2.union(sfXb.seq(rPreBounded)).union(wPostBounded.seq(vis).seq(rPreBounded));
                Rel rwXbstar = fence2.union(rPostBounded.seq(xbstar).seq(wPreBounded));
                // let pre-race = ext & ((Plain * M) | ((M \ IW) * Plain))
                Rel preRace = ext.inter(cross(plain, M).union(cross(Bits.minus(M, IW), plain)));
                Rel rwXbstarInv = rwXbstar.inverse();
                Rel wrIncoh = preRace.inter(rf).inter(rwXbstarInv);
                Rel rwIncoh = preRace.inter(fr).inter(wrVis.inverse());
                Rel wwIncoh = preRace.inter(co).inter(wwVis.inverse());
                Rel incoh = wrIncoh.union(rwIncoh).union(wwIncoh);
                if (!incoh.isEmpty()) return forbid("plain-coherence", incoh.anyPair());
                if (computeFlags) {
                    Rel wwNonrace = wwVis.inter(cross(marked, W).union(rwXbstar))
                            .inter(cross(W, marked).union(wrVis));
                    Rel wwRace = preRace.inter(co).minus(wwNonrace);
                    Rel wrRace = preRace.inter(co.opt().seq(rf)).minus(wrVis).minus(rwXbstarInv);
                    Rel rwRace = preRace.inter(fr).minus(rwXbstar);
                    dataRace = wwRace.union(wrRace).union(rwRace);
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
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                    if (srcuRscs.has(a, b) && g.value(a) != g.value(b)) flags.add("srcu-bad-value-match");
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
            return flags.isEmpty() ? ok() : Verdict.allow(name(), flags);
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
}
