package mmrace.litmus.syntax;

/** The kinds of tokens of both sub-languages (C code, and herd's state/condition language). */
enum TokenKind {
    IDENT, NUMBER,
    LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), LBRACKET("["), RBRACKET("]"),
    SEMI(";"), COMMA(","), COLON(":"),
    ASSIGN("="), EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"),
    AMP("&"), PIPE("|"), CARET("^"), TILDE("~"), BANG("!"), ANDAND("&&"), OROR("||"),
    SHL("<<"), SHR(">>"),
    /** {@code /\} (state language). */
    WEDGE("/\\"),
    /** {@code \/} (state language). */
    VEE("\\/"),
    /** {@code =>} (state language). */
    IMPLIES("=>"),
    EOF;

    private final String symbol;

    TokenKind() {
        this.symbol = null;
    }

    TokenKind(String symbol) {
        this.symbol = symbol;
    }

    /** {@return the fixed spelling, or null for identifiers, numbers and EOF} */
    String symbol() {
        return symbol;
    }

    /** {@return how a diagnostic names an expected token of this kind} */
    String describe() {
        return switch (this) {
            case IDENT -> "a name";
            case NUMBER -> "a number";
            case EOF -> "end of file";
            default -> "'" + symbol + "'";
        };
    }
}
