package mmrace.litmus.syntax;

/** Compares ASTs up to source positions, through their record {@code toString()}. */
final class Positions {
    private Positions() {
    }

    /** {@return the test's structure as text, with every position and the file name erased} */
    static String erase(LitmusTest t) {
        return t.toString()
                .replaceAll("pos=\\S+?:\\d+:\\d+(?=[,\\]])", "pos=_")
                .replaceFirst("file=[^,]*,", "file=_,");
    }
}
