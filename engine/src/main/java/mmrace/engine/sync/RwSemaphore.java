package mmrace.engine.sync;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.OpKind;
import mmrace.engine.exec.Proc;

/**
 * struct rw_semaphore (mmap_lock, i_mmap_rwsem, anon_vma->rwsem). Readers share it, a writer
 * excludes everyone; both sleep while they wait, so taking it in atomic context is a bug.
 * Readers commute with each other, which the explorer knows through the shared modes.
 *
 * <p>Not modelled: a down_read() that queues behind a waiting writer (the kernel's fairness),
 * so reader-writer-reader deadlocks through a queued writer are not found.
 */
public class RwSemaphore implements Lockdep.Tracked {
    /** Trace names of the operations, so {@link Mutex} can reuse the writer side. */
    record Names(String downRead, String downReadTrylock, String upRead, String downWrite,
                 String downWriteTrylock, String upWrite, String downgrade) {
    }

    static final Names RWSEM = new Names("down_read", "down_read_trylock", "up_read", "down_write",
            "down_write_trylock", "up_write", "downgrade_write");

    protected final Execution x;
    public final long id;
    private final String name;
    private final LockClass cls;
    private final Names names;
    private Proc writer;
    private final List<Proc> readers = new ArrayList<>();

    public RwSemaphore(Execution x, String name, LockClass cls) {
        this(x, name, cls, RWSEM);
    }

    RwSemaphore(Execution x, String name, LockClass cls, Names names) {
        this.x = x;
        this.id = x.newId();
        this.name = name;
        this.cls = cls;
        this.names = names;
    }

    public void downRead() {
        Proc me = x.requireProc(names.downRead);
        CpuState.mightSleep(x, names.downRead + "(" + name + ")");
        x.begin(OpKind.DOWN_READ, names.downRead, this, Footprint.one(id, Mode.ACQUIRE_SHARED), () -> writer == null);
        readers.add(me);
        Lockdep.acquired(x, this, false);
    }

    public boolean downReadTrylock() {
        Proc me = x.requireProc(names.downReadTrylock);
        Event e = x.begin(OpKind.DOWN_READ_TRYLOCK, names.downReadTrylock, this, Footprint.one(id, Mode.ACQUIRE_SHARED), null);
        if (writer != null) {
            e.setFootprint(Footprint.one(id, Mode.READ));
            return false;
        }
        e.a = 1;
        readers.add(me);
        Lockdep.acquiredTrylock(x, this);
        return true;
    }

    public void upRead() {
        Proc me = x.requireProc(names.upRead);
        x.begin(OpKind.UP_READ, names.upRead, this, Footprint.one(id, Mode.RELEASE_SHARED), null);
        if (!readers.remove(me)) {
            throw x.fail(FindingKind.LOCK_MISUSE, "bad-unlock", me.name + " calls " + names.upRead + "(" + name
                    + ") without holding it for read");
        }
        Lockdep.released(x, this);
    }

    public void downWrite() {
        downWrite(false);
    }

    /**
     * down_write_nested(sem, SINGLE_DEPTH_NESTING): a second lock of the same class, taken in
     * an order the caller guarantees (dup_mmap takes the child's mmap_lock inside the parent's).
     */
    public void downWriteNested() {
        downWrite(true);
    }

    private void downWrite(boolean nested) {
        Proc me = x.requireProc(names.downWrite);
        if (writer == me || readers.contains(me)) {
            throw x.fail(FindingKind.LOCK_MISUSE, "recursive-lock", me.name + " takes " + name + " again: self-deadlock");
        }
        CpuState.mightSleep(x, names.downWrite + "(" + name + ")");
        x.begin(OpKind.DOWN_WRITE, nested ? names.downWrite + "_nested" : names.downWrite, this,
                Footprint.one(id, Mode.ACQUIRE),
                () -> writer == null && readers.isEmpty());
        writer = me;
        Lockdep.acquired(x, this, nested);
    }

    public boolean downWriteTrylock() {
        Proc me = x.requireProc(names.downWriteTrylock);
        Event e = x.begin(OpKind.DOWN_WRITE_TRYLOCK, names.downWriteTrylock, this, Footprint.one(id, Mode.WRITE), null);
        if (writer != null || !readers.isEmpty()) {
            e.setFootprint(Footprint.one(id, Mode.READ));
            return false;
        }
        e.a = 1;
        writer = me;
        Lockdep.acquiredTrylock(x, this);
        return true;
    }

    public void upWrite() {
        Proc me = x.requireProc(names.upWrite);
        x.begin(OpKind.UP_WRITE, names.upWrite, this, Footprint.one(id, Mode.RELEASE), null);
        if (writer != me) {
            throw x.fail(FindingKind.LOCK_MISUSE, "bad-unlock", me.name + " calls " + names.upWrite + "(" + name
                    + ") without holding it for write");
        }
        writer = null;
        Lockdep.released(x, this);
    }

    /** downgrade_write(): the writer becomes a reader without letting another writer in. */
    public void downgradeWrite() {
        Proc me = x.requireProc(names.downgrade);
        x.begin(OpKind.DOWNGRADE_WRITE, names.downgrade, this, Footprint.one(id, Mode.RELEASE), null);
        if (writer != me) {
            throw x.fail(FindingKind.LOCK_MISUSE, "bad-unlock", me.name + " downgrades " + name + " without holding it");
        }
        writer = null;
        readers.add(me);
    }

    /**
     * rwsem_is_locked(): whether anyone holds it. A read of the lock word, so it is ordered
     * against every acquisition and release (anon_vma_free() relies on exactly that).
     */
    public boolean isLocked() {
        Event e = x.begin(OpKind.SPIN_IS_LOCKED, "rwsem_is_locked", this, Footprint.one(id, Mode.READ), null);
        boolean locked = writer != null || !readers.isEmpty();
        e.a = locked ? 1 : 0;
        return locked;
    }

    /** lockdep_assert_held(): held by the running context, for read or write. */
    public void assertHeld() {
        Proc me = x.requireProc("lockdep_assert_held");
        if (writer != me && !readers.contains(me)) {
            throw notHeld("lockdep_assert_held", me);
        }
    }

    /** lockdep_assert_held_write(). */
    public void assertHeldWrite() {
        Proc me = x.requireProc("lockdep_assert_held_write");
        if (writer != me) {
            throw notHeld("lockdep_assert_held_write", me);
        }
    }

    private RuntimeException notHeld(String what, Proc me) {
        return x.fail(FindingKind.LOCK_NOT_HELD, "lock-held", what + "(" + name + ") fails in " + me.name);
    }

    public boolean heldForWriteBy(Proc p) {
        return writer == p;
    }

    public boolean heldBy(Proc p) {
        return writer == p || readers.contains(p);
    }

    @Override
    public LockClass lockClass() {
        return cls;
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
