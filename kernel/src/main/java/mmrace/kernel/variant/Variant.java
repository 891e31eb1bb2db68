package mmrace.kernel.variant;

/**
 * One version of a kernel code path. Each axis of variation (a function whose code differs
 * between kernel versions or patches) is an enum implementing this; its first constant is the
 * default (the version the model follows, v5.6 unless said otherwise). A run selects one
 * constant per axis through {@link Variants}; code asks {@code k.variant(Axis.class)} and never
 * changes between versions by editing.
 */
public interface Variant {
    /** The name used on the command line and in scenario files: a version or a patch. */
    String id();

    /** One line: what this version does differently. */
    String summary();
}
