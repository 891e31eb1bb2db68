package mmrace.kernel.arch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import mmrace.engine.mem.MemoryModel;

/**
 * Which memory model each architecture runs under, by name, pluggable: the weak models (LKMM
 * for arm64 and power, Alpha's) are being written as {@link MemoryModel} implementations in
 * mmrace.engine.weak; until one is registered under its name, {@link #resolve} gives SC, so
 * every verdict on a weak architecture is for now its SC verdict.
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

    private static final Map<String, Supplier<MemoryModel>> REGISTERED = new ConcurrentHashMap<>();

    /** Makes {@code name} resolve to {@code model} (called by whoever provides the model). */
    public static void register(String name, Supplier<MemoryModel> model) {
        REGISTERED.put(name, model);
    }

    /** The model registered under {@code name}, or SC until there is one. */
    public static MemoryModel resolve(String name) {
        Supplier<MemoryModel> s = REGISTERED.get(name);
        return s != null ? s.get() : MemoryModel.sc();
    }

    /** Whether {@code name} has a real implementation yet (false: runs as SC). */
    public static boolean available(String name) {
        return SC.equals(name) || REGISTERED.containsKey(name);
    }
}
