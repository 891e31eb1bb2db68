package mmrace.litmus.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the initial state block (without its braces): entries separated by {@code ;}, in
 * the forms listed on {@link InitEntry}.
 */
final class InitParser {
    private final TokenStream ts;

    InitParser(List<Token> tokens) {
        this.ts = new TokenStream(tokens);
    }

    List<InitEntry> parse() throws LitmusSyntaxException {
        List<InitEntry> out = new ArrayList<>();
        while (!ts.at(TokenKind.EOF)) {
            if (ts.accept(TokenKind.SEMI)) {
                continue;
            }
            out.add(entry());
            if (!ts.at(TokenKind.EOF)) {
                ts.expect(TokenKind.SEMI, "after an initial value");
            }
        }
        return out;
    }

    private InitEntry entry() throws LitmusSyntaxException {
        Token start = ts.peek();
        if (start.is(TokenKind.STAR)) {
            ts.next();
            return typed(start, new CType.Pointer(CType.INT));
        }
        boolean typed = TypeParser.startsType(start)
                || start.is(TokenKind.IDENT) && !StateSyntax.KEYWORDS.contains(start.text())
                        && (ts.peek(1).is(TokenKind.IDENT) || ts.peek(1).is(TokenKind.STAR));
        if (typed) {
            return typed(start, TypeParser.parse(ts));
        }
        Location loc = StateSyntax.location(ts);
        if (loc instanceof Location.ArrayCell) {
            throw TokenStream.error(start, "an array cell cannot be initialized alone: declare the array, "
                    + "e.g. 'int " + ((Location.ArrayCell) loc).array() + "[2];'");
        }
        Optional<Value> value = Optional.empty();
        if (ts.accept(TokenKind.ASSIGN)) {
            value = Optional.of(StateSyntax.value(ts));
        }
        return new InitEntry(start.pos(), loc, Optional.empty(), value);
    }

    private InitEntry typed(Token start, CType type) throws LitmusSyntaxException {
        Location loc = StateSyntax.location(ts);
        if (loc instanceof Location.ArrayCell cell) {
            if (type.isPointer()) {
                throw TokenStream.error(start, "arrays of pointers are not supported");
            }
            type = new CType.Array(type, cell.index());
            loc = new Location.Global(cell.array());
        }
        Optional<Value> value = Optional.empty();
        if (ts.accept(TokenKind.ASSIGN)) {
            if (type instanceof CType.Array) {
                throw TokenStream.error(ts.peek(), "arrays cannot have an initializer: their cells start at zero");
            }
            if (ts.atIdent("ATOMIC_INIT") && ts.peek(1).is(TokenKind.LPAREN)) {
                ts.next();
                ts.next();
                value = Optional.of(StateSyntax.value(ts));
                ts.expect(TokenKind.RPAREN, "to close ATOMIC_INIT(");
            } else {
                value = Optional.of(StateSyntax.value(ts));
            }
        }
        return new InitEntry(start.pos(), loc, Optional.of(type), value);
    }
}
