package mmrace.litmus.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the final part of a test, in herd7's order: {@code locations [...]}, then
 * {@code filter prop}, then the condition ({@code exists}, {@code ~exists}, {@code not exists},
 * {@code forall} or {@code final}) with an optional trailing {@code ;}.
 */
final class FinalParser {

    /** What the final part holds. */
    record Result(List<Location> locations, Optional<Prop> filter, Condition condition) {
    }

    private final TokenStream ts;

    FinalParser(List<Token> tokens) {
        this.ts = new TokenStream(tokens);
    }

    Result parse() throws LitmusSyntaxException {
        List<Location> locations = new ArrayList<>();
        if (ts.atIdent("locations")) {
            ts.next();
            locations = locations();
        }
        Optional<Prop> filter = Optional.empty();
        if (ts.atIdent("filter")) {
            ts.next();
            filter = Optional.of(prop());
        }
        Condition condition = condition();
        ts.accept(TokenKind.SEMI);
        if (!ts.at(TokenKind.EOF)) {
            Token t = ts.peek();
            if (t.isIdent("locations") || t.isIdent("filter")) {
                throw TokenStream.error(t, "'" + t.text() + "' must come before "
                        + (t.isIdent("locations") ? "the filter and " : "") + "the final condition");
            }
            if (t.isIdent("with")) {
                throw TokenStream.error(t, "'with' clauses are not supported");
            }
            throw ts.expected("end of file after the final condition");
        }
        return new Result(locations, filter, condition);
    }

    private List<Location> locations() throws LitmusSyntaxException {
        ts.expect(TokenKind.LBRACKET, "after 'locations'");
        List<Location> out = new ArrayList<>();
        while (!ts.accept(TokenKind.RBRACKET)) {
            if (!StateSyntax.atLocation(ts)) {
                throw ts.expected(out.isEmpty() ? "a location such as 'x' or '0:r0'"
                        : "a location or ']' to close 'locations ['");
            }
            out.add(StateSyntax.location(ts));
            if (!ts.at(TokenKind.RBRACKET)) {
                ts.expect(TokenKind.SEMI, "between locations");
            }
        }
        return out;
    }

    private Condition condition() throws LitmusSyntaxException {
        Token t = ts.peek();
        ConditionKind kind;
        if (t.isIdent("exists") || t.isIdent("final")) {
            ts.next();
            kind = ConditionKind.EXISTS;
        } else if (t.isIdent("forall")) {
            ts.next();
            kind = ConditionKind.FORALL;
        } else if ((t.is(TokenKind.TILDE) || t.isIdent("not")) && ts.peek(1).isIdent("exists")) {
            ts.next();
            ts.next();
            kind = ConditionKind.NOT_EXISTS;
        } else if (t.isIdent("observed") || t.isIdent("cases")) {
            throw TokenStream.error(t, "'" + t.text() + "' conditions are not supported; use 'exists'");
        } else if (t.is(TokenKind.EOF)) {
            return new Condition(t.pos(), ConditionKind.FORALL, new Prop.True());
        } else {
            throw ts.expected("'exists', '~exists' or 'forall'");
        }
        return new Condition(t.pos(), kind, prop());
    }

    private Prop prop() throws LitmusSyntaxException {
        Prop left = conjunction();
        while (ts.accept(TokenKind.VEE)) {
            left = new Prop.Or(left, conjunction());
        }
        return left;
    }

    private Prop conjunction() throws LitmusSyntaxException {
        Prop left = implication();
        while (ts.accept(TokenKind.WEDGE)) {
            left = new Prop.And(left, implication());
        }
        return left;
    }

    /** herd7 binds {@code =>} tighter than {@code /\} and to the right. */
    private Prop implication() throws LitmusSyntaxException {
        Prop left = negation();
        if (ts.accept(TokenKind.IMPLIES)) {
            return new Prop.Implies(left, implication());
        }
        return left;
    }

    private Prop negation() throws LitmusSyntaxException {
        if (ts.at(TokenKind.TILDE) || ts.atIdent("not")) {
            ts.next();
            return new Prop.Not(negation());
        }
        return primary();
    }

    private Prop primary() throws LitmusSyntaxException {
        Token t = ts.peek();
        if (t.isIdent("true")) {
            ts.next();
            return new Prop.True();
        }
        if (t.isIdent("false")) {
            ts.next();
            return new Prop.False();
        }
        if (ts.accept(TokenKind.LPAREN)) {
            Prop p = prop();
            if (!ts.at(TokenKind.RPAREN)) {
                String hint = ts.at(TokenKind.AMP) || ts.at(TokenKind.PIPE)
                        ? " (conjunction is '/\\' and disjunction is '\\/')" : "";
                throw ts.expected("')', '/\\' or '\\/'" + hint);
            }
            ts.next();
            return p;
        }
        if (!StateSyntax.atLocation(ts)) {
            throw ts.expected("a proposition such as '0:r0=1' or 'x=2'");
        }
        return atom();
    }

    private Prop atom() throws LitmusSyntaxException {
        Token start = ts.peek();
        Location loc = StateSyntax.location(ts);
        boolean negated = ts.at(TokenKind.NE);
        if (!negated && !ts.at(TokenKind.ASSIGN) && !ts.at(TokenKind.EQ)) {
            throw ts.expected("'=' after '" + loc + "'");
        }
        ts.next();
        Prop atom;
        if (StateSyntax.atRegister(ts) || ts.at(TokenKind.LBRACKET)) {
            atom = new Prop.SameValue(start.pos(), loc, StateSyntax.location(ts));
        } else if (ts.accept(TokenKind.STAR)) {
            if (!StateSyntax.atLocation(ts)) {
                throw ts.expected("a location after '*'");
            }
            atom = new Prop.SameValue(start.pos(), loc, StateSyntax.location(ts));
        } else {
            atom = new Prop.Equals(start.pos(), loc, StateSyntax.value(ts));
        }
        return negated ? new Prop.Not(atom) : atom;
    }
}
