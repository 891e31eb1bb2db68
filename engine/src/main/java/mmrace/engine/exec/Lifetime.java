package mmrace.engine.exec;

/**
 * The memory a location lives in, as KASAN sees it: an object that may be freed. Locations
 * with no owner (globals, page tables the model never frees) are always accessible.
 */
public interface Lifetime {
    /** Null if the memory may be accessed now; otherwise why not (e.g. "freed"). */
    String inaccessibleReason();

    /** A short description, e.g. {@code anon_vma#3 (cache anon_vma, 64 bytes)}. */
    String describe();

    /** The stacks KASAN prints: allocated by, freed by. */
    java.util.List<Finding.Stack> history();
}
