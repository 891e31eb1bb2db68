/**
 * Axiomatic memory-model checking of explicit execution graphs: the Linux-kernel memory model
 * (LKMM) as herd7 evaluates linux-kernel.bell + lock.cat + linux-kernel.cat, plus SC, x86-TSO and
 * an Alpha variant of LKMM.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * ExecutionGraph.Builder b = ExecutionGraph.builder();
 * int x = b.location("x"), y = b.location("y"), l = b.location("lock");
 * b.write(0, x, 1, Tag.ONCE);                 // WRITE_ONCE(x, 1)       thread 0
 * b.lock(0, l); ...; b.unlock(0, l);          // spin_lock / spin_unlock
 * int r = b.read(1, y, Tag.ACQUIRE);          // smp_load_acquire(y)    thread 1
 * b.rf(someWrite, r);                         // no rf: reads the initial value
 * b.coOrder(w1, w2);                          // needed when a location has two or more writes
 * ExecutionGraph g = b.build();               // MalformedGraphException if not a candidate
 * Verdict v = new LkmmChecker().check(g);     // v.allowed(), v.failedAxiom(), v.flags(), v.explain(g)
 * }</pre>
 *
 * Models: {@link mmrace.engine.graph.LkmmChecker}, {@link mmrace.engine.graph.ScChecker},
 * {@link mmrace.engine.graph.TsoChecker}, {@link mmrace.engine.graph.AlphaChecker}, or
 * {@link mmrace.engine.graph.MemoryModelChecker#byName(String)} ("lkmm", "sc", "tso", "alpha").
 * A new model is one new file: a class {@code <Name>Checker implements MemoryModelChecker} in this
 * package with a no-argument constructor; byName finds it by reflection, nothing else to edit.
 *
 * <h2>Data</h2>
 *
 * Events are ints {@code 0..n-1}; their kind, thread, program-order index, location, value and tag
 * mask live in parallel arrays. A relation ({@link mmrace.engine.graph.Rel}) is one bitset row per
 * event ({@code n * ceil(n/64)} longs), a set is a {@code long[]} bitset
 * ({@link mmrace.engine.graph.Bits}). Tags ({@link mmrace.engine.graph.Tag}) are the .def/.bell
 * annotations: ONCE, ACQUIRE, RELEASE, NORETURN, MB, RMW (membership of herd's RMW set, failed
 * cmpxchg included), the fence tags (WMB, RMB, MB, BARRIER, BEFORE_ATOMIC, AFTER_ATOMIC,
 * AFTER_SPINLOCK, AFTER_UNLOCK_LOCK, AFTER_SRCU_READ_UNLOCK, RCU_LOCK, RCU_UNLOCK, SYNC_RCU,
 * RB_DEP), SRCU_LOCK (a read), SRCU_UNLOCK (a write), SYNC_SRCU (a fence with a location) and
 * lock.cat's LKR, LKW, UL, LF, RL, RU (reads or writes, as lock.cat re-classifies them). A plain
 * access is an access with none of the marking tags.
 *
 * <h2>How the cat files map to code</h2>
 *
 * <table>
 * <caption>cat to Java</caption>
 * <tr><th>cat</th><th>here</th></tr>
 * <tr><td>{@code r | s, r & s, r \ s, r ; s, r^-1}</td><td>{@code union, inter, minus, seq, inverse}</td></tr>
 * <tr><td>{@code r?, r*, r+}</td><td>{@code opt, star, plus} (closure by topological DP when acyclic, else Warshall)</td></tr>
 * <tr><td>{@code [S], S1 * S2, [S];r, r;[S]}</td><td>{@code Rel.identityOn, Rel.cross, dom, ran, restrict}</td></tr>
 * <tr><td>{@code domain, range, ~S}</td><td>{@code domain(), range(), Bits.complement}</td></tr>
 * <tr><td>{@code acyclic / irreflexive / empty ... as X}</td><td>{@code isAcyclic / reflexiveEvent / isEmpty}, then {@code Verdict.forbid("X", witness)}</td></tr>
 * <tr><td>{@code flag ~empty r as X}</td><td>{@code "X"} in {@link mmrace.engine.graph.Verdict#flags()} of an allowed execution</td></tr>
 * <tr><td>{@code po, loc, int, ext, id}</td><td>{@code g.po()}, {@code g.sameLoc()}, {@code g.internal()} (same thread or same event), its complement, {@code Rel.identity}</td></tr>
 * <tr><td>{@code rf, co, fr, rmw, addr, data, ctrl, IW}</td><td>the graph's, with {@code fr = rf^-1 ; co}; {@code rmw} already holds lock.cat's lk-rmw</td></tr>
 * <tr><td>{@code fencerel(S)}</td><td>{@code po ; [S] ; po}, built directly around each member of S</td></tr>
 * <tr><td>{@code let rec} (rcu-rscs, rcu-order)</td><td>iteration from the empty relation to the fixpoint</td></tr>
 * </table>
 *
 * {@link mmrace.engine.graph.LkmmChecker} evaluates the three files top to bottom, each {@code let}
 * one Java local under the same name (comments quote the cat line), so the code reads against the
 * cat file:
 * <ul>
 * <li>linux-kernel.bell (lkmmv2): FailedRMW; Acquire = ACQUIRE \ W \ FailedRMW;
 *     Release = RELEASE \ R \ FailedRMW; Mb = MB \ FailedRMW; Noreturn = NORETURN \ W;
 *     rcu-rscs (the let rec matching nested rcu_read_lock/unlock); carry-srcu-data and srcu-rscs;
 *     Marked / Plain; carry-dep and the redefinition of addr, data, ctrl.</li>
 * <li>lock.cat: candidate generation (lk-rmw pairing, rf of LKR/LF/RL/RU, co0 with the unmatched
 *     LKW last, merging UL into co) is done by {@link mmrace.engine.graph.ExecutionGraph.Builder#build()},
 *     which completes what the caller left out and rejects what herd would never generate; the
 *     checker evaluates lock-nest, nested-is-locked, unmatched-locks, the Acquire/Release
 *     extension by LKR/UL and the flags.</li>
 * <li>linux-kernel.cat: acq-po, po-rel, po-unlock-lock-po, R4rmb, rmb, wmb, mb (with the Mb-tagged
 *     RMW terms, before/after-atomic, after-spinlock, after-unlock-lock,
 *     after-srcu-read-unlock), gp, strong-fence, nonrw-fence, fence, coherence, atomic, dep, rwdep,
 *     overwrite, to-w, to-r, ppo, A-cumul, rmw-sequence, cumul-fence, prop, hb (happens-before),
 *     pb (propagation), rcu-gp, srcu-gp, rcu-rscsi, srcu-rscsi, rcu-link, rcu-order, rcu-fence, the
 *     redefinitions of fence and strong-fence, rb (rcu), barrier, mixed-accesses, xbstar, vis,
 *     w/r-pre/post-bounded, ww-vis, wr-vis, rw-xbstar, pre-race, wr/rw/ww-incoh
 *     (plain-coherence), ww-nonrace, ww/wr/rw-race (data-race).</li>
 * </ul>
 * Two shortcuts keep it fast without changing results: the RCU part is skipped when there is no
 * grace period (rcu-order is then empty), the plain-access part when there is no plain access
 * (pre-race is then empty); and ww-vis, wr-vis and rw-xbstar are evaluated row by row only for
 * the pairs pre-race needs (a test cross-checks this against the whole relations on thousands of
 * random executions). The first failing check in file order is reported, with a witness.
 *
 * <p>{@link mmrace.engine.graph.ScChecker} is sc.cat ({@code acyclic po | com}, atomic).
 * {@link mmrace.engine.graph.TsoChecker} is x86tso.cat (uniproc, atomic,
 * {@code acyclic mfence | implied | po-ghb | rfe | fr | co}) with the kernel primitives mapped as
 * x86 implements them (see its Javadoc). Both add an "rcu" axiom of their own (RCU's law: a
 * read-side critical section and a grace period of another thread are ordered one way or the
 * other), since their cat files know no RCU. {@link mmrace.engine.graph.AlphaChecker} is LKMM
 * with {@code addr} to reads kept only across an Rb-dep fence, or after a READ_ONCE when the
 * 4.15+ option (default) says READ_ONCE carries smp_read_barrier_depends().
 *
 * <h2>Not implemented, and known differences from herd7</h2>
 * <ul>
 * <li>lock.cat's {@code lock-final} flag ({@code [FW] ; loc ; [ALL-LOCKS]}): it is about the final
 *     value of a lock being tested by a litmus test's condition, which a graph does not carry.</li>
 * <li>Candidate generation is the caller's: herd enumerates rf/co and values from the program;
 *     here the graph is given, and a graph herd would not generate is a
 *     {@link mmrace.engine.graph.MalformedGraphException}, not a "forbidden" verdict. Values are
 *     taken as given (checked against the rf source unless {@code strictValues(false)}).</li>
 * <li>With two or more unmatched LKWs on one lock herd's co0 is cyclic and no candidate exists;
 *     here co0 is left out so that the unmatched-locks axiom rejects the graph (same outcome: not
 *     allowed). A UL with no matching LKW is, as in lock.cat, in no co edge.</li>
 * <li>The bell's rcu-rscs {@code let rec} is iterated sequentially; herd iterates the mutually
 *     recursive definitions together. Both agree on properly nested sections; on ill-nested ones
 *     (which herd flags) the matching might differ.</li>
 * <li>Only the current model (lkmmv2: Mb tags on RMWs, rmw-sequence, po-unlock-lock-po with
 *     (po|rf), to-r = addr ; [R], after-srcu-read-unlock) is implemented; herd's lkmmv1 mode,
 *     where herd itself puts smp_mb() fences around fully ordered RMWs, and older cat files are
 *     not selectable.</li>
 * <li>The data-race flag's witness is one racing pair, not all of them.</li>
 * <li>The RCU axiom of SC and TSO, and the Alpha model as a whole, are not herd models but this
 *     package's own (documented on each class).</li>
 * </ul>
 */
package mmrace.engine.graph;
