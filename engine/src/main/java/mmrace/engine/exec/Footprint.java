package mmrace.engine.exec;

import java.util.Arrays;

/**
 * The keys an event touches and how: packed as {@code key << 3 | mode} in a long array, because
 * the explorer compares footprints millions of times. Keys are stable ids (see {@link Ids}), so
 * footprints from different executions of the same program can be compared.
 */
public final class Footprint {
    public static final long[] NONE = new long[0];

    private Footprint() {
    }

    public static long of(long key, Mode mode) {
        return key << 3 | mode.ordinal();
    }

    public static long[] one(long key, Mode mode) {
        return new long[] {of(key, mode)};
    }

    /** {@code f} with {@code more} appended. */
    public static long[] plus(long[] f, long... more) {
        long[] out = Arrays.copyOf(f, f.length + more.length);
        System.arraycopy(more, 0, out, f.length, more.length);
        return out;
    }

    public static long key(long access) {
        return access >>> 3;
    }

    public static Mode mode(long access) {
        return Mode.VALUES[(int) (access & 7)];
    }

    /** Whether any pair of accesses of {@code a} and {@code b} conflicts. */
    public static boolean dependent(long[] a, long[] b) {
        for (long x : a) {
            for (long y : b) {
                if (key(x) == key(y) && mode(x).conflicts(mode(y))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether every conflict between an earlier event {@code earlier} and a later one is a
     * release that enabled an acquire: such a pair is an enabling edge, not a reversible race.
     */
    public static boolean onlyEnables(long[] earlier, long[] later) {
        boolean any = false;
        for (long x : earlier) {
            for (long y : later) {
                if (key(x) == key(y) && mode(x).conflicts(mode(y))) {
                    if (!(mode(x).isRelease() && mode(y).isAcquire())) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    /** Whether the footprint blocks on some key (it has an acquire). */
    public static boolean acquires(long[] f) {
        for (long x : f) {
            if (mode(x).isAcquire()) {
                return true;
            }
        }
        return false;
    }

    public static String toString(long[] f) {
        String[] parts = new String[f.length];
        for (int i = 0; i < f.length; i++) {
            parts[i] = Long.toHexString(key(f[i])) + ":" + mode(f[i]);
        }
        return Arrays.toString(parts);
    }
}
