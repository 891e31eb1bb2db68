package mmrace.engine.exec;

import java.util.HashMap;
import java.util.Map;

/**
 * A simulated CPU: the state that belongs to the processor rather than to the code on it.
 * Which context runs is the explorer's choice; an interrupt handler runs only while the CPU
 * has interrupts enabled, and its task waits until the handler returns.
 */
public final class Cpu implements Named {
    /** Slots of {@link Ids#cpuKey}: the keys by which the explorer sees CPU state change. */
    public static final int KEY_IRQ = 0;
    public static final int KEY_RCU_NEST = 1;
    public static final int KEY_RCU_QS = 2;
    /**
     * Who runs on the CPU. Every event of the CPU's task acquires it; an interrupt context's
     * first event acquires it and its last releases it. So the start of a handler conflicts with
     * the task's events around it (it stops the task without touching its data) and the explorer
     * tries the handler at every point of the task where interrupts are on; the task's next event
     * after the handler is enabled by the handler's end, like a lock by its unlock.
     */
    public static final int KEY_RUN = 3;

    public final int id;
    public final String name;
    Proc task;
    /** The interrupt-context proc now running on this CPU, if any. */
    Proc inIrq;
    boolean irqsOn = true;
    int preemptCount;
    int rcuNesting;
    /** Quiescent states passed, counted per RCU flavour: see {@code mmrace.engine.sync.Rcu}. */
    long qsRcu;
    long qsSched;
    /** Per-CPU data owned by higher layers (TLBs, per-CPU lists), by key. */
    private final Map<Object, Object> perCpu = new HashMap<>();

    Cpu(int id) {
        this.id = id;
        this.name = "CPU" + id;
    }

    public long key(int slot) {
        return Ids.cpuKey(id, slot);
    }

    public Proc task() {
        return task;
    }

    public Proc inIrq() {
        return inIrq;
    }

    public boolean irqsOn() {
        return irqsOn;
    }

    public int preemptCount() {
        return preemptCount;
    }

    public int rcuNesting() {
        return rcuNesting;
    }

    public long qsRcu() {
        return qsRcu;
    }

    public long qsSched() {
        return qsSched;
    }

    // State changes below are made only by the engine's sync primitives (mmrace.engine.sync).

    public void setIrqsOn(boolean on) {
        irqsOn = on;
    }

    /** Marks {@code p} as the interrupt-context code now running here (null when it returns). */
    public void setInIrq(Proc p) {
        inIrq = p;
    }

    public void addPreempt(int delta) {
        preemptCount += delta;
    }

    public void addRcuNesting(int delta) {
        rcuNesting += delta;
    }

    public void passQuiescentState(boolean rcu, boolean sched) {
        if (rcu) {
            qsRcu++;
        }
        if (sched) {
            qsSched++;
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T perCpu(Object key, java.util.function.Supplier<T> init) {
        return (T) perCpu.computeIfAbsent(key, k -> init.get());
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
