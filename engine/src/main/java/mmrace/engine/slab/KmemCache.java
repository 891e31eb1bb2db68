package mmrace.engine.slab;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.Named;
import mmrace.engine.exec.OpKind;
import mmrace.engine.mem.Loc;
import mmrace.engine.sync.Rcu;

/**
 * struct kmem_cache. Without SLAB_TYPESAFE_BY_RCU a freed object is quarantined, as KASAN does,
 * so any later access is reported. With it, a freed object stays memory of the same type: the
 * next allocation reuses the most recently freed object at once (SLUB's freelist is LIFO), so a
 * reader under rcu_read_lock() may find a different, new object where its old one was.
 * Optionally the memory leaves the cache a grace period after the free (the slab page going
 * back to the page allocator); after that, access is use-after-free.
 *
 * <p>The constructor runs when memory is first created, never on reuse, like a slab ctor
 * (anon_vma_ctor): fields it sets survive a free and a reallocation.
 */
public final class KmemCache<T extends SlabObject> implements Named {
    private final Execution x;
    private final String name;
    private final boolean typesafeByRcu;
    private final boolean discardAfterGracePeriod;
    private final Supplier<T> ctor;
    private final long key;
    private final Deque<T> freelist = new ArrayDeque<>();

    private KmemCache(Execution x, String name, boolean typesafe, boolean discard, Supplier<T> ctor) {
        this.x = x;
        this.name = name;
        this.typesafeByRcu = typesafe;
        this.discardAfterGracePeriod = discard;
        this.ctor = ctor;
        this.key = x.newId();
    }

    /** kmem_cache_create(name, ..., 0, ctor). */
    public static <T extends SlabObject> KmemCache<T> create(Execution x, String name, Supplier<T> ctor) {
        return new KmemCache<>(x, name, false, false, ctor);
    }

    /** kmem_cache_create(name, ..., SLAB_TYPESAFE_BY_RCU, ctor). */
    public static <T extends SlabObject> KmemCache<T> typesafeByRcu(Execution x, String name, boolean discardAfterGp,
                                                                   Supplier<T> ctor) {
        return new KmemCache<>(x, name, true, discardAfterGp, ctor);
    }

    /** kmem_cache_alloc(). */
    public T alloc() {
        long[] fp = typesafeByRcu ? Footprint.one(key, Mode.WRITE) : Footprint.NONE;
        Event e = x.begin(OpKind.ALLOC, "kmem_cache_alloc", this, fp, null);
        T obj = typesafeByRcu && !freelist.isEmpty() ? freelist.pop() : ctor.get();
        obj.state = SlabObject.State.LIVE;
        obj.generation++;
        obj.allocated = SlabObject.stackHere(x, "Allocated by");
        obj.freed = null;
        e.a = obj.addr;
        e.note = obj.generation > 1 ? "reuses freed " + obj.describe() : null;
        return obj;
    }

    /** kmem_cache_free(). */
    public void free(T obj) {
        Event e = x.begin(OpKind.FREE, "kmem_cache_free", this, freeFootprint(obj), null);
        e.a = obj.addr;
        if (obj.state != SlabObject.State.LIVE) {
            throw x.fail(FindingKind.DOUBLE_FREE, "kasan", "KASAN: double-free of " + obj.describe(), obj.history());
        }
        obj.freed = SlabObject.stackHere(x, "Freed by");
        if (!typesafeByRcu) {
            obj.state = SlabObject.State.FREED;
            return;
        }
        obj.state = SlabObject.State.FREE_TYPESAFE;
        freelist.push(obj);
        if (discardAfterGracePeriod && x.current() != null) {
            int gen = obj.generation;
            Rcu.callRcu(x, "discard_slab", () -> {
                x.begin(OpKind.FREE, "discard_slab", this, freeFootprint(obj), null).a = obj.addr;
                if (obj.state == SlabObject.State.FREE_TYPESAFE && obj.generation == gen) {
                    obj.state = SlabObject.State.DISCARDED;
                    freelist.remove(obj);
                }
            });
        }
    }

    /** A free writes every field, so the explorer orders it against every access to the object. */
    private long[] freeFootprint(T obj) {
        List<Loc> fields = obj.fields();
        long[] fp = new long[fields.size() + (typesafeByRcu ? 1 : 0)];
        for (int i = 0; i < fields.size(); i++) {
            fp[i] = Footprint.of(fields.get(i).id, Mode.WRITE);
        }
        if (typesafeByRcu) {
            fp[fields.size()] = Footprint.of(key, Mode.WRITE);
        }
        return fp;
    }

    public boolean typesafeByRcu() {
        return typesafeByRcu;
    }

    @Override
    public String displayName() {
        return name;
    }
}
