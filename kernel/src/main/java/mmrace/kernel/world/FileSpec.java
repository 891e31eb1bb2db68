package mmrace.kernel.world;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file in the world: its size in pages, whether it is shmem (tmpfs), its contents on disk,
 * and which of its pages start in the page cache.
 */
public final class FileSpec {
    final String name;
    final int pages;
    final boolean shmem;
    /** index -> value on disk (default 100 + index). */
    final Map<Integer, Long> disk = new LinkedHashMap<>();
    /** index -> whether the cached page is dirty. */
    final Map<Integer, Boolean> cached = new LinkedHashMap<>();

    FileSpec(String name, int pages, boolean shmem) {
        this.name = name;
        this.pages = pages;
        this.shmem = shmem;
    }

    /** The page at {@code index} starts in the page cache, clean, with the disk's contents. */
    public FileSpec cached(int index) {
        cached.put(index, false);
        return this;
    }

    /** The page at {@code index} starts in the page cache, dirty. */
    public FileSpec cachedDirty(int index) {
        cached.put(index, true);
        return this;
    }

    /** Indices whose cached page has one more reference, held outside the scenario (GUP, a pipe). */
    final java.util.Set<Integer> pinned = new java.util.HashSet<>();

    /** The cached page at {@code index} has an extra reference held by someone else (so truncation's put is not the last). */
    public FileSpec pinned(int index) {
        pinned.add(index);
        return this;
    }

    /** The disk holds {@code value} at {@code index}. */
    public FileSpec disk(int index, long value) {
        disk.put(index, value);
        return this;
    }

    long diskValue(int index) {
        return disk.getOrDefault(index, 100L + index);
    }
}
