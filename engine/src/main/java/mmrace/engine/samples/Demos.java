package mmrace.engine.samples;

import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Program;
import mmrace.engine.mem.Loc;
import mmrace.engine.slab.Heap;
import mmrace.engine.slab.KmemCache;
import mmrace.engine.slab.SlabObject;
import mmrace.engine.sync.LockClass;
import mmrace.engine.sync.Rcu;
import mmrace.engine.sync.SpinLock;

/**
 * Small programs that show what the engine finds on its own, before any mm model: lock-order
 * deadlocks, use-after-free, and the RCU and SLAB_TYPESAFE_BY_RCU rules that make freeing safe.
 * Each comes with its fixed twin.
 */
public final class Demos {
    private Demos() {
    }

    /** Two CPUs take spinlocks A and B in opposite orders: deadlock, and a lock-order report. */
    public static Program abba(boolean fixed) {
        return Program.named(fixed ? "abba-fixed" : "abba", x -> {
            SpinLock a = new SpinLock(x, "A", LockClass.of("lock_A", 1));
            SpinLock b = new SpinLock(x, "B", LockClass.of("lock_B", 2));
            Loc shared = new Loc(x, "shared", 0);
            x.cpu(() -> {
                x.enter("path_one");
                a.lock();
                b.lock();
                shared.writeOnce(shared.readOnce() + 1);
                b.unlock();
                a.unlock();
                x.leave();
            });
            x.cpu(() -> {
                x.enter("path_two");
                SpinLock first = fixed ? a : b;
                SpinLock second = fixed ? b : a;
                first.lock();
                second.lock();
                shared.writeOnce(shared.readOnce() + 1);
                second.unlock();
                first.unlock();
                x.leave();
            });
        });
    }

    /** An object published through a global pointer, with one field. */
    public static final class Foo extends SlabObject {
        public final Loc data;

        Foo(Execution x) {
            super(x, "foo");
            data = field("data", 0);
        }
    }

    /** How the updater gets rid of the old object. */
    public enum FreeMode {
        /** kmem_cache_free() at once: readers may still hold the pointer. */
        IMMEDIATE,
        /** call_rcu() to free after a grace period; readers are in rcu_read_lock(). */
        CALL_RCU,
        /** synchronize_rcu(), then free. */
        SYNCHRONIZE_RCU,
        /** A SLAB_TYPESAFE_BY_RCU cache, freed at once, reused by a third CPU. */
        TYPESAFE
    }

    /**
     * CPU0 reads the global pointer and then the object's field; CPU1 unpublishes the object
     * and frees it. With TYPESAFE, CPU2 allocates from the same cache and may get the same
     * memory as a new object: the reader then sees the new object's field, not a fault.
     */
    public static Program useAfterFree(FreeMode mode) {
        return Program.named("uaf-" + mode.name().toLowerCase().replace('_', '-'), x -> {
            KmemCache<Foo> cache = mode == FreeMode.TYPESAFE
                    ? KmemCache.typesafeByRcu(x, "foo", false, () -> new Foo(x))
                    : KmemCache.create(x, "foo", () -> new Foo(x));
            Foo first = cache.alloc();
            first.data.init(1);
            Loc gp = new Loc(x, "gp", first.addr);
            boolean rcu = mode != FreeMode.IMMEDIATE;
            x.cpu(() -> {
                x.enter("reader");
                if (rcu) {
                    Rcu.rcuReadLock(x);
                }
                long p = gp.readOnce();
                if (p != 0) {
                    Foo f = x.attachment(Heap.class, Heap::new).deref(p, Foo.class);
                    x.record("data", f.data.readOnce());
                }
                if (rcu) {
                    Rcu.rcuReadUnlock(x);
                }
                x.leave();
            });
            x.cpu(() -> {
                x.enter("updater");
                long p = gp.readOnce();
                gp.writeOnce(0);
                Foo f = x.attachment(Heap.class, Heap::new).deref(p, Foo.class);
                switch (mode) {
                    case IMMEDIATE, TYPESAFE -> cache.free(f);
                    case CALL_RCU -> Rcu.callRcu(x, "foo_free_rcu", () -> cache.free(f));
                    case SYNCHRONIZE_RCU -> {
                        Rcu.synchronizeRcu(x);
                        cache.free(f);
                    }
                }
                x.leave();
            });
            if (mode == FreeMode.TYPESAFE) {
                x.cpu(() -> {
                    x.enter("allocator");
                    Foo g = cache.alloc();
                    g.data.writeOnce(2);
                    x.leave();
                });
            }
        });
    }
}
