package mmrace.engine.mem;

import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Lifetime;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.Named;
import mmrace.engine.exec.OpKind;

/**
 * A shared memory location holding a 64-bit value (an int, a flags word, a pointer). Every
 * access is a visible event: the context waits for the scheduler, KASAN checks the owner, then
 * the memory model performs it. Pointers are object addresses ({@code mmrace.engine.slab}),
 * so tag bits such as PAGE_MAPPING_ANON live in the value as in the kernel.
 */
public final class Loc implements Named {
    private final Execution x;
    public final long id;
    private final String name;
    private final Lifetime owner;
    /** The value under SC (other models keep their own state). */
    long scValue;

    public Loc(Execution x, String name, long initial) {
        this(x, name, initial, null);
    }

    /** A location inside {@code owner}'s memory: accessing it after a free is a KASAN report. */
    public Loc(Execution x, String name, long initial, Lifetime owner) {
        this.x = x;
        this.id = x.newId();
        this.name = name;
        this.owner = owner;
        x.memory().init(this, initial);
    }

    public Execution execution() {
        return x;
    }

    // ---------------------------------------------------------------- kernel spellings

    /** A plain C read ({@code *p}). */
    public long read() {
        return load(Order.PLAIN, "READ");
    }

    /** A plain C write ({@code *p = v}). */
    public void write(long v) {
        store(v, Order.PLAIN, "WRITE");
    }

    public long readOnce() {
        return load(Order.ONCE, "READ_ONCE");
    }

    public void writeOnce(long v) {
        store(v, Order.ONCE, "WRITE_ONCE");
    }

    public long loadAcquire() {
        return load(Order.ACQUIRE, "smp_load_acquire");
    }

    public void storeRelease(long v) {
        store(v, Order.RELEASE, "smp_store_release");
    }

    /**
     * rcu_dereference(): a READ_ONCE whose dependent loads are ordered after it on every
     * architecture, Alpha included (it has always issued smp_read_barrier_depends() there).
     */
    public long rcuDereference() {
        return rcuDereference(Dep.NONE);
    }

    public long rcuDereference(Dep addr) {
        long v = load(Order.ONCE, "rcu_dereference", addr);
        if (x.current() != null) {
            x.memory().fence(x.current(), Fence.READ_BARRIER_DEPENDS);
        }
        return v;
    }

    /** rcu_assign_pointer(): a store-release. */
    public void rcuAssignPointer(long v) {
        store(v, Order.RELEASE, "rcu_assign_pointer");
    }

    public void rcuAssignPointer(long v, Dep data) {
        store(v, Order.RELEASE, "rcu_assign_pointer", Dep.NONE, data);
    }

    // ---------------------------------------------------------------- with dependencies (see Dep)

    /** A plain read through a pointer that depends on the loads of {@code addr}. */
    public long read(Dep addr) {
        return load(Order.PLAIN, "READ", addr);
    }

    public long readOnce(Dep addr) {
        return load(Order.ONCE, "READ_ONCE", addr);
    }

    public long loadAcquire(Dep addr) {
        return load(Order.ACQUIRE, "smp_load_acquire", addr);
    }

    /** A plain write of a value computed from the loads of {@code data}. */
    public void write(long v, Dep data) {
        store(v, Order.PLAIN, "WRITE", Dep.NONE, data);
    }

    public void writeOnce(long v, Dep data) {
        store(v, Order.ONCE, "WRITE_ONCE", Dep.NONE, data);
    }

    public void storeRelease(long v, Dep data) {
        store(v, Order.RELEASE, "smp_store_release", Dep.NONE, data);
    }

    // ---------------------------------------------------------------- general forms

    public long load(Order order, String opName) {
        return load(order, opName, Dep.NONE);
    }

    /** A load whose address depends on {@code addr} (see {@link Dep}). */
    public long load(Order order, String opName, Dep addr) {
        Event e = x.begin(OpKind.LOAD, opName, this, Footprint.one(id, Mode.READ), null);
        kasan("read", e);
        long v = x.memory().load(x.current(), this, order, addr);
        e.a = v;
        return v;
    }

    public void store(long v, Order order, String opName) {
        store(v, order, opName, Dep.NONE, Dep.NONE);
    }

    /** A store whose address depends on {@code addr} and whose value depends on {@code data}. */
    public void store(long v, Order order, String opName, Dep addr, Dep data) {
        Event e = x.begin(OpKind.STORE, opName, this, Footprint.one(id, Mode.WRITE), null);
        kasan("write", e);
        e.a = v;
        x.memory().store(x.current(), this, v, order, addr, data);
    }

    /** An atomic read-modify-write that always writes; returns the old value. */
    public long rmw(Order order, String opName, LongUnaryOperator f) {
        return rmw(order, opName, f, Dep.NONE, Dep.NONE);
    }

    /** {@link #rmw(Order, String, LongUnaryOperator)} with an address and an operand dependency. */
    public long rmw(Order order, String opName, LongUnaryOperator f, Dep addr, Dep data) {
        Event e = x.begin(OpKind.RMW, opName, this, Footprint.one(id, Mode.WRITE), null);
        kasan("write", e);
        long old = x.memory().rmw(x.current(), this, order, f, addr, data);
        e.a = old;
        e.b = f.applyAsLong(old);
        return old;
    }

    /**
     * cmpxchg: writes {@code desired} if the value is {@code expected}; returns the old value.
     * A failed cmpxchg is only a read, for the explorer as for LKMM.
     */
    public long cmpxchg(Order order, String opName, long expected, long desired) {
        return condRmw(order, opName, v -> v == expected, v -> desired);
    }

    /**
     * A conditional atomic update: writes {@code f(old)} if {@code cond(old)}, else only reads
     * (atomic_add_unless, atomic_inc_not_zero, cmpxchg). Returns the old value.
     */
    public long condRmw(Order order, String opName, LongPredicate cond, LongUnaryOperator f) {
        return condRmw(order, opName, cond, f, Dep.NONE, Dep.NONE);
    }

    /** {@link #condRmw(Order, String, LongPredicate, LongUnaryOperator)} with dependencies. */
    public long condRmw(Order order, String opName, LongPredicate cond, LongUnaryOperator f, Dep addr, Dep data) {
        Event e = x.begin(OpKind.RMW, opName, this, Footprint.one(id, Mode.WRITE), null);
        kasan("write", e);
        long old = x.memory().condRmw(x.current(), this, order, cond, f, addr, data);
        e.a = old;
        if (cond.test(old)) {
            e.b = f.applyAsLong(old);
        } else {
            e.b = old;
            e.setFootprint(Footprint.one(id, Mode.READ));
        }
        return old;
    }

    /** The current value without an event: for setup, final states and checks at the end. */
    public long peek() {
        return x.memory().peek(this);
    }

    /** Sets the value during setup. */
    public void init(long v) {
        if (!x.inSetup()) {
            throw new IllegalStateException("Loc.init outside setup: " + name);
        }
        x.memory().init(this, v);
    }

    private void kasan(String how, Event e) {
        if (owner == null || x.inSetup()) {
            return;
        }
        String why = owner.inaccessibleReason();
        if (why != null) {
            e.faulted = true;
            x.memory().faulted(x.current(), this, how.equals("write"));
            throw x.fail(FindingKind.USE_AFTER_FREE, "kasan",
                    "KASAN: use-after-free " + how + " of " + name + " in " + owner.describe() + " (" + why + ")",
                    owner.history());
        }
    }

    public Lifetime owner() {
        return owner;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
