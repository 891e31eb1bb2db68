package mmrace.litmus.syntax;

/**
 * A litmus test that cannot be accepted: a syntax error, an unknown primitive, a wrong number
 * of arguments, an undeclared name, a malformed condition.
 *
 * <p>{@link #getMessage()} is the complete diagnostic a user should see, in the compiler style
 * {@code FILE:LINE:COLUMN: error: what}; {@link #getReason()} is the part after
 * {@code error: }. Print the message, never the stack trace.
 */
public final class LitmusSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The file name as given to the parser. */
    private final String file;
    /** 1-based line. */
    private final int line;
    /** 1-based column. */
    private final int column;
    /** The diagnostic without its position prefix. */
    private final String reason;

    /**
     * Creates the diagnostic {@code POS: error: REASON}.
     *
     * @param pos    where the problem is
     * @param reason what was expected or what is wrong, without position or "error:"
     */
    public LitmusSyntaxException(SourcePos pos, String reason) {
        super(pos + ": error: " + reason, null, false, false);
        this.file = pos.file();
        this.line = pos.line();
        this.column = pos.column();
        this.reason = reason;
    }

    /** {@return the file name as given to the parser} */
    public String getFile() {
        return file;
    }

    /** {@return the 1-based line of the problem} */
    public int getLine() {
        return line;
    }

    /** {@return the 1-based column of the problem} */
    public int getColumn() {
        return column;
    }

    /** {@return the position of the problem} */
    public SourcePos getPos() {
        return new SourcePos(file, line, column);
    }

    /** {@return what was expected or what is wrong, without the position prefix} */
    public String getReason() {
        return reason;
    }
}
