package mmrace.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import mmrace.engine.coro.Coroutine;
import mmrace.engine.coro.Coroutines;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Memory;

/**
 * One run of a program: its setup, then its contexts stepped one visible event at a time in the
 * order a {@link Chooser} picks, until every context has finished, a fatal finding stops it,
 * every context is blocked (deadlock) or the chooser abandons it.
 *
 * <p>Everything runs on the calling thread: contexts are coroutines, and exactly one of them
 * (or the scheduler loop) runs at any moment, so an execution is a deterministic function of
 * its chooser's answers.
 */
public final class Execution {
    /** How an execution ended. */
    public enum Status { COMPLETE, BUG, DEADLOCK, ABANDONED }

    private final Program program;
    private final ExecConfig config;
    private final ProcNames names;
    private final Memory memory;
    private final Function<Runnable, Coroutine> coroutines;
    private final Coroutines.Kind coroutineKind;
    private final List<Proc> procs = new ArrayList<>();
    private final List<Cpu> cpus = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Loc> observed = new TreeMap<>();
    private final List<Proc> enabled = new ArrayList<>();
    private Proc current;
    private boolean inSetup;
    private boolean stopping;
    private boolean abandoned;
    private long setupIds;
    private Status status;
    private final Map<Class<?>, Object> attachments = new java.util.HashMap<>();
    /** Checks run once every context has finished (see {@link #atEnd}). */
    private final List<Runnable> endChecks = new ArrayList<>();
    private boolean inEndChecks;

    public Execution(Program program, ExecConfig config, ProcNames names) {
        this.program = program;
        this.config = config;
        this.names = names;
        this.coroutineKind = config.coroutines();
        this.coroutines = Coroutines.factory(coroutineKind);
        this.memory = config.memoryModel().create(this);
    }

    // ---------------------------------------------------------------- setup API

    /** Adds a CPU whose task runs {@code body}. Only during setup. */
    public Cpu cpu(Runnable body) {
        requireSetup("cpu()");
        Cpu cpu = new Cpu(cpus.size());
        cpus.add(cpu);
        Proc p = newProc(cpu.name, Proc.Kind.TASK, cpu, -1, cpu.id + 1);
        p.coroutine = coroutines.apply(body);
        cpu.task = p;
        return cpu;
    }

    /**
     * Adds a thread: a CPU whose task ends with an exit event that {@link #join} waits for.
     * During setup it starts with the others; from a running context it is spawned there and
     * then (its start happens after the spawning context's past).
     */
    public Cpu thread(Runnable body) {
        if (inSetup) {
            Cpu cpu = cpu(() -> {
                body.run();
                exit();
            });
            return cpu;
        }
        requireProc("thread()");
        Event spawn = begin(OpKind.SPAWN, "spawn", null, Footprint.NONE, null);
        Cpu cpu = new Cpu(cpus.size());
        cpus.add(cpu);
        spawn.a = cpu.id;
        Proc p = spawn(cpu.name, Proc.Kind.TASK, cpu, OpKind.THREAD_START, "start", cpu, Footprint.NONE, null,
                () -> { }, () -> {
                    body.run();
                    exit();
                });
        cpu.task = p;
        return cpu;
    }

    private void exit() {
        Proc p = requireProc("exit");
        begin(OpKind.EXIT, "exit", p, Footprint.one(Ids.exitKey(p.creator), Mode.RELEASE), null);
    }

    /** Waits until the thread on {@code cpu} (made by {@link #thread}) has ended. */
    public void join(Cpu cpu) {
        Proc t = cpu.task;
        begin(OpKind.JOIN, "join", t, Footprint.one(Ids.exitKey(t.creator), Mode.ACQUIRE), () -> t.done);
    }

    /**
     * Registers a check of the final state: it runs once every context has finished (after the
     * last RCU callback and IPI handler too), outside of any context, so it may only look at
     * values with {@link Loc#peek}. A failing {@link #check} or {@link #fail} in it is a finding
     * of the execution like any other. For invariants that hold only when the system is quiet
     * (a page's _mapcount against the page tables that map it).
     */
    public void atEnd(Runnable check) {
        requireSetup("atEnd()");
        endChecks.add(check);
    }

    /** Makes a location's final value part of the final state (see {@link #finalState}). */
    public void observe(String name, Loc loc) {
        observed.put(name, loc);
    }

    /** Records a value of the running context in the final state (a litmus register). */
    public void record(String register, long value) {
        Proc p = requireProc("record()");
        p.registers.put(register, value);
    }

    // ---------------------------------------------------------------- running

    /** Runs the whole execution with {@code chooser} deciding every scheduling point. */
    public Status run(Chooser chooser) {
        inSetup = true;
        try {
            program.setup(this);
        } finally {
            inSetup = false;
        }
        for (Proc p : new ArrayList<>(procs)) {
            startTask(p);
        }
        try {
            loop(chooser);
        } finally {
            for (Proc p : procs) {
                if (!p.done && p.coroutine != null) {
                    p.coroutine.abandon();
                }
            }
        }
        if (abandoned || (status != Status.ABANDONED && !memory.accept(this))) {
            status = Status.ABANDONED;
        }
        return status;
    }

    private void loop(Chooser chooser) {
        int steps = 0;
        while (!stopping) {
            collectEnabled();
            if (enabled.isEmpty()) {
                finishOrDeadlock();
                return;
            }
            if (++steps > config.maxSteps()) {
                addFinding(FindingKind.STEP_LIMIT, "step-limit",
                        "no end after " + config.maxSteps() + " events", null);
                status = Status.BUG;
                return;
            }
            Proc p = chooser.choose(this, enabled);
            if (p == null) {
                status = Status.ABANDONED;
                return;
            }
            step(p);
        }
        status = hasFatal() ? Status.BUG : Status.COMPLETE;
    }

    private void collectEnabled() {
        enabled.clear();
        for (Proc p : procs) {
            if (!p.done && p.pending != null && runnable(p) && p.pending.enabled()) {
                enabled.add(p);
            }
        }
    }

    /**
     * A task waits while an interrupt handler runs on its CPU. The explorer sees this through
     * the CPU's run key ({@link Cpu#KEY_RUN}): the handler's start conflicts with the task's
     * events, and the handler's end enables the task's next one.
     */
    private static boolean runnable(Proc p) {
        return p.kind != Proc.Kind.TASK || p.cpu.inIrq == null;
    }

    private void finishOrDeadlock() {
        List<String> blocked = new ArrayList<>();
        for (Proc p : procs) {
            if (!p.done) {
                blocked.add(p.name + " waits in " + (p.pending == null ? "?" : p.pending.text()));
            }
        }
        if (blocked.isEmpty()) {
            runEndChecks();
            status = hasFatal() ? Status.BUG : Status.COMPLETE;
            return;
        }
        addFinding(FindingKind.DEADLOCK, "deadlock", "every context is blocked: " + String.join("; ", blocked), null);
        for (Proc p : procs) {
            if (!p.done && p.pending != null) {
                p.pending.marked = true;
            }
        }
        status = Status.DEADLOCK;
    }

    /** Lets {@code p} run its pending event and then up to its next one. */
    public void step(Proc p) {
        current = p;
        try {
            p.started = true;
            p.coroutine.resume();
        } finally {
            current = null;
        }
        if (p.coroutine.isDone()) {
            p.done = true;
            p.pending = null;
            Throwable t = p.coroutine.failure();
            if (t != null && !(t instanceof BugFound)) {
                modelError(p, t);
            } else if (t == null) {
                onDone(p);
            }
        }
    }

    private void runEndChecks() {
        if (hasFatal()) {
            return;
        }
        inEndChecks = true;
        try {
            for (Runnable r : endChecks) {
                r.run();
            }
        } catch (BugFound stop) {
            // the finding is recorded; the execution ends with it
        } finally {
            inEndChecks = false;
        }
    }

    private void startTask(Proc p) {
        current = p;
        try {
            p.coroutine.resume();
        } finally {
            current = null;
        }
        if (p.coroutine.isDone()) {
            p.done = true;
            if (p.coroutine.failure() != null && !(p.coroutine.failure() instanceof BugFound)) {
                modelError(p, p.coroutine.failure());
            }
        }
    }

    private void onDone(Proc p) {
        if (p.kind == Proc.Kind.TASK && program.exitChecks()) {
            if (!p.held.isEmpty()) {
                addFinding(FindingKind.LOCK_MISUSE, "lock-held-at-exit",
                        p.name + " returns with locks held: " + p.held, p);
                stopping = true;
            } else if (!p.cpu.irqsOn || p.cpu.rcuNesting != 0) {
                addFinding(FindingKind.LOCK_MISUSE, "atomic-at-exit",
                        p.name + " returns with " + (!p.cpu.irqsOn ? "IRQs disabled" : "an RCU read-side section open"), p);
                stopping = true;
            }
        } else if (p.cpu.inIrq == p) {
            p.cpu.inIrq = null;
            releaseCpu(p);
        }
    }

    /**
     * An interrupt context gives its CPU back when its body returns, which is no event of its
     * own: its last event releases the run key, so the task's next event happens after the
     * whole handler (and is not taken for one that could have run in the middle of it).
     */
    private void releaseCpu(Proc p) {
        for (int i = events.size() - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (e.proc == p) {
                e.schedule(Footprint.of(p.cpu.key(Cpu.KEY_RUN), Mode.RELEASE));
                return;
            }
        }
    }

    private void modelError(Proc p, Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(6, st.length); i++) {
            sb.append("\n    at ").append(st[i]);
        }
        addFinding(FindingKind.MODEL_ERROR, "model-error", sb.toString(), p);
        stopping = true;
        status = Status.BUG;
    }

    /**
     * Announces the running context's next visible operation and waits until the scheduler
     * lets it run. Returns the event, now part of the execution; the caller performs the
     * operation and fills in its results. During setup nothing waits and nothing is recorded.
     */
    public Event begin(OpKind kind, String name, Named target, long[] footprint, Guard guard) {
        Proc p = current;
        if (p == null) {
            requireSetup(name);
            return new Event(null, kind, name, target, footprint, guard);
        }
        if (stopping) {
            throw new BugFound();
        }
        Event e = new Event(p, kind, name, target, footprint, guard);
        if (p.kind == Proc.Kind.TASK) {
            // A task runs only while no interrupt context holds its CPU.
            e.schedule(Footprint.of(p.cpu.key(Cpu.KEY_RUN), Mode.ACQUIRE));
        }
        p.pending = e;
        Coroutines.yieldNow(coroutineKind);
        commit(e);
        return e;
    }

    private void commit(Event e) {
        if (stopping) {
            throw new BugFound();
        }
        e.index = events.size();
        events.add(e);
        e.proc.pending = null;
        memory.committed(e);
    }

    /**
     * Creates a context that starts later, when the scheduler runs its {@code entry} event
     * (an interrupt handler's entry, an RCU callback's grace-period wait). The spawning event
     * happens before everything the new context does.
     */
    public Proc spawn(String name, Proc.Kind kind, Cpu cpu, OpKind entryKind, String entryName, Named target,
                      long[] entryFootprint, Guard entryGuard, Runnable onEntry, Runnable body) {
        Proc parent = requireProc("spawn()");
        Proc p = newProc(name, kind, cpu, events.size() - 1, parent.nextChildCreator());
        Event entry = new Event(p, entryKind, entryName, target, entryFootprint, entryGuard);
        // A spawned thread's start is a task event; a handler's entry takes the CPU from its task.
        entry.schedule(Footprint.of(cpu.key(Cpu.KEY_RUN), Mode.ACQUIRE));
        p.pending = entry;
        p.coroutine = coroutines.apply(() -> {
            commit(entry);
            onEntry.run();
            body.run();
        });
        return p;
    }

    private Proc newProc(String name, Proc.Kind kind, Cpu cpu, int spawnedBy, long creator) {
        Proc p = new Proc(name, names.intern(name), procs.size(), kind, cpu, spawnedBy, creator);
        procs.add(p);
        return p;
    }

    /**
     * Gives up on this execution from inside it: it does not count and its findings are dropped
     * (a weak memory model has no value left to offer a load). Unwinds the running context.
     */
    public RuntimeException abandon() {
        abandoned = true;
        stopping = true;
        if (current != null && !inSetup) {
            throw new BugFound();
        }
        throw new IllegalStateException("execution abandoned during setup");
    }

    // ---------------------------------------------------------------- findings

    /** Reports a fatal finding and unwinds the running context; the execution stops. */
    public RuntimeException fail(FindingKind kind, String check, String message, List<Finding.Stack> extra) {
        addFinding(kind, check, message, current, extra);
        stopping = true;
        if (current != null && !inSetup) {
            markLastEvent();
            throw new BugFound();
        }
        if (inEndChecks) {
            throw new BugFound();
        }
        throw new IllegalStateException("setup failed a check: " + message);
    }

    public RuntimeException fail(FindingKind kind, String check, String message) {
        return fail(kind, check, message, List.of());
    }

    /** Reports a finding that does not stop the execution (e.g. a lock-order violation). */
    public void report(FindingKind kind, String check, String message) {
        addFinding(kind, check, message, current, List.of());
        markLastEvent();
    }

    /** Fails the check {@code check} unless {@code ok}. */
    public void check(boolean ok, String check, String message) {
        if (!ok) {
            throw fail(FindingKind.CHECK, check, message);
        }
    }

    private void markLastEvent() {
        if (current == null) {
            return;
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).proc == current) {
                events.get(i).marked = true;
                return;
            }
        }
    }

    private void addFinding(FindingKind kind, String check, String message, Proc p) {
        addFinding(kind, check, message, p, List.of());
    }

    private void addFinding(FindingKind kind, String check, String message, Proc p, List<Finding.Stack> extra) {
        findings.add(new Finding(kind, check, message, p == null ? null : p.name, events.size() - 1,
                Frame.pathOf(p == null ? null : p.frame), extra));
    }

    private boolean hasFatal() {
        for (Finding f : findings) {
            if (f.kind().fatal) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- call stacks

    /** Enters a kernel function in the running context's call stack (for traces only). */
    public void enter(String function) {
        Proc p = current;
        if (p != null) {
            p.frame = Frame.push(p.frame, function);
        }
    }

    /** Leaves the innermost kernel function. */
    public void leave() {
        Proc p = current;
        if (p != null && p.frame != null) {
            p.frame = p.frame.caller();
        }
    }

    // ---------------------------------------------------------------- queries

    /** Per-execution state owned by a higher layer (a heap, the kernel's globals), by type. */
    public <T> T attachment(Class<T> type, java.util.function.Supplier<T> create) {
        return type.cast(attachments.computeIfAbsent(type, k -> create.get()));
    }

    /** A new stable id for an object the running context (or setup) creates. */
    public long newId() {
        Proc p = current;
        return p == null ? Ids.make(0, setupIds++) : p.newId();
    }

    public Proc current() {
        return current;
    }

    /** The context running now; fails outside of one. */
    public Proc requireProc(String what) {
        if (current == null) {
            throw new IllegalStateException(what + " outside of a CPU body");
        }
        return current;
    }

    private void requireSetup(String what) {
        if (!inSetup) {
            throw new IllegalStateException(what + " outside of setup and of any CPU");
        }
    }

    public boolean inSetup() {
        return inSetup;
    }

    public Cpu currentCpu() {
        return current == null ? null : current.cpu;
    }

    public List<Proc> procs() {
        return procs;
    }

    public List<Cpu> cpus() {
        return cpus;
    }

    public List<Event> events() {
        return events;
    }

    public List<Finding> findings() {
        return findings;
    }

    public Memory memory() {
        return memory;
    }

    public ExecConfig config() {
        return config;
    }

    public Program program() {
        return program;
    }

    public Status status() {
        return status;
    }

    public ProcNames names() {
        return names;
    }

    /**
     * The final state as text: observed locations, then each context's registers, sorted, e.g.
     * {@code 0:r0=1; 1:r1=0; x=1;}. Two executions with equal final states print the same:
     * tasks come in CPU order, then interrupt contexts by name, since those are created in
     * the order their (independent) senders happened to run.
     */
    public String finalState() {
        StringBuilder sb = new StringBuilder();
        List<Proc> ordered = new ArrayList<>(procs);
        ordered.sort(java.util.Comparator.comparing((Proc p) -> p.kind != Proc.Kind.TASK)
                .thenComparing(p -> p.kind == Proc.Kind.TASK ? "" : p.name));
        for (Proc p : ordered) {
            for (Map.Entry<String, Long> r : new TreeMap<>(p.registers).entrySet()) {
                sb.append(p.name).append(':').append(r.getKey()).append('=').append(r.getValue()).append("; ");
            }
        }
        for (Map.Entry<String, Loc> o : observed.entrySet()) {
            sb.append(o.getKey()).append('=').append(memory.peek(o.getValue())).append("; ");
        }
        return sb.toString().trim();
    }
}
