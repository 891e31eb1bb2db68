package mmrace.engine.graph;

import java.util.Arrays;

/**
 * Event sets as {@code long[]} bitsets: bit {@code e} of word {@code e >>> 6} is set when event
 * {@code e} is in the set. All sets over one graph have {@link #words(int)} words. The static
 * operations here return fresh arrays and never change their arguments.
 */
public final class Bits {
    private Bits() {}

    /** Number of 64-bit words needed for {@code n} events. */
    public static int words(int n) {
        return (n + 63) >>> 6;
    }

    public static long[] empty(int n) {
        return new long[words(n)];
    }

    /** The set of all {@code n} events. */
    public static long[] all(int n) {
        long[] s = new long[words(n)];
        for (int i = 0; i < n; i++) s[i >>> 6] |= 1L << i;
        return s;
    }

    public static long[] of(int n, int... events) {
        long[] s = new long[words(n)];
        for (int e : events) s[e >>> 6] |= 1L << e;
        return s;
    }

    public static boolean has(long[] s, int e) {
        return (s[e >>> 6] & (1L << e)) != 0;
    }

    static void add(long[] s, int e) {
        s[e >>> 6] |= 1L << e;
    }

    public static long[] union(long[] a, long[] b) {
        long[] r = new long[a.length];
        for (int i = 0; i < r.length; i++) r[i] = a[i] | b[i];
        return r;
    }

    public static long[] union(long[] a, long[] b, long[]... more) {
        long[] r = union(a, b);
        for (long[] m : more) for (int i = 0; i < r.length; i++) r[i] |= m[i];
        return r;
    }

    public static long[] inter(long[] a, long[] b) {
        long[] r = new long[a.length];
        for (int i = 0; i < r.length; i++) r[i] = a[i] & b[i];
        return r;
    }

    public static long[] minus(long[] a, long[] b) {
        long[] r = new long[a.length];
        for (int i = 0; i < r.length; i++) r[i] = a[i] & ~b[i];
        return r;
    }

    /** Complement within the {@code n} events. */
    public static long[] complement(int n, long[] a) {
        long[] all = all(n);
        for (int i = 0; i < all.length; i++) all[i] &= ~a[i];
        return all;
    }

    public static boolean isEmpty(long[] a) {
        for (long x : a) if (x != 0) return false;
        return true;
    }

    public static int count(long[] a) {
        int c = 0;
        for (long x : a) c += Long.bitCount(x);
        return c;
    }

    /** The smallest member, or -1 for the empty set. */
    public static int first(long[] a) {
        return next(a, 0);
    }

    /** The smallest member {@code >= from}, or -1. */
    public static int next(long[] a, int from) {
        int wi = from >>> 6;
        if (wi >= a.length) return -1;
        long word = a[wi] & (-1L << from);
        while (true) {
            if (word != 0) return (wi << 6) + Long.numberOfTrailingZeros(word);
            if (++wi == a.length) return -1;
            word = a[wi];
        }
    }

    public static int[] toArray(long[] a) {
        int[] r = new int[count(a)];
        int k = 0;
        for (int e = first(a); e >= 0; e = next(a, e + 1)) r[k++] = e;
        return r;
    }

    public static boolean equal(long[] a, long[] b) {
        return Arrays.equals(a, b);
    }

    public static String toString(long[] a) {
        return Arrays.toString(toArray(a));
    }
}
