package mmrace.engine.exec;

import java.util.List;

/**
 * A bug found in one execution: what, where (the context, its kernel call stack, the event
 * index), and extra stacks (KASAN gives the allocation and free stacks).
 *
 * @param check stable check name, e.g. {@code mapcount}, {@code kasan}, {@code deadlock}
 */
public record Finding(FindingKind kind, String check, String message, String proc, int eventIndex,
                      String[] stack, List<Stack> extraStacks) {
    /** A titled call stack attached to a finding ("allocated by", "freed by"). */
    public record Stack(String title, String proc, String[] frames) {
    }

    public String headline() {
        return kind + " [" + check + "] " + message;
    }
}
