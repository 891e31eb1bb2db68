package mmrace.kernel.mm;

import mmrace.engine.exec.FindingKind;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Atomic;
import mmrace.engine.sync.Barriers;
import mmrace.engine.sync.Rcu;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.check.CheckNames;
import mmrace.kernel.variant.PageLockAnonVma;

/**
 * page_lock_anon_vma(): finding and locking the anon_vma of a page that is not locked, whose
 * page->mapping may be stale and whose anon_vma may have been freed and reused (the cache is
 * SLAB_TYPESAFE_BY_RCU). Each {@link PageLockAnonVma} variant is one historical form (seed S001).
 *
 * <p>Check {@code rmap-anon-vma}: when a form returns an anon_vma, it is page_rmapping(page) and
 * the page is mapped.
 */
public final class PageLockAnonVmaForms {
    private PageLockAnonVmaForms() {
    }

    /** A locked anon_vma and whether the form returns holding rcu_read_lock (the 2.6.3x forms do). */
    public record Locked(AnonVma anonVma, boolean rcu) {
    }

    public static Locked pageLockAnonVma(Kernel k, Page page) {
        return switch (k.variant(PageLockAnonVma.class)) {
            case V5_6 -> v5_6(k, page);
            case V2_6_34_RC -> v2_6_34(k, page, false);
            case V2_6_36 -> v2_6_34(k, page, true);
            case PETERZ -> peterz(k, page, true);
            case PETERZ_NO_RMB -> peterz(k, page, false);
        };
    }

    /** page_unlock_anon_vma(): the unlock, and rcu_read_unlock for the 2.6.3x forms. */
    public static void pageUnlockAnonVma(Kernel k, Locked l) {
        try (Fn f = Fn.enter(k.x, "page_unlock_anon_vma")) {
            l.anonVma.unlockRead();
            if (l.rcu) {
                Rcu.rcuReadUnlock(k.x);
            }
        }
    }

    /** @see mm/rmap.c page_lock_anon_vma_read() (v5.6). Takes: rcu_read_lock, then the root's rwsem for read. */
    static Locked v5_6(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "page_lock_anon_vma_read")) {
            Rcu.rcuReadLock(k.x);
            AnonVma av = AnonVma.ofMappedPage(k, page);
            if (av == null) {
                Rcu.rcuReadUnlock(k.x);
                return null;
            }
            AnonVma root = AnonVma.deref(k, av.root.readOnce());
            if (root.trylockReadOwn()) {
                // "If the page is still mapped, then this anon_vma is still its anon_vma, and
                // holding the mutex ensures that it will not go away, see anon_vma_free()."
                if (!PageRef.pageMapped(page)) {
                    av.unlockRead();
                    Rcu.rcuReadUnlock(k.x);
                    return null;
                }
                Rcu.rcuReadUnlock(k.x);
                return returned(k, page, av, false);
            }
            // trylock failed, we got to sleep
            if (!Atomic.in(av.refcount).incNotZero()) {
                Rcu.rcuReadUnlock(k.x);
                return null;
            }
            if (!PageRef.pageMapped(page)) {
                Rcu.rcuReadUnlock(k.x);
                AnonVmas.putAnonVma(k, av);
                return null;
            }
            // we pinned the anon_vma, its safe to sleep
            Rcu.rcuReadUnlock(k.x);
            av.lockRead();
            if (Atomic.in(av.refcount).decAndTest()) {
                // "Oops, we held the last refcount, release the lock and bail"
                av.unlockRead();
                try (Fn g = Fn.enter(k.x, "__put_anon_vma")) {
                    AnonVma r = AnonVma.deref(k, av.root.read());
                    AnonVmas.anonVmaFree(k, av);
                    if (r != av && Atomic.in(r.refcount).decAndTest()) {
                        AnonVmas.anonVmaFree(k, r);
                    }
                }
                return null;
            }
            return returned(k, page, av, false);
        }
    }

    /**
     * 2.6.34-rc page_lock_anon_vma(): the mapping and page_mapped() are checked before the lock,
     * never after. With {@code recheck} (2.6.36, f18194275c39): lock the root (read with
     * ACCESS_ONCE) and return only if page_mapped() still holds.
     */
    static Locked v2_6_34(Kernel k, Page page, boolean recheck) {
        try (Fn f = Fn.enter(k.x, "page_lock_anon_vma")) {
            Rcu.rcuReadLock(k.x);
            AnonVma av = AnonVma.ofMappedPage(k, page);
            if (av == null) {
                Rcu.rcuReadUnlock(k.x);
                return null;
            }
            av.lockRead();
            if (recheck && !PageRef.pageMapped(page)) {
                av.unlockRead();
                Rcu.rcuReadUnlock(k.x);
                return null;
            }
            return returned(k, page, av, true);
        }
    }

    /**
     * Peter Zijlstra's proposal in the S001 thread: lock the anon_vma found, then re-read
     * page->mapping and retry if it changed; smp_rmb() "so that we read the page mapping and
     * mapcount the same way around as page_add_anon_rmap writes them", then require page_mapped().
     */
    static Locked peterz(Kernel k, Page page, boolean rmb) {
        try (Fn f = Fn.enter(k.x, "page_lock_anon_vma")) {
            Rcu.rcuReadLock(k.x);
            for (;;) {
                long m = page.mapping.readOnce();
                if ((m & AnonVma.PAGE_MAPPING_FLAGS) != AnonVma.PAGE_MAPPING_ANON) {
                    Rcu.rcuReadUnlock(k.x);
                    return null;
                }
                AnonVma av = AnonVma.deref(k, m);
                av.lockRead();
                if ((page.mapping.load(Order.ONCE, "page_rmapping") & ~AnonVma.PAGE_MAPPING_FLAGS) != av.addr) {
                    av.unlockRead();
                    continue;
                }
                if (rmb) {
                    Barriers.smpRmb(k.x);
                }
                if (!PageRef.pageMapped(page)) {
                    av.unlockRead();
                    Rcu.rcuReadUnlock(k.x);
                    return null;
                }
                return returned(k, page, av, true);
            }
        }
    }

    /**
     * The check: the anon_vma returned is the one page->mapping was set to (same address and the
     * same allocation: SLAB_TYPESAFE_BY_RCU may have made a new anon_vma at that address), and
     * the page is mapped.
     */
    private static Locked returned(Kernel k, Page page, AnonVma av, boolean rcu) {
        long m = page.mapping.peek() & ~AnonVma.PAGE_MAPPING_FLAGS;
        long mapcount = page.mapcount.peek();
        String wrong = m != av.addr ? "page->mapping is now 0x" + Long.toHexString(m)
                : page.mappingGeneration != av.generation() ? "it is a new anon_vma reusing the memory of the page's"
                : mapcount < 0 ? "the page is not mapped" : null;
        if (wrong != null) {
            throw k.x.fail(FindingKind.CHECK, CheckNames.RMAP_ANON_VMA, "page_lock_anon_vma(" + page + ") returns "
                    + av.describe() + " locked, but " + wrong);
        }
        return new Locked(av, rcu);
    }
}
