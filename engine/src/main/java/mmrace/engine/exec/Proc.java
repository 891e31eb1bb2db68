package mmrace.engine.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.coro.Coroutine;

/**
 * A schedulable context: the task running on a CPU, an interrupt handler that runs on a CPU
 * while it is interrupted, or an RCU callback. Each is a coroutine; the explorer picks which
 * one's pending event runs next.
 */
public final class Proc implements Named {
    /** What sort of context this is; interrupts and callbacks borrow their CPU. */
    public enum Kind { TASK, IRQ, RCU_CALLBACK }

    public final String name;
    /** Index in the explorer's table of names: stable across executions. */
    public final int gid;
    /** Position in this execution's list of contexts (creation order). */
    public final int index;
    public final Kind kind;
    public final Cpu cpu;
    /** The event that created this context, or -1 for the CPUs' tasks. */
    final int spawnedBy;
    Coroutine coroutine;
    Event pending;
    Frame frame;
    boolean started;
    boolean done;
    private long nextId;
    /**
     * Names this context as a creator of objects, from how it came to be (CPU i's task: i+1;
     * the k-th context spawned by creator c: c*64+k+1), so ids and addresses do not depend on
     * the order contexts were created in, nor on the explorer: a replay prints the same ones.
     */
    final long creator;
    private int spawned;
    /** Locks held, in acquisition order (for lockdep-style rank checks and assertions). */
    final List<Object> held = new ArrayList<>();
    /** Values this context reports as part of the final state (litmus registers etc.). */
    final Map<String, Long> registers = new LinkedHashMap<>();

    Proc(String name, int gid, int index, Kind kind, Cpu cpu, int spawnedBy, long creator) {
        this.creator = creator;
        this.name = name;
        this.gid = gid;
        this.index = index;
        this.kind = kind;
        this.cpu = cpu;
        this.spawnedBy = spawnedBy;
    }

    /** A fresh stable id for an object this context creates. */
    long newId() {
        return Ids.make(creator, nextId++);
    }

    /** The creator number of the next context this one spawns. */
    long nextChildCreator() {
        return creator * 64 + ++spawned;
    }

    /** The index of the event that created this context, or -1 for a CPU's task. */
    public int spawnedBy() {
        return spawnedBy;
    }

    public Event pending() {
        return pending;
    }

    public boolean isDone() {
        return done;
    }

    public Frame frame() {
        return frame;
    }

    public List<Object> held() {
        return held;
    }

    public Map<String, Long> registers() {
        return registers;
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
