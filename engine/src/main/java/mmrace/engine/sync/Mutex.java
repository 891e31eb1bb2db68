package mmrace.engine.sync;

import mmrace.engine.exec.Execution;

/** struct mutex: a sleeping lock with one holder; the writer side of a semaphore, kernel-named. */
public final class Mutex extends RwSemaphore {
    private static final Names MUTEX = new Names("-", "-", "-", "mutex_lock", "mutex_trylock", "mutex_unlock", "-");

    public Mutex(Execution x, String name, LockClass cls) {
        super(x, name, cls, MUTEX);
    }

    public Mutex(Execution x, String name) {
        this(x, name, LockClass.UNRANKED);
    }

    public void lock() {
        downWrite();
    }

    public boolean trylock() {
        return downWriteTrylock();
    }

    public void unlock() {
        upWrite();
    }
}
