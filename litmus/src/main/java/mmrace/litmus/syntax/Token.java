package mmrace.litmus.syntax;

/**
 * A token.
 *
 * @param kind        kind
 * @param text        the characters (for EOF: how to describe the end, e.g. "end of file")
 * @param pos         position of the first character
 * @param offset      offset of the first character
 * @param number      the value of a NUMBER token
 * @param firstOnLine whether only blanks and comments precede it on its line
 */
record Token(TokenKind kind, String text, SourcePos pos, int offset, long number, boolean firstOnLine) {

    boolean is(TokenKind k) {
        return kind == k;
    }

    boolean isIdent(String word) {
        return kind == TokenKind.IDENT && text.equals(word);
    }

    /** {@return how a diagnostic names this token: {@code 'x'}, or "end of file"} */
    String describe() {
        return kind == TokenKind.EOF ? text : "'" + text + "'";
    }
}
