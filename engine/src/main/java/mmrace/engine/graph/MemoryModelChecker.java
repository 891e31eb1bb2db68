package mmrace.engine.graph;

import java.util.Locale;

/**
 * An axiomatic memory model: decides whether a candidate execution is allowed, as herd7 does for
 * one candidate of a litmus test.
 *
 * <p>Implementations are stateless after construction and may be shared between threads. A new
 * model is one new class in this package named {@code <Name>Checker} with a public no-argument
 * constructor; {@link #byName(String)} finds it without any registry to edit.
 */
public interface MemoryModelChecker {

    /** Short name, e.g. "lkmm", "sc", "tso", "alpha". */
    String name();

    /** Whether the model allows {@code g}, with flags and the failing axiom. */
    Verdict check(ExecutionGraph g);

    /** Shorthand for {@code check(g).allowed()}. */
    default boolean allows(ExecutionGraph g) {
        return check(g).allowed();
    }

    /**
     * The checker called {@code name} (case-insensitive): class {@code mmrace.engine.graph.<Name>Checker}
     * where {@code <Name>} is the name with its first letter upper-cased ("lkmm" to LkmmChecker,
     * "tso" to TsoChecker), built with its no-argument constructor.
     *
     * @throws IllegalArgumentException if there is no such model
     */
    static MemoryModelChecker byName(String name) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(Character::isLetterOrDigit))
            throw new IllegalArgumentException("bad model name: " + name);
        String lower = name.toLowerCase(Locale.ROOT);
        String cls = MemoryModelChecker.class.getPackageName() + "."
                + Character.toUpperCase(lower.charAt(0)) + lower.substring(1) + "Checker";
        try {
            Class<?> c = Class.forName(cls);
            if (!MemoryModelChecker.class.isAssignableFrom(c)) throw new IllegalArgumentException("not a model: " + name);
            return (MemoryModelChecker) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("unknown memory model: " + name, e);
        }
    }
}
