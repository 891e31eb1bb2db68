package mmrace.engine.weak;

import java.util.Arrays;

/** A growable list of longs (values), without boxing. */
final class LongList {
    private long[] a = new long[4];
    private int size;

    void add(long v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
        }
        a[size++] = v;
    }

    void addAll(LongList o) {
        for (int i = 0; i < o.size; i++) {
            add(o.a[i]);
        }
    }

    long get(int i) {
        return a[i];
    }

    int size() {
        return size;
    }

    boolean contains(long v) {
        for (int i = 0; i < size; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    void clear() {
        size = 0;
    }

    long[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
