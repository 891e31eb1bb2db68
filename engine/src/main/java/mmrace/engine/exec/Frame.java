package mmrace.engine.exec;

/**
 * One kernel function on a context's call stack, as an immutable cons list: entering a function
 * is one allocation, and every event keeps the frame it happened in at no further cost.
 */
public record Frame(String function, Frame caller, int depth) {
    public static Frame push(Frame caller, String function) {
        return new Frame(function, caller, caller == null ? 1 : caller.depth + 1);
    }

    /** Outermost first, e.g. {@code [khugepaged, collapse_huge_page, pmdp_collapse_flush]}. */
    public String[] path() {
        String[] out = new String[depth];
        Frame f = this;
        for (int i = depth - 1; i >= 0; i--) {
            out[i] = f.function;
            f = f.caller;
        }
        return out;
    }

    public static String[] pathOf(Frame f) {
        return f == null ? new String[0] : f.path();
    }
}
