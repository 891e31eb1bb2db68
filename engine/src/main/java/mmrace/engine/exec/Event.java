package mmrace.engine.exec;

/**
 * One visible operation. It is created when a context reaches the operation ("pending": the
 * explorer can see what it is about to do) and committed when the scheduler lets it run, at
 * which point it gets its position in the execution and its results.
 */
public final class Event {
    /** Position in the execution, or -1 while pending. */
    int index = -1;
    final Proc proc;
    public final OpKind kind;
    /** The kernel name of the operation, e.g. READ_ONCE, atomic_inc_return, smp_mb. */
    public final String name;
    /** What it acts on, printed in traces (a location, a lock, a cache...). */
    public final Named target;
    /** Keys touched; may be narrowed when the event commits (a failed cmpxchg only reads). */
    long[] footprint;
    /** Accesses of the CPU's run key (see {@link Cpu#KEY_RUN}) that narrowing keeps. */
    long[] scheduling = Footprint.NONE;
    /** Null when the operation can always run; otherwise whether it can run now. */
    final Guard guard;
    final Frame frame;
    /** Results: value read or written, new value of an RMW, etc. */
    public long a;
    public long b;
    /** Set on events the renderer should mark (e.g. the accesses of a race). */
    public boolean marked;
    /** A free-form note shown after the event (e.g. a finding). */
    public String note;
    /** The operation faulted before it produced a value (KASAN): its value is not shown. */
    public boolean faulted;

    Event(Proc proc, OpKind kind, String name, Named target, long[] footprint, Guard guard) {
        this.proc = proc;
        this.kind = kind;
        this.name = name;
        this.target = target;
        this.footprint = footprint;
        this.guard = guard;
        this.frame = proc == null ? null : proc.frame;
    }

    public int index() {
        return index;
    }

    public Proc proc() {
        return proc;
    }

    public long[] footprint() {
        return footprint;
    }

    /**
     * The footprint without the CPU's run key: what the event touches, for the weak-memory
     * explorer, which orders a task and its handlers by its own per-CPU program-order key and
     * must not take every task event for an ACQUIRE.
     */
    public long[] dataFootprint() {
        return scheduling.length == 0 ? footprint
                : java.util.Arrays.copyOf(footprint, footprint.length - scheduling.length);
    }

    /** Narrows the footprint once the outcome is known (a failed trylock or cmpxchg only reads). */
    public void setFootprint(long[] f) {
        footprint = Footprint.plus(f, scheduling);
    }

    /** Adds accesses that say when the event can run on its CPU rather than what it touches. */
    void schedule(long... run) {
        scheduling = Footprint.plus(scheduling, run);
        footprint = Footprint.plus(footprint, run);
    }

    public Frame frame() {
        return frame;
    }

    boolean enabled() {
        return guard == null || guard.enabled();
    }

    /** The event as a kernel developer would write it, e.g. {@code READ_ONCE(pmd) = 0x3}. */
    public String text() {
        String t = kind.text;
        if (faulted) {
            int cut = t.indexOf(" = ");
            t = cut >= 0 ? t.substring(0, cut) : t;
        }
        StringBuilder sb = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '%' && i + 1 < t.length()) {
                char k = t.charAt(++i);
                switch (k) {
                    case 'o' -> sb.append(name);
                    case 'l' -> sb.append(target == null ? "?" : target.displayName());
                    case 'a' -> sb.append(Values.show(a));
                    case 'b' -> sb.append(Values.show(b));
                    default -> sb.append('%').append(k);
                }
            } else {
                sb.append(c);
            }
        }
        if (note != null) {
            sb.append("  [").append(note).append(']');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return index + ":" + (proc == null ? "-" : proc.name) + ":" + text();
    }
}
