package mmrace.litmus.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one section of a litmus file into tokens. The C section ({@link Mode#C}) has C comments
 * and operators; the state sections ({@link Mode#STATE}: initial state and final part) have
 * OCaml comments {@code (* *)} (nestable), signed numbers and {@code /\ \/ => ~}.
 *
 * <p>The C section ends where herd7's splitter ends it: at the first {@code exists},
 * {@code ~exists}, {@code forall}, {@code final}, {@code locations}, {@code filter},
 * {@code observed} or {@code cases} outside any braces or parentheses, or at the start of a
 * line anywhere. Between processes, {@code (* *)} comments are accepted too.
 */
final class Lexer {

    /** The two sub-languages. */
    enum Mode { C, STATE }

    /** Words that end the C section (herd7's {@code splitter.mll}). */
    static final Set<String> CONDITION_KEYWORDS =
            Set.of("exists", "forall", "final", "locations", "filter", "observed", "cases");

    private final SourceText src;
    private final Mode mode;
    private final int end;
    private final boolean stopAtCondition;
    private int i;
    private int depth;
    private boolean lineStart = true;
    private int stoppedAt = -1;

    private Lexer(SourceText src, Mode mode, int start, int end, boolean stopAtCondition) {
        this.src = src;
        this.mode = mode;
        this.i = start;
        this.end = end;
        this.stopAtCondition = stopAtCondition;
    }

    /**
     * Lexes {@code [start, end)} in a given mode; the list ends with an EOF token at {@code end}.
     *
     * @param eofText how diagnostics name the end of this section
     */
    static List<Token> lex(SourceText src, Mode mode, int start, int end, String eofText)
            throws LitmusSyntaxException {
        Lexer lx = new Lexer(src, mode, start, end, false);
        List<Token> out = lx.run();
        out.add(new Token(TokenKind.EOF, eofText, src.pos(end), end, 0, true));
        return out;
    }

    /** The C section's tokens and the offset where the final part starts. */
    record ProgramScan(List<Token> tokens, int end) {
    }

    /** Lexes C from {@code start} until a condition keyword or the end of the file. */
    static ProgramScan lexProgram(SourceText src, int start) throws LitmusSyntaxException {
        Lexer lx = new Lexer(src, Mode.C, start, src.length(), true);
        List<Token> out = lx.run();
        int stop = lx.stoppedAt >= 0 ? lx.stoppedAt : src.length();
        String what = lx.stoppedAt >= 0 ? "'" + word(src, stop) + "'" : "end of file";
        out.add(new Token(TokenKind.EOF, what, src.pos(stop), stop, 0, true));
        return new ProgramScan(out, stop);
    }

    private static String word(SourceText src, int at) {
        int j = at;
        if (src.at(j) == '~') {
            return "~exists";
        }
        if (src.startsWith("not", j) && !isIdentPart(src.at(j + 3))) {
            return "not exists";
        }
        while (j < src.length() && Character.isLetterOrDigit(src.at(j))) {
            j++;
        }
        return src.text().substring(at, j);
    }

    private List<Token> run() throws LitmusSyntaxException {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            if (i >= end) {
                return out;
            }
            Token t = next();
            if (stopAtCondition && endsProgram(t)) {
                stoppedAt = t.offset();
                return out;
            }
            switch (t.kind()) {
                case LBRACE, LPAREN -> depth++;
                case RBRACE, RPAREN -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            out.add(t);
        }
    }

    private boolean endsProgram(Token t) {
        boolean here = depth == 0 || t.firstOnLine();
        if (t.is(TokenKind.IDENT) && CONDITION_KEYWORDS.contains(t.text())) {
            return here;
        }
        if ((t.is(TokenKind.TILDE) || t.isIdent("not")) && here) {
            int j = i;
            while (j < end && (src.at(j) == ' ' || src.at(j) == '\t')) {
                j++;
            }
            return src.startsWith("exists", j) && !isIdentPart(src.at(j + 6));
        }
        return false;
    }

    private void skipBlanksAndComments() throws LitmusSyntaxException {
        while (i < end) {
            char c = src.at(i);
            if (c == '\n') {
                lineStart = true;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (mode == Mode.C && src.startsWith("//", i)) {
                while (i < end && src.at(i) != '\n') {
                    i++;
                }
            } else if (mode == Mode.C && src.startsWith("/*", i)) {
                int open = i;
                int close = src.text().indexOf("*/", i + 2);
                if (close < 0 || close + 2 > end) {
                    throw src.error(open, "unterminated comment: '/*' has no matching '*/'");
                }
                i = close + 2;
            } else if (src.startsWith("(*", i) && (mode == Mode.STATE || (stopAtCondition && depth == 0))) {
                skipOcamlComment();
            } else {
                return;
            }
        }
    }

    /** Skips a {@code (* ... *)} comment, which nests as in OCaml. */
    private void skipOcamlComment() throws LitmusSyntaxException {
        int open = i;
        int level = 0;
        while (i < end) {
            if (src.startsWith("(*", i)) {
                level++;
                i += 2;
            } else if (src.startsWith("*)", i)) {
                level--;
                i += 2;
                if (level == 0) {
                    return;
                }
            } else {
                i++;
            }
        }
        throw src.error(open, "unterminated comment: '(*' has no matching '*)'");
    }

    private Token next() throws LitmusSyntaxException {
        int start = i;
        boolean first = lineStart;
        lineStart = false;
        char c = src.at(i);
        if (isIdentStart(c)) {
            while (i < end && isIdentPart(src.at(i))) {
                i++;
            }
            return token(TokenKind.IDENT, start, 0, first);
        }
        boolean signed = mode == Mode.STATE && c == '-' && Character.isDigit(src.at(i + 1));
        if (Character.isDigit(c) || signed) {
            return number(start, first);
        }
        if (mode == Mode.STATE && src.startsWith("<>", i)) {
            i += 2;
            return token(TokenKind.NE, start, 0, first);
        }
        for (TokenKind k : mode == Mode.C ? C_SYMBOLS : STATE_SYMBOLS) {
            if (src.startsWith(k.symbol(), i)) {
                i += k.symbol().length();
                return token(k, start, 0, first);
            }
        }
        String shown = c == '"' ? "a string" : "character '" + c + "'";
        throw src.error(start, "unexpected " + shown
                + (mode == Mode.C ? " in C code" : " in the state language"));
    }

    private Token number(int start, boolean first) throws LitmusSyntaxException {
        boolean negative = src.at(i) == '-';
        if (negative) {
            i++;
        }
        int radix = 10;
        if (src.at(i) == '0' && (src.at(i + 1) == 'x' || src.at(i + 1) == 'X')) {
            radix = 16;
            i += 2;
        }
        int digits = i;
        while (i < end && Character.digit(src.at(i), radix) >= 0) {
            i++;
        }
        if (i == digits || isIdentPart(src.at(i))) {
            throw src.error(start, "malformed number '" + src.text().substring(start, Math.min(end, i + 1)) + "'");
        }
        long v;
        try {
            v = Long.parseLong(src.text().substring(digits, i), radix);
        } catch (NumberFormatException e) {
            throw src.error(start, "integer constant '" + src.text().substring(start, i) + "' is too large");
        }
        return token(TokenKind.NUMBER, start, negative ? -v : v, first);
    }

    private Token token(TokenKind k, int start, long number, boolean first) {
        return new Token(k, src.text().substring(start, i), src.pos(start), start, number, first);
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** C operators, longest first so that prefixes lose. */
    private static final List<TokenKind> C_SYMBOLS = List.of(
            TokenKind.ANDAND, TokenKind.OROR, TokenKind.EQ, TokenKind.NE, TokenKind.LE, TokenKind.GE,
            TokenKind.SHL, TokenKind.SHR,
            TokenKind.LPAREN, TokenKind.RPAREN, TokenKind.LBRACE, TokenKind.RBRACE,
            TokenKind.LBRACKET, TokenKind.RBRACKET, TokenKind.SEMI, TokenKind.COMMA, TokenKind.COLON,
            TokenKind.ASSIGN, TokenKind.LT, TokenKind.GT, TokenKind.PLUS, TokenKind.MINUS, TokenKind.STAR,
            TokenKind.SLASH, TokenKind.PERCENT, TokenKind.AMP, TokenKind.PIPE, TokenKind.CARET,
            TokenKind.TILDE, TokenKind.BANG);

    /** State-language symbols, longest first; {@code <>} is herd7's other spelling of {@code !=}. */
    private static final List<TokenKind> STATE_SYMBOLS = List.of(
            TokenKind.WEDGE, TokenKind.VEE, TokenKind.IMPLIES, TokenKind.EQ, TokenKind.NE,
            TokenKind.LPAREN, TokenKind.RPAREN, TokenKind.LBRACE, TokenKind.RBRACE,
            TokenKind.LBRACKET, TokenKind.RBRACKET, TokenKind.SEMI, TokenKind.COMMA, TokenKind.COLON,
            TokenKind.ASSIGN, TokenKind.STAR, TokenKind.AMP, TokenKind.TILDE, TokenKind.MINUS);
}
