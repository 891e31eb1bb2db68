package mmrace.engine.slab;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Finding;
import mmrace.engine.exec.Frame;
import mmrace.engine.exec.Lifetime;
import mmrace.engine.exec.Proc;
import mmrace.engine.mem.Loc;

/**
 * An object allocated from a {@link KmemCache}: its fields are {@link Loc}s, its address a
 * pointer value other objects can store. KASAN state lives here: when it was allocated and
 * freed, by whom, and whether its memory may still be touched.
 */
public abstract class SlabObject implements Lifetime {
    /** Where the object's memory is in its life. */
    public enum State {
        LIVE,
        /** Freed into a SLAB_TYPESAFE_BY_RCU cache: still type-stable memory, legal to read. */
        FREE_TYPESAFE,
        /** Freed; KASAN reports any access. */
        FREED,
        /** A typesafe object whose slab went back to the page allocator after a grace period. */
        DISCARDED
    }

    protected final Execution x;
    public final long addr;
    private final String kind;
    private final List<Loc> fields = new ArrayList<>();
    State state = State.LIVE;
    Finding.Stack allocated;
    Finding.Stack freed;
    /** How many times this memory has been handed out (typesafe caches reuse it). */
    int generation;

    protected SlabObject(Execution x, String kind) {
        this.x = x;
        this.kind = kind;
        this.addr = address(x.newId());
        x.attachment(Heap.class, Heap::new).register(this);
    }

    /**
     * A kernel-looking direct-map address (0xffff888...) made from the object's stable id:
     * 12 bits of creator and 16 of sequence, 16-byte aligned so the low bits stay free for
     * tags such as PAGE_MAPPING_ANON.
     */
    private static long address(long id) {
        long creator = id >>> 32;
        long n = id & 0xFFFFFFFFL;
        if (creator >= 1 << 12 || n >= 1 << 16) {
            throw new IllegalStateException("too many objects for the address space of the model (id " + id + ")");
        }
        return 0xffff888000000000L | creator << 20 | (n + 1) << 4;
    }

    /** A field of this object: a location KASAN checks against the object's lifetime. */
    protected final Loc field(String name, long initial) {
        Loc l = new Loc(x, describe() + "->" + name, initial, this);
        fields.add(l);
        return l;
    }

    public List<Loc> fields() {
        return fields;
    }

    public State state() {
        return state;
    }

    public int generation() {
        return generation;
    }

    static Finding.Stack stackHere(Execution x, String title) {
        Proc p = x.current();
        return new Finding.Stack(title + (p == null ? " setup" : " " + p.name), p == null ? "setup" : p.name,
                Frame.pathOf(p == null ? null : p.frame()));
    }

    @Override
    public String inaccessibleReason() {
        return switch (state) {
            case LIVE, FREE_TYPESAFE -> null;
            case FREED -> "freed";
            case DISCARDED -> "slab page freed after a grace period";
        };
    }

    @Override
    public String describe() {
        return kind + "@" + Long.toHexString(addr & 0xFFFFFFFFL);
    }

    @Override
    public List<Finding.Stack> history() {
        List<Finding.Stack> h = new ArrayList<>();
        if (allocated != null) {
            h.add(allocated);
        }
        if (freed != null) {
            h.add(freed);
        }
        return h;
    }
}
