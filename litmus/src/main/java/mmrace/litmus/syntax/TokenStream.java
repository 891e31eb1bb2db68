package mmrace.litmus.syntax;

import java.util.List;

/** A cursor over a section's tokens, with the helpers every parser uses to report errors. */
final class TokenStream {
    private final List<Token> tokens;
    private int index;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    /** {@return the token {@code ahead} places after the current one (EOF past the end)} */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(index);
        if (!t.is(TokenKind.EOF)) {
            index++;
        }
        return t;
    }

    boolean at(TokenKind k) {
        return peek().is(k);
    }

    boolean atIdent(String word) {
        return peek().isIdent(word);
    }

    /** Consumes the current token if it is of kind {@code k}. */
    boolean accept(TokenKind k) {
        if (at(k)) {
            next();
            return true;
        }
        return false;
    }

    /**
     * Consumes a token of kind {@code k} or fails with "expected K CONTEXT, found T".
     *
     * @param context e.g. "after the statement", or "" for none
     */
    Token expect(TokenKind k, String context) throws LitmusSyntaxException {
        if (at(k)) {
            return next();
        }
        throw expected(k.describe() + (context.isEmpty() ? "" : " " + context));
    }

    /** Consumes a name or fails with "expected WHAT, found T". */
    Token expectIdent(String what) throws LitmusSyntaxException {
        if (at(TokenKind.IDENT)) {
            return next();
        }
        throw expected(what);
    }

    /** {@return the error "expected WHAT, found T" at the current token} */
    LitmusSyntaxException expected(String what) {
        return error(peek(), "expected " + what + ", found " + peek().describe());
    }

    static LitmusSyntaxException error(Token at, String reason) {
        return new LitmusSyntaxException(at.pos(), reason);
    }
}
