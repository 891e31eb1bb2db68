package mmrace.engine.samples;

import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Program;
import mmrace.engine.mem.Loc;
import mmrace.engine.sync.Mutex;

/**
 * The classic benchmarks of the DPOR literature, written against the engine, as described in
 * docs/DPOR.md with their published optimal execution counts. Plain accesses are ONCE
 * accesses here: under SC the difference does not matter, and each is one event.
 */
public final class Classic {
    private Classic() {
    }

    /** readers(N): T0 writes x; T1..TN each read x. Optimal: 2^N. */
    public static Program readers(int n) {
        return Program.named("readers(" + n + ")", x -> {
            Loc v = new Loc(x, "x", 0);
            x.observe("x", v);
            x.thread(() -> v.writeOnce(42));
            for (int i = 1; i <= n; i++) {
                x.thread(() -> x.record("r", v.readOnce()));
            }
        });
    }

    /** lastzero(N): T0 scans a[N], a[N-1], ... for a zero; Tj sets a[j] = a[j-1] + 1. */
    public static Program lastzero(int n) {
        return Program.named("lastzero(" + n + ")", x -> {
            Loc[] a = new Loc[n + 1];
            for (int i = 0; i <= n; i++) {
                a[i] = new Loc(x, "a[" + i + "]", 0);
            }
            x.thread(() -> {
                int i = n;
                while (a[i].readOnce() != 0) {
                    i--;
                }
                x.record("i", i);
            });
            for (int j = 1; j <= n; j++) {
                int jj = j;
                x.thread(() -> a[jj].writeOnce(a[jj - 1].readOnce() + 1));
            }
        });
    }

    /** indexer(N): N threads insert 4 values each into a 128-slot hash table with CAS. */
    public static Program indexer(int n) {
        return Program.named("indexer(" + n + ")", x -> {
            Loc[] table = new Loc[128];
            for (int i = 0; i < 128; i++) {
                table[i] = new Loc(x, "table[" + i + "]", 0);
            }
            for (int t = 0; t < n; t++) {
                int tid = t;
                x.thread(() -> {
                    for (int i = 0; i < 4; i++) {
                        int w = 11 * i + tid;
                        int h = (7 * w) % 128;
                        while (table[h].cmpxchg(mmrace.engine.mem.Order.FULL, "cmpxchg", 0, w) != 0) {
                            h = (h + 1) % 128;
                        }
                    }
                });
            }
        });
    }

    /** filesystem(N): threads allocate blocks for inodes under per-inode and per-block mutexes. */
    public static Program filesystem(int n) {
        return Program.named("filesystem(" + n + ")", x -> {
            Loc[] inode = new Loc[32];
            Loc[] busy = new Loc[26];
            Mutex[] locki = new Mutex[32];
            Mutex[] lockb = new Mutex[26];
            for (int i = 0; i < 32; i++) {
                inode[i] = new Loc(x, "inode[" + i + "]", 0);
                locki[i] = new Mutex(x, "locki[" + i + "]");
            }
            for (int i = 0; i < 26; i++) {
                busy[i] = new Loc(x, "busy[" + i + "]", 0);
                lockb[i] = new Mutex(x, "lockb[" + i + "]");
            }
            for (int t = 0; t < n; t++) {
                int tid = t;
                x.thread(() -> {
                    int i = tid % 32;
                    locki[i].lock();
                    if (inode[i].readOnce() == 0) {
                        int b = (2 * i) % 26;
                        while (true) {
                            lockb[b].lock();
                            if (busy[b].readOnce() == 0) {
                                busy[b].writeOnce(1);
                                inode[i].writeOnce(b + 1);
                                lockb[b].unlock();
                                break;
                            }
                            lockb[b].unlock();
                            b = (b + 1) % 26;
                        }
                    }
                    locki[i].unlock();
                });
            }
        });
    }

    /** fib_bench(NUM): two threads grow Fibonacci numbers in x and y; a third checks bounds. */
    public static Program fibBench(int num, boolean checker) {
        return Program.named((checker ? "fib_bench(" : "fib2(") + num + ")", x -> {
            Loc vx = new Loc(x, "x", 1);
            Loc vy = new Loc(x, "y", 1);
            x.observe("x", vx);
            x.observe("y", vy);
            x.thread(() -> {
                for (int k = 0; k < num; k++) {
                    long a = vx.readOnce();
                    long b = vy.readOnce();
                    vx.writeOnce(a + b);
                }
            });
            x.thread(() -> {
                for (int k = 0; k < num; k++) {
                    long a = vx.readOnce();
                    long b = vy.readOnce();
                    vy.writeOnce(a + b);
                }
            });
            if (checker) {
                x.thread(() -> {
                    x.check(vx.readOnce() <= 144, "fib-bound", "x > 144");
                    x.check(vy.readOnce() <= 144, "fib-bound", "y > 144");
                });
            }
        });
    }

    /** N-writers(N): a reader and N+1 writers of x. */
    public static Program nWriters(int n) {
        return Program.named("N-writers(" + n + ")", x -> {
            Loc v = new Loc(x, "x", 0);
            x.observe("x", v);
            x.thread(() -> x.record("r", v.readOnce()));
            for (int i = 0; i <= n; i++) {
                int ii = i;
                x.thread(() -> v.writeOnce(ii));
            }
        });
    }

    /** 2+2W: T1 x=1; y=2. T2 y=1; x=2. */
    public static Program twoPlusTwoW() {
        return Program.named("2+2W", x -> {
            Loc a = new Loc(x, "x", 0);
            Loc b = new Loc(x, "y", 0);
            x.observe("x", a);
            x.observe("y", b);
            x.thread(() -> {
                a.writeOnce(1);
                b.writeOnce(2);
            });
            x.thread(() -> {
                b.writeOnce(1);
                a.writeOnce(2);
            });
        });
    }

    /** lastwrite(N): N threads write their id to var; main joins them and reads var. */
    public static Program lastwrite(int n) {
        return Program.named("lastwrite(" + n + ")", x -> {
            Loc v = new Loc(x, "var", 0);
            x.thread(() -> {
                Cpu[] ts = new Cpu[n];
                for (int i = 0; i < n; i++) {
                    int ii = i + 1;
                    ts[i] = x.thread(() -> v.writeOnce(ii));
                }
                for (Cpu t : ts) {
                    x.join(t);
                }
                x.record("r", v.readOnce());
            });
        });
    }

    /** CO-2+2W(N): N threads each write their id to v twice; main joins and reads v. */
    public static Program co2plus2w(int n) {
        return Program.named("CO-2+2W(" + n + ")", x -> {
            Loc v = new Loc(x, "v", 0);
            x.thread(() -> {
                Cpu[] ts = new Cpu[n];
                for (int i = 0; i < n; i++) {
                    int ii = i + 1;
                    ts[i] = x.thread(() -> {
                        v.writeOnce(ii);
                        v.writeOnce(ii);
                    });
                }
                for (Cpu t : ts) {
                    x.join(t);
                }
                x.record("r", v.readOnce());
            });
        });
    }

    /** opt_lock(N): two threads try an optimistic "lock" N times. */
    public static Program optLock(int n) {
        return Program.named("opt_lock(" + n + ")", x -> {
            Loc vx = new Loc(x, "x", 0);
            Loc vy = new Loc(x, "y", 0);
            for (int id = 0; id < 2; id++) {
                int me = id;
                x.thread(() -> {
                    for (int k = 0; k < n; k++) {
                        vx.writeOnce(me);
                        vy.writeOnce(1);
                        if (vx.readOnce() == me) {
                            vy.readOnce();
                            break;
                        }
                    }
                });
            }
        });
    }

    /** sigma(N): main hands out array slots through idx before spawning each thread. */
    public static Program sigma(int n) {
        return Program.named("sigma(" + n + ")", x -> {
            Loc idx = new Loc(x, "idx", -1);
            Loc[] arr = new Loc[n];
            for (int i = 0; i < n; i++) {
                arr[i] = new Loc(x, "arr[" + i + "]", 0);
            }
            x.thread(() -> {
                Cpu[] ts = new Cpu[n];
                for (int i = 0; i < n; i++) {
                    long t = idx.readOnce();
                    idx.writeOnce(t + 1);
                    ts[i] = x.thread(() -> {
                        long v = idx.readOnce();
                        arr[(int) v].writeOnce(1);
                    });
                }
                for (Cpu t : ts) {
                    x.join(t);
                }
            });
        });
    }
}
