package mmrace.litmus.syntax;

/**
 * A binary operator of the C fragment, with C's precedence (higher binds tighter). Comparisons
 * and the logical operators yield 0 or 1; {@code &&} and {@code ||} short-circuit as in C.
 */
public enum BinaryOp {
    /** {@code ||}. */
    LOR("||", 1),
    /** {@code &&}. */
    LAND("&&", 2),
    /** {@code |}. */
    OR("|", 3),
    /** {@code ^}. */
    XOR("^", 4),
    /** {@code &}. */
    AND("&", 5),
    /** {@code ==}. */
    EQ("==", 6),
    /** {@code !=}. */
    NE("!=", 6),
    /** {@code <}. */
    LT("<", 7),
    /** {@code <=}. */
    LE("<=", 7),
    /** {@code >}. */
    GT(">", 7),
    /** {@code >=}. */
    GE(">=", 7),
    /** {@code <<}. */
    SHL("<<", 8),
    /** {@code >>}. */
    SHR(">>", 8),
    /** {@code +}. */
    ADD("+", 9),
    /** {@code -}. */
    SUB("-", 9),
    /** {@code *}. */
    MUL("*", 10),
    /** {@code /}. */
    DIV("/", 10),
    /** {@code %}. */
    MOD("%", 10);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** {@return the C spelling} */
    public String symbol() {
        return symbol;
    }

    /** {@return C's precedence level, 1 (loosest, {@code ||}) to 10 (tightest, {@code *})} */
    public int precedence() {
        return precedence;
    }
}
