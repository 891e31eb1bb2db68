package mmrace.litmus.syntax;

/**
 * Parses a C type: qualifiers, a base type ({@code int}, {@code atomic_t},
 * {@code struct srcu_struct}, ...), then stars and trailing qualifiers. Used for parameters,
 * locals and casts in C code, and for typed entries of the initial state.
 */
final class TypeParser {

    private TypeParser() {
    }

    /** {@return whether a type starts at the current token} */
    static boolean startsType(TokenStream ts) {
        return startsType(ts.peek());
    }

    static boolean startsType(Token t) {
        return t.is(TokenKind.IDENT)
                && (CType.BASE_NAMES.contains(t.text()) || t.text().equals("struct")
                        || CType.QUALIFIERS.contains(t.text()));
    }

    /** Parses a type starting at the current token. */
    static CType parse(TokenStream ts) throws LitmusSyntaxException {
        Token first = ts.peek();
        if (first.is(TokenKind.IDENT) && CType.QUALIFIERS.contains(first.text())) {
            ts.next();
            return new CType.Qualified(first.text(), parse(ts));
        }
        CType t = base(ts);
        while (true) {
            if (ts.accept(TokenKind.STAR)) {
                t = new CType.Pointer(t);
            } else if (ts.atIdent("volatile") || ts.atIdent("const")) {
                t = new CType.Qualified(ts.next().text(), t);
            } else {
                return t;
            }
        }
    }

    private static CType base(TokenStream ts) throws LitmusSyntaxException {
        Token t = ts.expectIdent("a type such as 'int'");
        if (t.text().equals("struct")) {
            Token tag = ts.expectIdent("a struct tag after 'struct'");
            if (!CType.STRUCT_TAGS.contains(tag.text())) {
                throw TokenStream.error(tag, "unknown type 'struct " + tag.text()
                        + "' (the only struct herd7 knows is 'struct srcu_struct')");
            }
            return new CType.Named("struct " + tag.text());
        }
        if (!CType.BASE_NAMES.contains(t.text())) {
            throw TokenStream.error(t, "unknown type '" + t.text() + "'");
        }
        return new CType.Named(t.text());
    }
}
