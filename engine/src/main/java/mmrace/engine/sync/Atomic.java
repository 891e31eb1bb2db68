package mmrace.engine.sync;

import mmrace.engine.exec.Execution;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;

/**
 * atomic_t and atomic_long_t with the kernel's op families (Documentation/atomic_t.txt):
 * non-value-returning ops are unordered ({@link Order#ONCE}); value-returning ones are fully
 * ordered unless suffixed _relaxed, _acquire or _release; a conditional op that does not
 * write (a failed cmpxchg, atomic_add_unless at the limit) is only a read.
 */
public final class Atomic {
    private final Loc v;
    private final String prefix;

    private Atomic(Loc v, String prefix) {
        this.v = v;
        this.prefix = prefix;
    }

    /** atomic_t {@code name} = ATOMIC_INIT(init). */
    public static Atomic atomic(Execution x, String name, long init) {
        return new Atomic(new Loc(x, name, init), "atomic");
    }

    /** atomic_long_t. */
    public static Atomic atomicLong(Execution x, String name, long init) {
        return new Atomic(new Loc(x, name, init), "atomic_long");
    }

    /** An atomic_t inside an object whose lifetime KASAN checks. */
    public static Atomic in(Loc loc) {
        return new Atomic(loc, "atomic");
    }

    public Loc loc() {
        return v;
    }

    private String n(String op) {
        return prefix + "_" + op;
    }

    private static String suffix(Order o) {
        return switch (o) {
            case RELAXED -> "_relaxed";
            case ACQUIRE -> "_acquire";
            case RELEASE -> "_release";
            default -> "";
        };
    }

    public long read() {
        return v.load(Order.ONCE, n("read"));
    }

    public long readAcquire() {
        return v.load(Order.ACQUIRE, n("read_acquire"));
    }

    public void set(long i) {
        v.store(i, Order.ONCE, n("set"));
    }

    public void setRelease(long i) {
        v.store(i, Order.RELEASE, n("set_release"));
    }

    public void add(long i) {
        v.rmw(Order.ONCE, n("add"), o -> o + i);
    }

    public void sub(long i) {
        v.rmw(Order.ONCE, n("sub"), o -> o - i);
    }

    public void inc() {
        v.rmw(Order.ONCE, n("inc"), o -> o + 1);
    }

    public void dec() {
        v.rmw(Order.ONCE, n("dec"), o -> o - 1);
    }

    public void and(long i) {
        v.rmw(Order.ONCE, n("and"), o -> o & i);
    }

    public void or(long i) {
        v.rmw(Order.ONCE, n("or"), o -> o | i);
    }

    public void xor(long i) {
        v.rmw(Order.ONCE, n("xor"), o -> o ^ i);
    }

    public void andnot(long i) {
        v.rmw(Order.ONCE, n("andnot"), o -> o & ~i);
    }

    /** atomic_add_return{,_relaxed,_acquire,_release}(i, v). */
    public long addReturn(long i, Order o) {
        return v.rmw(o, n("add_return") + suffix(o), x -> x + i) + i;
    }

    public long addReturn(long i) {
        return addReturn(i, Order.FULL);
    }

    public long subReturn(long i, Order o) {
        return v.rmw(o, n("sub_return") + suffix(o), x -> x - i) - i;
    }

    public long incReturn(Order o) {
        return v.rmw(o, n("inc_return") + suffix(o), x -> x + 1) + 1;
    }

    public long incReturn() {
        return incReturn(Order.FULL);
    }

    public long decReturn(Order o) {
        return v.rmw(o, n("dec_return") + suffix(o), x -> x - 1) - 1;
    }

    public long decReturn() {
        return decReturn(Order.FULL);
    }

    /** atomic_fetch_add{,...}: returns the old value. */
    public long fetchAdd(long i, Order o) {
        return v.rmw(o, n("fetch_add") + suffix(o), x -> x + i);
    }

    public long fetchSub(long i, Order o) {
        return v.rmw(o, n("fetch_sub") + suffix(o), x -> x - i);
    }

    public long fetchAnd(long i, Order o) {
        return v.rmw(o, n("fetch_and") + suffix(o), x -> x & i);
    }

    public long fetchOr(long i, Order o) {
        return v.rmw(o, n("fetch_or") + suffix(o), x -> x | i);
    }

    public long fetchXor(long i, Order o) {
        return v.rmw(o, n("fetch_xor") + suffix(o), x -> x ^ i);
    }

    public long fetchAndnot(long i, Order o) {
        return v.rmw(o, n("fetch_andnot") + suffix(o), x -> x & ~i);
    }

    public long xchg(long i, Order o) {
        return v.rmw(o, n("xchg") + suffix(o), x -> i);
    }

    /** atomic_cmpxchg{,...}: returns the old value; writes only if it was {@code old}. */
    public long cmpxchg(long old, long neu, Order o) {
        return v.cmpxchg(o, n("cmpxchg") + suffix(o), old, neu);
    }

    public long cmpxchg(long old, long neu) {
        return cmpxchg(old, neu, Order.FULL);
    }

    public boolean decAndTest() {
        return v.rmw(Order.FULL, n("dec_and_test"), x -> x - 1) - 1 == 0;
    }

    public boolean incAndTest() {
        return v.rmw(Order.FULL, n("inc_and_test"), x -> x + 1) + 1 == 0;
    }

    public boolean subAndTest(long i) {
        return v.rmw(Order.FULL, n("sub_and_test"), x -> x - i) - i == 0;
    }

    /** atomic_add_negative(i, v): true if the result is negative. */
    public boolean addNegative(long i) {
        return v.rmw(Order.FULL, n("add_negative"), x -> x + i) + i < 0;
    }

    /**
     * atomic_add_unless(v, a, u): adds unless the value is {@code u}; true if it added. Fully
     * ordered when it adds, a plain read otherwise, like the kernel's cmpxchg loop.
     */
    public boolean addUnless(long a, long u) {
        long old = v.condRmw(Order.FULL, n("add_unless"), x -> x != u, x -> x + a);
        return old != u;
    }

    /** atomic_inc_not_zero(v). */
    public boolean incNotZero() {
        long old = v.condRmw(Order.FULL, n("inc_not_zero"), x -> x != 0, x -> x + 1);
        return old != 0;
    }

    /** atomic_dec_if_positive(v): returns the old value minus one; decrements only if that is ≥ 0. */
    public long decIfPositive() {
        long old = v.condRmw(Order.FULL, n("dec_if_positive"), x -> x - 1 >= 0, x -> x - 1);
        return old - 1;
    }
}
