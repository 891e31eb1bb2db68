package mmrace.engine.sync;

/**
 * A lockdep class: every lock of one kind (all anon_vma locks, all mmap_locks) shares one.
 * Locks must be taken in increasing rank; rank 0 opts out of the check. The kernel layer
 * declares its classes with the ranks of the lock-ordering tree in docs/LOCKING.md, so the
 * tree is checked on every acquisition instead of only written down.
 */
public record LockClass(String name, int rank) {
    public static final LockClass UNRANKED = new LockClass("unranked", 0);

    public static LockClass of(String name, int rank) {
        return new LockClass(name, rank);
    }
}
