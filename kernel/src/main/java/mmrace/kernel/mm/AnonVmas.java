package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Atomic;
import mmrace.engine.sync.Rcu;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;
import mmrace.kernel.variant.AnonVmaImpl;

/**
 * The anon_vma half of mm/rmap.c (v5.6): giving a VMA its anon_vma, chaining a child's VMA to
 * its parent's anon_vmas at fork, unlinking at unmap, and freeing an anon_vma when the last
 * reference goes. The 2.6.3x lifetime (free when the chain list empties) is a variant.
 */
public final class AnonVmas {
    private AnonVmas() {
    }

    /** anon_vma_alloc(): refcount 1, its own root. */
    static AnonVma anonVmaAlloc(Kernel k) {
        AnonVma av = k.caches.anonVma.alloc();
        av.refcount.store(1, Order.ONCE, "atomic_set(&anon_vma->refcount, 1)");
        av.root.write(av.addr);
        return av;
    }

    /**
     * anon_vma_free() (v5.6): "Synchronize against page_lock_anon_vma_read() such that we can
     * safely hold the lock without the anon_vma getting freed": if the root's rwsem is held, take
     * and drop it once. Pairs the full barrier of put_anon_vma()'s atomic_dec_and_test with the
     * acquire of down_read_trylock.
     */
    static void anonVmaFree(Kernel k, AnonVma av) {
        try (Fn f = Fn.enter(k.x, "anon_vma_free")) {
            if (k.variant(AnonVmaImpl.class).refcountLifetime() && av.rootIsLocked()) {
                av.lockWrite();
                av.unlockWrite();
            }
            k.caches.anonVma.free(av);
        }
    }

    /** put_anon_vma(): the last reference frees it, and then drops the one it held on its root. */
    public static void putAnonVma(Kernel k, AnonVma av) {
        if (Atomic.in(av.refcount).decAndTest()) {
            try (Fn f = Fn.enter(k.x, "__put_anon_vma")) {
                AnonVma root = AnonVma.deref(k, av.root.read());
                anonVmaFree(k, av);
                if (root != av && Atomic.in(root.refcount).decAndTest()) {
                    anonVmaFree(k, root);
                }
            }
        }
    }

    /**
     * page_get_anon_vma(): a reference on the anon_vma of a page that is still mapped, so that
     * it outlives the page's last unmap (migration: the rmap walk of remove_migration_ptes needs
     * it after try_to_unmap has taken every mapping away). Null if the page is not anonymous or
     * not mapped.
     *
     * @see mm/rmap.c page_get_anon_vma() (v5.6). Takes: rcu_read_lock.
     */
    public static AnonVma pageGetAnonVma(Kernel k, Page page) {
        try (Fn f = Fn.enter(k.x, "page_get_anon_vma")) {
            Rcu.rcuReadLock(k.x);
            AnonVma av = AnonVma.ofMappedPage(k, page);
            if (av == null) {
                Rcu.rcuReadUnlock(k.x);
                return null;
            }
            if (!Atomic.in(av.refcount).incNotZero()) {
                Rcu.rcuReadUnlock(k.x);
                return null;
            }
            // "If this page is still mapped, then its anon_vma cannot have been freed. But if it
            // has been unmapped, we have no security against the anon_vma structure being freed
            // and reused"
            if (!PageRef.pageMapped(page)) {
                Rcu.rcuReadUnlock(k.x);
                putAnonVma(k, av);
                return null;
            }
            Rcu.rcuReadUnlock(k.x);
            return av;
        }
    }

    /** anon_vma_chain_link(). Caller holds: the anon_vma lock (write) and what guards vma->anon_vma_chain. */
    static void chainLink(VmArea vma, AnonVmaChain avc, AnonVma av) {
        av.assertLocked();
        avc.vma = vma;
        avc.anonVma = av;
        vma.anonVmaChain.add(0, avc);
        av.rbRoot.add(avc);
    }

    /**
     * anon_vma_prepare(): give {@code vma} an anon_vma before its first anonymous page. The
     * check of vma->anon_vma is repeated under mm->page_table_lock "to protect against threads"
     * faulting in the same VMA at the same time. (find_mergeable_anon_vma() is not modelled:
     * a new anon_vma every time.)
     *
     * @see mm/rmap.c __anon_vma_prepare() (v5.6). Caller holds: mmap_lock for read.
     *     Takes: anon_vma lock (write), then mm->page_table_lock.
     */
    public static boolean anonVmaPrepare(Kernel k, VmArea vma) {
        if (vma.anonVma.read() != 0) {
            return true;
        }
        try (Fn f = Fn.enter(k.x, "__anon_vma_prepare")) {
            vma.mm.mmapLock.assertHeld();
            mmrace.engine.sync.CpuState.mightSleep(k.x, "__anon_vma_prepare");
            AnonVmaChain avc = k.caches.anonVmaChain.alloc();
            AnonVma av = anonVmaAlloc(k);
            AnonVma allocated = av;
            av.lockWrite();
            vma.mm.pageTableLock.lock();
            if (vma.anonVma.read() == 0) {
                vma.anonVma.write(av.addr);
                chainLink(vma, avc, av);
                allocated = null;
                avc = null;
            }
            vma.mm.pageTableLock.unlock();
            av.unlockWrite();
            if (allocated != null) {
                putAnonVma(k, allocated);
            }
            if (avc != null) {
                k.caches.anonVmaChain.free(avc);
            }
            return true;
        }
    }

    /**
     * anon_vma_clone(): chain {@code dst} to every anon_vma {@code src} is chained to, under the
     * root's lock (lock_anon_vma_root). The reuse of an anon_vma with a low degree is not modelled.
     *
     * @see mm/rmap.c anon_vma_clone() (v5.6). Caller holds: mmap_lock for write of dst's mm.
     */
    static void anonVmaClone(Kernel k, VmArea dst, VmArea src) {
        try (Fn f = Fn.enter(k.x, "anon_vma_clone")) {
            AnonVma lockedRoot = null;
            List<AnonVmaChain> chains = new ArrayList<>(src.anonVmaChain);
            java.util.Collections.reverse(chains);
            for (AnonVmaChain pavc : chains) {
                AnonVmaChain avc = k.caches.anonVmaChain.alloc();
                AnonVma av = pavc.anonVma;
                AnonVma holder = av.lockHolder();
                if (holder != lockedRoot) {
                    if (lockedRoot != null) {
                        lockedRoot.unlockWrite();
                    }
                    lockedRoot = holder;
                    holder.lockWrite();
                }
                chainLink(dst, avc, av);
            }
            if (lockedRoot != null) {
                lockedRoot.unlockWrite();
            }
        }
    }

    /**
     * anon_vma_fork(): the child's VMA joins the parent's anon_vmas and gets one of its own,
     * whose root is the parent's root ("The root anon_vma's spinlock is the lock actually used
     * when we lock any of the anon_vmas in this anon_vma tree"), pinned by a reference.
     *
     * @see mm/rmap.c anon_vma_fork() (v5.6). Caller holds: both mms' mmap_lock for write.
     */
    public static void anonVmaFork(Kernel k, VmArea vma, VmArea pvma) {
        long parentAv = pvma.anonVma.read();
        if (parentAv == 0) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "anon_vma_fork")) {
            vma.anonVma.write(0);
            anonVmaClone(k, vma, pvma);
            AnonVma av = anonVmaAlloc(k);
            AnonVmaChain avc = k.caches.anonVmaChain.alloc();
            if (k.variant(AnonVmaImpl.class).locksRoot()) {
                AnonVma parent = AnonVma.deref(k, parentAv);
                long root = parent.root.read();
                av.root.write(root);
                Atomic.in(AnonVma.deref(k, root).refcount).inc();
            }
            vma.anonVma.write(av.addr);
            av.lockWrite();
            chainLink(vma, avc, av);
            av.unlockWrite();
        }
    }

    /**
     * unlink_anon_vmas(): take the VMA off every anon_vma it is chained to; anon_vmas left
     * empty lose the VMA's reference (v5.6) or are freed at once (2.6.3x).
     *
     * @see mm/rmap.c unlink_anon_vmas() (v5.6). Caller holds: mmap_lock for write (or exit_mmap).
     */
    public static void unlinkAnonVmas(Kernel k, VmArea vma) {
        if (vma.anonVmaChain.isEmpty()) {
            return;
        }
        try (Fn f = Fn.enter(k.x, "unlink_anon_vmas")) {
            boolean refcounted = k.variant(AnonVmaImpl.class).refcountLifetime();
            List<AnonVma> empty = new ArrayList<>();
            AnonVma lockedRoot = null;
            for (AnonVmaChain avc : new ArrayList<>(vma.anonVmaChain)) {
                AnonVma av = avc.anonVma;
                AnonVma holder = av.lockHolder();
                if (holder != lockedRoot) {
                    if (lockedRoot != null) {
                        lockedRoot.unlockWrite();
                    }
                    lockedRoot = holder;
                    holder.lockWrite();
                }
                av.rbRoot.remove(avc);
                if (av.rbRoot.isEmpty()) {
                    empty.add(av);
                }
                vma.anonVmaChain.remove(avc);
                k.caches.anonVmaChain.free(avc);
            }
            if (lockedRoot != null) {
                lockedRoot.unlockWrite();
            }
            // Freed outside the lock: __put_anon_vma() may need to take the root's lock itself
            // (and 2.6.3x anon_vma_unlink() freed after spin_unlock too).
            for (AnonVma av : empty) {
                if (refcounted) {
                    putAnonVma(k, av);
                } else {
                    anonVmaFree(k, av);
                }
            }
        }
    }
}
