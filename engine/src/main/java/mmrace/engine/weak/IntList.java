package mmrace.engine.weak;

import java.util.Arrays;

/** A growable list of ints (event ids), without boxing. */
final class IntList {
    private int[] a = new int[4];
    private int size;

    void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
        }
        a[size++] = v;
    }

    void insert(int at, int v) {
        add(0);
        System.arraycopy(a, at, a, at + 1, size - 1 - at);
        a[at] = v;
    }

    void removeAt(int at) {
        System.arraycopy(a, at + 1, a, at, size - 1 - at);
        size--;
    }

    void clear() {
        size = 0;
    }

    int get(int i) {
        return a[i];
    }

    int size() {
        return size;
    }

    int indexOf(int v) {
        for (int i = 0; i < size; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    boolean contains(int v) {
        return indexOf(v) >= 0;
    }

    int[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
