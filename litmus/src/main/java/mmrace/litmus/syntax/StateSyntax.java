package mmrace.litmus.syntax;

import java.util.Set;

/** Locations and values of herd7's state language, shared by the initial state and the final part. */
final class StateSyntax {

    /** Words of the state language that cannot name a location. */
    static final Set<String> KEYWORDS = Set.of("true", "false", "not", "exists", "forall", "final",
            "filter", "locations", "observed", "with", "cases", "and");

    private StateSyntax() {
    }

    /** {@return whether a register {@code N:r} or {@code PN:r} starts at the current token} */
    static boolean atRegister(TokenStream ts) {
        Token t = ts.peek();
        boolean proc = t.is(TokenKind.NUMBER) || t.is(TokenKind.IDENT) && t.text().matches("P[0-9]+");
        return proc && ts.peek(1).is(TokenKind.COLON);
    }

    /** {@return whether a location starts at the current token} */
    static boolean atLocation(TokenStream ts) {
        Token t = ts.peek();
        return atRegister(ts) || t.is(TokenKind.LBRACKET)
                || t.is(TokenKind.IDENT) && !KEYWORDS.contains(t.text());
    }

    /** Parses {@code x}, {@code [x]}, {@code x[1]}, {@code 0:r1} or {@code P0:r1}. */
    static Location location(TokenStream ts) throws LitmusSyntaxException {
        if (atRegister(ts)) {
            Token proc = ts.next();
            long n = proc.is(TokenKind.NUMBER) ? proc.number() : Long.parseLong(proc.text().substring(1));
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw TokenStream.error(proc, "invalid process number " + proc.text());
            }
            ts.next();
            Token reg = ts.expectIdent("a register name after '" + proc.text() + ":'");
            return new Location.Register((int) n, reg.text());
        }
        if (ts.accept(TokenKind.LBRACKET)) {
            Token name = ts.expectIdent("a global variable's name after '['");
            ts.expect(TokenKind.RBRACKET, "after '[" + name.text() + "'");
            return new Location.Global(name.text());
        }
        if (!atLocation(ts)) {
            throw ts.expected("a location such as 'x' or '0:r0'");
        }
        Token name = ts.next();
        if (ts.accept(TokenKind.LBRACKET)) {
            Token index = ts.expect(TokenKind.NUMBER, "as the index of '" + name.text() + "'");
            if (index.number() < 0 || index.number() > Integer.MAX_VALUE) {
                throw TokenStream.error(index, "invalid array index " + index.text());
            }
            ts.expect(TokenKind.RBRACKET, "after the index of '" + name.text() + "'");
            return new Location.ArrayCell(name.text(), (int) index.number());
        }
        return new Location.Global(name.text());
    }

    /** Parses a value: a number, a global's name or {@code &name} (both the global's address). */
    static Value value(TokenStream ts) throws LitmusSyntaxException {
        Token t = ts.peek();
        if (t.is(TokenKind.NUMBER)) {
            ts.next();
            return Value.of(t.number());
        }
        if (t.is(TokenKind.AMP)) {
            ts.next();
            return Value.addressOf(ts.expectIdent("a global variable's name after '&'").text());
        }
        if (t.is(TokenKind.IDENT) && !KEYWORDS.contains(t.text())) {
            ts.next();
            return Value.addressOf(t.text());
        }
        throw ts.expected("a value (a number, or a global variable's name for its address)");
    }
}
