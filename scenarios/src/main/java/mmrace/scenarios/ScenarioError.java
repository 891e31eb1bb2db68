package mmrace.scenarios;

/**
 * A mistake in a scenario file, with where it is: printed as {@code file:line:column: message},
 * one line, never a stack trace. The message says what was expected and, for an unknown name,
 * the names that are valid there.
 */
public final class ScenarioError extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String what;

    public ScenarioError(String file, int line, int column, String what) {
        super(file + ":" + line + ":" + column + ": " + what, null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.what = what;
    }

    /** The same error at a token of {@code file}. */
    public static ScenarioError at(String file, Token t, String what) {
        return new ScenarioError(file, t.line(), t.column(), what);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position. */
    public String what() {
        return what;
    }
}
