package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.mem.Loc;
import mmrace.engine.slab.Heap;
import mmrace.engine.slab.SlabObject;
import mmrace.engine.sync.RwSemaphore;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Kernel;
import mmrace.kernel.LockClasses;
import mmrace.kernel.variant.AnonVmaImpl;

/**
 * struct anon_vma, from anon_vma_cachep: SLAB_TYPESAFE_BY_RCU with anon_vma_ctor(). A freed
 * anon_vma may be a new one at once, so a reader that found it through a stale page->mapping
 * under rcu_read_lock() may lock it and find someone else's; the lock itself stays valid across
 * reuse because the ctor, not the allocation, initialises it.
 *
 * <p>Which lock and which anon_vma's lock "the anon_vma lock" is depends on {@link AnonVmaImpl}.
 */
public final class AnonVma extends SlabObject {
    public static final long PAGE_MAPPING_ANON = 0x1;
    public static final long PAGE_MAPPING_MOVABLE = 0x2;
    public static final long PAGE_MAPPING_FLAGS = 0x3;

    final Kernel k;
    /** anon_vma->root: set when allocated (anon_vma_alloc, anon_vma_fork); read: READ_ONCE, or under its lock. */
    public final Loc root;
    /** anon_vma->refcount: atomic (V5_6 lifetime). */
    public final Loc refcount;
    /** 2.6.3x: spinlock_t lock. Initialised by the ctor, so it survives free and reuse. */
    final SpinLock lock;
    /** anon_vma->rwsem. Initialised by the ctor. */
    final RwSemaphore rwsem;
    /** anon_vma->rb_root (the same_anon_vma list in 2.6.3x). guarded by: the root's lock. */
    final List<AnonVmaChain> rbRoot = new ArrayList<>();

    /** anon_vma_ctor(). */
    AnonVma(Kernel k) {
        super(k.x, "anon_vma");
        this.k = k;
        this.root = field("root", 0);
        this.refcount = field("refcount", 0);
        String n = "anon_vma@" + Long.toHexString(addr);
        this.lock = new SpinLock(k.x, n + "->lock", LockClasses.ANON_VMA);
        this.rwsem = new RwSemaphore(k.x, n + "->rwsem", LockClasses.ANON_VMA);
    }

    /**
     * The opening every reader of page->mapping under RCU shares (page_lock_anon_vma() in all its
     * forms, page_get_anon_vma(), mm/rmap.c): READ_ONCE of page->mapping, and the anon_vma it
     * points to only if the page is anonymous and still mapped, else null. Caller holds:
     * rcu_read_lock.
     */
    static AnonVma ofMappedPage(Kernel k, Page page) {
        long m = page.mapping.readOnce();
        if ((m & PAGE_MAPPING_FLAGS) != PAGE_MAPPING_ANON || !PageRef.pageMapped(page)) {
            return null;
        }
        return deref(k, m);
    }

    public static AnonVma deref(Kernel k, long ptr) {
        return k.x.attachment(Heap.class, Heap::new).deref(ptr & ~PAGE_MAPPING_FLAGS, AnonVma.class);
    }

    private AnonVmaImpl impl() {
        return k.variant(AnonVmaImpl.class);
    }

    /** The anon_vma whose lock "this anon_vma's lock" is: anon_vma->root (read plainly), or itself in 2.6.34. */
    AnonVma lockHolder() {
        return impl().locksRoot() ? deref(k, root.read()) : this;
    }

    /** anon_vma_lock_write(). */
    public void lockWrite() {
        AnonVma h = lockHolder();
        if (impl().rwsem()) {
            h.rwsem.downWrite();
        } else {
            h.lock.lock();
        }
    }

    /** anon_vma_unlock_write(). */
    public void unlockWrite() {
        AnonVma h = lockHolder();
        if (impl().rwsem()) {
            h.rwsem.upWrite();
        } else {
            h.lock.unlock();
        }
    }

    /** anon_vma_lock_read() (spin_lock in 2.6.3x). */
    public void lockRead() {
        AnonVma h = lockHolder();
        if (impl().rwsem()) {
            h.rwsem.downRead();
        } else {
            h.lock.lock();
        }
    }

    public void unlockRead() {
        AnonVma h = lockHolder();
        if (impl().rwsem()) {
            h.rwsem.upRead();
        } else {
            h.lock.unlock();
        }
    }

    /** down_read_trylock(&root->rwsem) on this anon_vma's own lock (the caller found the root). */
    boolean trylockReadOwn() {
        return impl().rwsem() ? rwsem.downReadTrylock() : lock.trylock();
    }

    /** rwsem_is_locked(&anon_vma->root->rwsem) (spin_is_locked in 2.6.3x). */
    boolean rootIsLocked() {
        AnonVma h = lockHolder();
        return impl().rwsem() ? h.rwsem.isLocked() : h.lock.isLocked();
    }

    /** lockdep_assert_held(&anon_vma->root->rwsem), as the caller of an anon_vma tree update must. */
    public void assertLocked() {
        AnonVma h = impl().locksRoot() ? deref(k, root.peek()) : this;
        if (impl().rwsem()) {
            h.rwsem.assertHeld();
        } else {
            h.lock.assertHeld();
        }
    }

    public List<AnonVmaChain> chainsForCheck() {
        return rbRoot;
    }

    @Override
    public String toString() {
        return describe();
    }
}
