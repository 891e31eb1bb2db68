package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Program;
import mmrace.engine.mem.Loc;
import mmrace.engine.mem.Order;
import mmrace.engine.sync.Bitops;
import mmrace.engine.sync.RwSemaphore;
import mmrace.engine.sync.SpinLock;

/**
 * Small random concurrent programs for the DPOR self-test: 2 to 4 CPUs, 2 or 3 shared
 * locations, spinlocks and a semaphore, with reads (kept as registers), writes, RMWs,
 * cmpxchg, trylock, non-atomic bit updates and critical sections. Locks are always taken in
 * one order, so programs do not deadlock and every execution has a final state.
 */
final class RandomPrograms {
    private RandomPrograms() {
    }

    /** One step a CPU takes; it may use several events. */
    private interface Step {
        void run(Execution x, Loc[] locs, SpinLock[] locks, RwSemaphore sem, int cpu, int[] reg);
    }

    static Program generate(long seed) {
        Random r = new Random(seed);
        int cpus = 2 + r.nextInt(3);
        int nLocs = 2 + r.nextInt(2);
        // Events per program are capped so that enumerating every interleaving stays quick:
        // the number of interleavings grows with the multinomial of the CPUs' event counts.
        int perCpu = switch (cpus) {
            case 2 -> 7;
            case 3 -> 4;
            default -> 3;
        };
        List<List<Step>> bodies = new ArrayList<>();
        for (int c = 0; c < cpus; c++) {
            List<Step> steps = new ArrayList<>();
            int events = 0;
            while (true) {
                int kind = r.nextInt(10);
                int cost = COST[kind];
                if (events + cost > perCpu) {
                    break;
                }
                events += cost;
                steps.add(step(r, nLocs, kind));
            }
            if (steps.isEmpty()) {
                steps.add(step(r, nLocs, 0));
            }
            bodies.add(steps);
        }
        return Program.named("random-" + seed, x -> {
            Loc[] locs = new Loc[nLocs];
            for (int i = 0; i < nLocs; i++) {
                locs[i] = new Loc(x, "v" + i, 0);
                x.observe("v" + i, locs[i]);
            }
            SpinLock[] locks = {new SpinLock(x, "L0"), new SpinLock(x, "L1")};
            RwSemaphore sem = new RwSemaphore(x, "sem", mmrace.engine.sync.LockClass.UNRANKED);
            for (int c = 0; c < cpus; c++) {
                int cpu = c;
                List<Step> steps = bodies.get(c);
                x.cpu(() -> {
                    int[] reg = {0};
                    for (Step s : steps) {
                        s.run(x, locs, locks, sem, cpu, reg);
                    }
                });
            }
        });
    }

    /** Events each kind of step takes at most (a trylock section: trylock, read, write, unlock). */
    private static final int[] COST = {1, 1, 1, 1, 1, 1, 4, 3, 4, 2};

    private static Step step(Random r, int nLocs, int kind) {
        int l = r.nextInt(nLocs);
        int v = 1 + r.nextInt(3);
        return switch (kind) {
            case 0, 1 -> (x, locs, locks, sem, cpu, reg) -> x.record("r" + reg[0]++, locs[l].readOnce());
            case 2, 3 -> (x, locs, locks, sem, cpu, reg) -> locs[l].writeOnce(v);
            case 4 -> (x, locs, locks, sem, cpu, reg) -> x.record("r" + reg[0]++,
                    locs[l].rmw(Order.FULL, "atomic_fetch_add", o -> o + v));
            case 5 -> (x, locs, locks, sem, cpu, reg) -> x.record("r" + reg[0]++,
                    locs[l].cmpxchg(Order.FULL, "cmpxchg", 0, v));
            case 6 -> {
                int k = r.nextInt(2);
                Step inner = r.nextBoolean()
                        ? (x, locs, locks, sem, cpu, reg) -> locs[l].writeOnce(locs[l].readOnce() + v)
                        : (x, locs, locks, sem, cpu, reg) -> x.record("r" + reg[0]++, locs[l].readOnce());
                yield (x, locs, locks, sem, cpu, reg) -> {
                    locks[k].lock();
                    inner.run(x, locs, locks, sem, cpu, reg);
                    locks[k].unlock();
                };
            }
            case 7 -> {
                boolean write = r.nextBoolean();
                yield (x, locs, locks, sem, cpu, reg) -> {
                    if (write) {
                        sem.downWrite();
                        locs[l].writeOnce(v);
                        sem.upWrite();
                    } else {
                        sem.downRead();
                        x.record("r" + reg[0]++, locs[l].readOnce());
                        sem.upRead();
                    }
                };
            }
            case 8 -> {
                int k = r.nextInt(2);
                yield (x, locs, locks, sem, cpu, reg) -> {
                    if (locks[k].trylock()) {
                        locs[l].writeOnce(locs[l].readOnce() + v);
                        locks[k].unlock();
                    } else {
                        x.record("r" + reg[0]++, -1);
                    }
                };
            }
            default -> {
                boolean atomic = r.nextBoolean();
                int bit = r.nextInt(2);
                yield (x, locs, locks, sem, cpu, reg) -> {
                    if (atomic) {
                        Bitops.setBit(bit, locs[l]);
                    } else {
                        Bitops.nonAtomicSetBit(bit, locs[l]);
                    }
                };
            }
        };
    }
}
