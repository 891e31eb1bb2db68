package mmrace.scenarios;

/**
 * One word of a scenario file. A {@code WORD} is a run of characters up to white space, a brace,
 * a quote or a {@code #}; a {@code STRING} is quoted text (its value without the quotes);
 * {@code OPEN} and {@code CLOSE} are braces.
 *
 * @param line 1-based
 * @param column 1-based
 */
public record Token(Kind kind, String text, int line, int column) {
    /** What a token is. */
    public enum Kind { WORD, STRING, OPEN, CLOSE }

    public boolean is(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /** How the token reads in an error message. */
    public String show() {
        return switch (kind) {
            case STRING -> "\"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
