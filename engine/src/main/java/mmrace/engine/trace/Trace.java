package mmrace.engine.trace;

import java.util.List;

/**
 * One execution as plain data: everything a person-facing renderer needs (the diagram, the
 * HTML timeline), and nothing that needs the live program. It is built from a live execution
 * by {@link TraceCapture} or read back from JSON by {@link TraceJson#fromMap}, and both give
 * equal values, so a report rendered from a results file is the report {@code check} printed.
 *
 * @param program the program's name
 * @param memoryModel the memory model's name, e.g. {@code sc}
 * @param rcu the RCU flavour's enum name, e.g. {@code CONSOLIDATED}
 * @param schedule the schedule string that replays this execution (may be empty)
 * @param cpus the CPUs' names, in column order
 * @param contexts every context that ran or was created, in creation order
 * @param events the committed events in order, then the blocked contexts' pending events
 * @param races the conflicting accesses, by event index
 * @param findings the failed checks, in the order they were found
 */
public record Trace(String program, String memoryModel, String rcu, String schedule, List<String> cpus,
                    List<Context> contexts, List<Event> events, List<Race> races, List<Finding> findings) {
    public Trace {
        cpus = List.copyOf(cpus);
        contexts = List.copyOf(contexts);
        events = List.copyOf(events);
        races = List.copyOf(races);
        findings = List.copyOf(findings);
    }

    /**
     * A schedulable context: a CPU's task, an interrupt handler or an RCU callback.
     *
     * @param kind {@code TASK}, {@code IRQ} or {@code RCU_CALLBACK}
     * @param spawnedBy the index of the event that created it (an IPI send, a call_rcu), or -1
     */
    public record Context(String name, String kind, String cpu, int spawnedBy) {
    }

    /**
     * One visible operation.
     *
     * @param index position in the execution, or -1 for a blocked context's pending event
     * @param kind the {@code OpKind} name, e.g. {@code SPIN_LOCK}
     * @param op the kernel name of the operation, e.g. {@code spin_lock}
     * @param target what it acts on, as printed, or null
     * @param text the event as a kernel developer writes it, e.g. {@code READ_ONCE(gp) = 0}
     * @param stack the kernel functions it happened in, outermost first
     * @param marked whether renderers mark it (the event where a check failed)
     * @param blocked whether it is a pending event its context waits in
     */
    public record Event(int index, String cpu, String context, String contextKind, String kind, String op,
                        String target, long a, long b, String text, List<String> stack, boolean marked,
                        boolean blocked) {
        public Event {
            stack = List.copyOf(stack);
        }
    }

    /** Two conflicting accesses by different CPUs, by event index, {@code first} before {@code second}. */
    public record Race(int first, int second) {
    }

    /**
     * A failed check.
     *
     * @param kind the {@code FindingKind} name, e.g. {@code USE_AFTER_FREE}
     * @param check the stable check name, e.g. {@code kasan}
     * @param context the context that failed it, or null (a deadlock belongs to no one context)
     * @param event the index of the last event when it was found
     * @param stack the failing context's kernel functions, outermost first
     */
    public record Finding(String kind, String check, String message, boolean fatal, String context, int event,
                          List<String> stack, List<Stack> extraStacks) {
        public Finding {
            stack = List.copyOf(stack);
            extraStacks = List.copyOf(extraStacks);
        }

        /** The one-line summary printed under a diagram. */
        public String headline() {
            return kind + " [" + check + "] " + message;
        }
    }

    /** A titled call stack attached to a finding ("Allocated by", "Freed by"), outermost first. */
    public record Stack(String title, String context, List<String> frames) {
        public Stack {
            frames = List.copyOf(frames);
        }
    }
}
