package mmrace.scenarios;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import mmrace.kernel.KernelConfig;
import mmrace.kernel.mm.Gup;
import mmrace.kernel.mm.VmFlags;
import mmrace.kernel.world.FileSpec;
import mmrace.kernel.world.ProcessSpec;
import mmrace.kernel.world.Task;

/**
 * The one place that says which kernel-model classes a scenario can reach: entry points
 * ({@link Task}), setup verbs ({@link ProcessSpec}, {@link ProcessSpec.PageSpec},
 * {@link FileSpec}), configuration ({@link KernelConfig}'s {@code with...} methods), final-state
 * probes ({@link Probes}) and named constants ({@code FOLL_*}, {@code VM_*}). Everything else is
 * discovered from these classes.
 */
public final class Registry {
    private Registry() {
    }

    /** What a CPU block can call. */
    public static final Verbs ENTRY_POINTS = new Verbs(Task.class, false, Set.of("kernel", "x", "mm", "record"));
    /** What a process block can say. */
    public static final Verbs PROCESS = new Verbs(ProcessSpec.class, false, Set.of());
    /** What can follow {@code present} or {@code swapped} on the same line. */
    public static final Verbs PAGE = new Verbs(ProcessSpec.PageSpec.class, false, Set.of());
    /** What a file block can say. */
    public static final Verbs FILE = new Verbs(FileSpec.class, false, Set.of());
    /** {@code config} lines: KernelConfig's with-methods, e.g. {@code config swapSlots 8}. */
    public static final Verbs CONFIG = configVerbs();
    /** Final-state probes for {@code check} lines. */
    public static final Verbs PROBES = new Verbs(Probes.class, true, Set.of());

    /** {@code geometry PTRS_PER_PTE PTRS_PER_PMD} lines call this. */
    public static final java.lang.reflect.Method WITH_GEOMETRY = withGeometry();

    /** Named constants usable wherever a number is expected, alone or or-ed: {@code FOLL_GET|FOLL_WRITE}. */
    public static final Map<String, Long> CONSTANTS = constants(Gup.class, VmFlags.class);

    /** The verbs for calls on a value of {@code type}, or null when it takes none. */
    public static Verbs verbsFor(Class<?> type) {
        for (Verbs v : new Verbs[] {ENTRY_POINTS, PROCESS, PAGE, FILE}) {
            if (v.type() == type) {
                return v;
            }
        }
        return null;
    }

    private static java.lang.reflect.Method withGeometry() {
        try {
            return KernelConfig.class.getMethod("withGeometry", mmrace.kernel.Geometry.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verbs configVerbs() {
        Set<String> hidden = new java.util.HashSet<>(Set.of("withArch", "withVariants", "withVariant",
                "withGeometry"));
        for (var m : KernelConfig.class.getMethods()) {
            if (!m.getName().startsWith("with")) {
                hidden.add(m.getName());
            }
        }
        return new Verbs(KernelConfig.class, false, hidden);
    }

    private static Map<String, Long> constants(Class<?>... from) {
        Map<String, Long> m = new TreeMap<>();
        for (Class<?> c : from) {
            for (Field f : c.getFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && (f.getType() == int.class
                        || f.getType() == long.class) && f.getName().matches("(FOLL|VM)_[A-Z_]+")) {
                    try {
                        m.put(f.getName(), ((Number) f.get(null)).longValue());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return m;
    }
}
