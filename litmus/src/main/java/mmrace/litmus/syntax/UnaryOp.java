package mmrace.litmus.syntax;

/** A prefix operator of the C fragment (dereference, address-of and casts have their own nodes). */
public enum UnaryOp {
    /** Arithmetic negation {@code -e}. */
    NEG("-"),
    /** Logical negation {@code !e}: 1 if e is 0, else 0. */
    NOT("!"),
    /** Bitwise complement {@code ~e}. */
    BIT_NOT("~");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** {@return the C spelling} */
    public String symbol() {
        return symbol;
    }
}
