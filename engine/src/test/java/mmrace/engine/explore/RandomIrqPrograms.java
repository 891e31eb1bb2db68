package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Program;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Interrupts;
import mmrace.engine.sync.Irq;

/**
 * Small random programs with interrupts for the DPOR self-test: 2 or 3 CPUs whose tasks mix
 * plain accesses, IRQs-off sections (local_irq_save/restore around an access, fast GUP's
 * pattern) and IPIs to another CPU (with or without waiting for the handler, a TLB shootdown's
 * pattern) whose handler reads or writes a shared location. A handler's start is the event
 * that stops the interrupted task, so these programs exercise what plain accesses and locks
 * do not: contexts that appear, and a task that is switched off without touching anything.
 */
final class RandomIrqPrograms {
    private RandomIrqPrograms() {
    }

    /** One step a CPU's task takes; it may use several events. */
    private interface Step {
        void run(Execution x, Loc[] locs, List<Cpu> cpus, int[] reg);
    }

    static Program generate(long seed) {
        return generate(seed, new StringBuilder());
    }

    /** The program of {@code seed}; appends to {@code text} what each CPU does, for failure messages. */
    static Program generate(long seed, StringBuilder text) {
        Random r = new Random(seed);
        int cpus = 2 + r.nextInt(2);
        int nLocs = 2;
        // Sender and handler events together: an IPI costs its sender 2 events (send, wait)
        // and its target 3 (entry, access, ack), which the budget counts on the sender.
        int perCpu = cpus == 2 ? 7 : 5;
        List<List<Step>> bodies = new ArrayList<>();
        for (int c = 0; c < cpus; c++) {
            List<Step> steps = new ArrayList<>();
            int events = 0;
            while (true) {
                int kind = r.nextInt(6);
                if (events + COST[kind] > perCpu) {
                    break;
                }
                events += COST[kind];
                steps.add(step(r, nLocs, cpus, c, kind, text));
            }
            if (steps.isEmpty()) {
                steps.add(step(r, nLocs, cpus, c, 0, text));
            }
            text.append(" |");
            bodies.add(steps);
        }
        return Program.named("random-irq-" + seed, x -> {
            Loc[] locs = new Loc[nLocs];
            for (int i = 0; i < nLocs; i++) {
                locs[i] = new Loc(x, "v" + i, 0);
                x.observe("v" + i, locs[i]);
            }
            List<Cpu> all = new ArrayList<>();
            for (int c = 0; c < cpus; c++) {
                List<Step> steps = bodies.get(c);
                all.add(x.cpu(() -> {
                    int[] reg = {0};
                    for (Step s : steps) {
                        s.run(x, locs, all, reg);
                    }
                }));
            }
        });
    }

    /** Events each kind of step takes at most (an IPI with wait: 5 across sender and target). */
    private static final int[] COST = {1, 1, 1, 3, 5, 4};
    private static final String[] NAMES = {"read", "write", "add", "irqoff", "ipi-wait", "ipi"};

    private static Step step(Random r, int nLocs, int cpus, int self, int kind, StringBuilder text) {
        int l = r.nextInt(nLocs);
        int v = 1 + r.nextInt(3);
        text.append(' ').append(NAMES[kind]).append("(v").append(l).append(',').append(v).append(')');
        return switch (kind) {
            case 0 -> (x, locs, all, reg) -> x.record("r" + reg[0]++, locs[l].readOnce());
            case 1 -> (x, locs, all, reg) -> locs[l].writeOnce(v);
            case 2 -> (x, locs, all, reg) -> x.record("r" + reg[0]++,
                    locs[l].rmw(Order.FULL, "atomic_fetch_add", o -> o + v));
            case 3 -> {
                Step inner = access(r, l, v, text);
                yield (x, locs, all, reg) -> {
                    long flags = Irq.localIrqSave(x);
                    inner.run(x, locs, all, reg);
                    Irq.localIrqRestore(x, flags);
                };
            }
            default -> {
                int target = (self + 1 + r.nextInt(cpus - 1)) % cpus;
                text.append("->CPU").append(target);
                boolean wait = kind == 4;
                Step handler = access(r, l, v, text);
                yield (x, locs, all, reg) -> {
                    // The handler keeps its own registers: it runs as a context of its own.
                    int[] hreg = {0};
                    Interrupts.smpCallFunctionMany(x, List.of(all.get(target)), "ipi_func",
                            c -> handler.run(x, locs, all, hreg), wait);
                };
            }
        };
    }

    /** A read kept as a register, or a write. */
    private static Step access(Random r, int l, int v, StringBuilder text) {
        boolean read = r.nextBoolean();
        text.append(read ? "{read}" : "{write}");
        return read
                ? (x, locs, all, reg) -> x.record("r" + reg[0]++, locs[l].readOnce())
                : (x, locs, all, reg) -> locs[l].writeOnce(v);
    }
}
