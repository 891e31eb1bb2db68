package mmrace.kernel.arch;

import java.util.Locale;
import mmrace.engine.mem.MemoryModel;
import mmrace.engine.weak.Speculation;
import mmrace.engine.weak.WeakModel;

/**
 * Which memory model each architecture runs under, by name. The weak ones are the engine's
 * graph-based models ({@link WeakModel}), set up for kernel code rather than litmus tests:
 * <ul>
 *   <li>no LKMM data-race findings: the kernel's plain accesses to page->flags, PTEs and the
 *       like race by design (KCSAN annotates them with data_race()); the scenario's checks
 *       judge the outcome instead;</li>
 *   <li>no speculation ({@link Speculation#NONE}): a load reads a write some interleaving has
 *       already executed, chosen among all the writes coherence and the model allow (stale
 *       values included), and conflicting accesses are explored in every order. This covers
 *       every execution whose reads-from and program order are acyclic; the load-buffering
 *       executions LKMM allows on top (a load reading a write that depends on nothing but comes
 *       later in another CPU's program order) are left out. Speculating values as litmus tests
 *       do finds those too, but on kernel code it multiplies the search far beyond CI's limits
 *       (measured on S003: minutes without an answer against 0.5 s);</li>
 *   <li>a stale-read bound ({@link WeakModel#withStaleReads}): a CPU sees the same overwritten
 *       value at most twice, which is what makes retry loops (a fault retried because the PTE
 *       changed) finite, as eventual visibility does on the hardware.</li>
 * </ul>
 * The system property {@code mmrace.x86} = {@code sc} runs x86 and s390 on interleavings (SC)
 * instead of TSO: both give the same verdicts wherever no store buffer is involved, and SC's
 * optimal DPOR is far faster.
 */
public final class MemoryModels {
    private MemoryModels() {
    }

    public static final String SC = "sc";
    /** x86-TSO (and s390, whose ordinary accesses are TSO-like). */
    public static final String TSO = "x86-tso";
    /** The Linux-kernel memory model, tools/memory-model/linux-kernel.cat (arm64, power). */
    public static final String LKMM = "lkmm";
    /** LKMM without dependency ordering unless a dependency barrier is used (Alpha). */
    public static final String LKMM_ALPHA = "lkmm-alpha";

    /** The model called {@code name}; unknown names are a programming error. */
    public static MemoryModel resolve(String name) {
        return switch (name) {
            case SC -> MemoryModel.sc();
            case TSO -> "sc".equals(System.getProperty("mmrace.x86", "").toLowerCase(Locale.ROOT))
                    ? MemoryModel.sc() : forKernel(WeakModel.tso());
            case LKMM -> forKernel(WeakModel.lkmm());
            case LKMM_ALPHA -> forKernel(WeakModel.alpha());
            default -> throw new IllegalArgumentException("no memory model called " + name);
        };
    }

    private static WeakModel forKernel(WeakModel m) {
        return m.withDataRaces(false).withSpeculation(Speculation.NONE)
                .withStaleReads(WeakModel.DEFAULT_STALE_READS);
    }
}
