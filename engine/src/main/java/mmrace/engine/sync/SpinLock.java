package mmrace.engine.sync;

import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Event;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.FindingKind;
import mmrace.engine.exec.Footprint;
import mmrace.engine.exec.Mode;
import mmrace.engine.exec.OpKind;
import mmrace.engine.exec.Proc;

/**
 * spinlock_t. Taking it disables preemption (so, on a v4.20+ kernel, the holder is an RCU
 * reader); a context that finds it held spins, which the engine models as blocking until the
 * holder's spin_unlock, so exploration stays finite. The _irq and _irqsave forms turn local
 * interrupts off in the same step, as the kernel does before it starts to spin.
 */
public final class SpinLock implements Lockdep.Tracked {
    private final Execution x;
    public final long id;
    private final String name;
    private final LockClass cls;
    private Proc owner;

    public SpinLock(Execution x, String name, LockClass cls) {
        this.x = x;
        this.id = x.newId();
        this.name = name;
        this.cls = cls;
    }

    public SpinLock(Execution x, String name) {
        this(x, name, LockClass.UNRANKED);
    }

    public void lock() {
        acquire("spin_lock", false, false);
    }

    /** spin_lock_nested(): same-class nesting that lockdep is told about. */
    public void lockNested() {
        acquire("spin_lock_nested", false, true);
    }

    public void unlock() {
        release("spin_unlock", false);
    }

    public void lockIrq() {
        acquire("spin_lock_irq", true, false);
    }

    public void unlockIrq() {
        release("spin_unlock_irq", true);
    }

    /** spin_lock_irqsave(): returns the flags for {@link #unlockIrqrestore}. */
    public long lockIrqsave() {
        long flags = x.requireProc("spin_lock_irqsave").cpu.irqsOn() ? 1 : 0;
        acquire("spin_lock_irqsave", true, false);
        return flags;
    }

    public void unlockIrqrestore(long flags) {
        release("spin_unlock_irqrestore", flags != 0);
    }

    /** spin_trylock(): true if taken. */
    public boolean trylock() {
        Proc me = x.requireProc("spin_trylock");
        Cpu c = me.cpu;
        Event e = x.begin(OpKind.SPIN_TRYLOCK, "spin_trylock", this, CpuState.entering(c, Footprint.of(id, Mode.WRITE)), null);
        if (owner != null) {
            e.setFootprint(Footprint.one(id, Mode.READ));
            e.a = 0;
            return false;
        }
        take(me, false);
        e.a = 1;
        return true;
    }

    /** spin_is_locked(). */
    public boolean isLocked() {
        Event e = x.begin(OpKind.SPIN_IS_LOCKED, "spin_is_locked", this, Footprint.one(id, Mode.READ), null);
        e.a = owner != null ? 1 : 0;
        return owner != null;
    }

    /** lockdep_assert_held(): the running context holds this lock. */
    public void assertHeld() {
        Proc me = x.requireProc("lockdep_assert_held");
        if (owner != me) {
            throw x.fail(FindingKind.LOCK_NOT_HELD, "lock-held", "lockdep_assert_held(" + name + ") fails in "
                    + me.name + (owner == null ? " (not held)" : " (held by " + owner.name + ")"));
        }
    }

    public boolean heldBy(Proc p) {
        return owner == p;
    }

    private void acquire(String opName, boolean irq, boolean nested) {
        Proc me = x.requireProc(opName);
        if (owner == me) {
            throw x.fail(FindingKind.LOCK_MISUSE, "recursive-lock", me.name + " takes " + name + " again: self-deadlock");
        }
        Cpu c = me.cpu;
        long[] fp = irq
                ? CpuState.entering(c, Footprint.of(id, Mode.ACQUIRE), Footprint.of(c.key(Cpu.KEY_IRQ), Mode.WRITE))
                : CpuState.entering(c, Footprint.of(id, Mode.ACQUIRE));
        x.begin(OpKind.SPIN_LOCK, opName, this, fp, () -> owner == null);
        if (irq) {
            CpuState.change(x, c, () -> c.setIrqsOn(false));
        }
        take(me, nested);
    }

    private void take(Proc me, boolean nested) {
        owner = me;
        CpuState.change(x, me.cpu, () -> me.cpu.addPreempt(1));
        Lockdep.acquired(x, this, nested);
    }

    private void release(String opName, boolean enableIrq) {
        Proc me = x.requireProc(opName);
        Cpu c = me.cpu;
        long[] fp = enableIrq
                ? CpuState.leaving(c, Footprint.of(id, Mode.RELEASE), Footprint.of(c.key(Cpu.KEY_IRQ), Mode.RELEASE))
                : CpuState.leaving(c, Footprint.of(id, Mode.RELEASE));
        x.begin(OpKind.SPIN_UNLOCK, opName, this, fp, null);
        if (owner != me) {
            throw x.fail(FindingKind.LOCK_MISUSE, "bad-unlock", me.name + " releases " + name
                    + (owner == null ? ", which is not locked" : ", held by " + owner.name));
        }
        owner = null;
        Lockdep.released(x, this);
        CpuState.change(x, c, () -> {
            c.addPreempt(-1);
            if (enableIrq) {
                c.setIrqsOn(true);
            }
        });
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
