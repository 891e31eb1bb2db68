package mmrace.engine.mem;

import java.util.Arrays;

/**
 * A dependency token: the loads (of one context, in one execution) that a value was computed
 * from. Java longs cannot carry provenance, so kernel code that relies on a dependency for
 * ordering says so with a token; memory models that respect dependencies (LKMM, Alpha through
 * smp_read_barrier_depends) then see the address, data or control dependency, and the others
 * ignore it. Under SC every token is {@link #NONE} and costs nothing.
 *
 * <pre>{@code
 * long m = page.mapping.readOnce();          // READ_ONCE(page->mapping)
 * Dep d = Deps.last(x);                      // ... the value just read
 * long r = av.root.readOnce(d);              // av->root: an address dependency on it
 * WRITE_ONCE(y, r0):  y.writeOnce(r0, d);    // a data dependency
 * if (r0) ...:        Deps.ctrl(x, d);       // every later access of this context depends on it
 * }</pre>
 *
 * Tokens are execution-local: one made in one execution means nothing in another.
 */
public final class Dep {
    /** No dependency. */
    public static final Dep NONE = new Dep(new long[0]);

    private final long[] bits;

    private Dep(long[] bits) {
        this.bits = bits;
    }

    /** The token of read number {@code id} of the execution's graph (memory models make these). */
    public static Dep ofRead(int id) {
        long[] b = new long[(id >>> 6) + 1];
        b[id >>> 6] |= 1L << id;
        return new Dep(b);
    }

    /** The loads of both tokens: a value computed from two others. */
    public Dep and(Dep o) {
        if (o.bits.length == 0) {
            return this;
        }
        if (bits.length == 0) {
            return o;
        }
        long[] b = Arrays.copyOf(bits, Math.max(bits.length, o.bits.length));
        for (int i = 0; i < o.bits.length; i++) {
            b[i] |= o.bits[i];
        }
        return new Dep(b);
    }

    public boolean isEmpty() {
        for (long w : bits) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** The read ids, ascending. */
    public int[] reads() {
        int n = 0;
        for (long w : bits) {
            n += Long.bitCount(w);
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < bits.length; i++) {
            for (long w = bits[i]; w != 0; w &= w - 1) {
                out[k++] = i * 64 + Long.numberOfTrailingZeros(w);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dep d && Arrays.equals(trim(bits), trim(d.bits));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(trim(bits));
    }

    private static long[] trim(long[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(b, n);
    }

    @Override
    public String toString() {
        return "dep" + Arrays.toString(reads());
    }
}
