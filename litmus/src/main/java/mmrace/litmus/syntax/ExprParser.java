package mmrace.litmus.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the expressions of process bodies by precedence climbing, with C's precedence and
 * associativity. Calls are resolved against {@link Primitives} here, so an unknown name or a
 * wrong number of arguments is reported at the call.
 */
final class ExprParser {
    private final TokenStream ts;

    ExprParser(TokenStream ts) {
        this.ts = ts;
    }

    /**
     * Parses an expression whose value is used: no call of a primitive without a value
     * ({@code smp_mb()}) may appear in it.
     */
    Expr parseValue() throws LitmusSyntaxException {
        Expr e = parse();
        requireValues(e, false);
        return e;
    }

    /** Parses an expression; the caller checks where values are needed. */
    Expr parse() throws LitmusSyntaxException {
        return binary(1);
    }

    /**
     * Fails if a primitive without a value is used where a value is needed.
     *
     * @param voidAllowed whether {@code e} itself may be valueless (a statement's expression,
     *                    or the operand of a cast to void)
     */
    static void requireValues(Expr e, boolean voidAllowed) throws LitmusSyntaxException {
        switch (e) {
            case Expr.Call c -> {
                if (!voidAllowed && !c.primitive().returnsValue()) {
                    throw new LitmusSyntaxException(c.pos(), c.name() + "() returns no value; it can only be used as a statement");
                }
                for (Expr a : c.args()) {
                    requireValues(a, false);
                }
            }
            case Expr.Cast c -> requireValues(c.operand(), c.type().equals(CType.VOID));
            case Expr.Binary b -> {
                requireValues(b.left(), false);
                requireValues(b.right(), false);
            }
            case Expr.Unary u -> requireValues(u.operand(), false);
            case Expr.Deref d -> requireValues(d.pointer(), false);
            case Expr.AddressOf a -> requireValues(a.operand(), false);
            case Expr.Index x -> {
                requireValues(x.base(), false);
                requireValues(x.index(), false);
            }
            case Expr.IntLiteral l -> { }
            case Expr.Name n -> { }
        }
    }

    private Expr binary(int minPrecedence) throws LitmusSyntaxException {
        Expr left = unary();
        while (true) {
            BinaryOp op = binaryOp(ts.peek());
            if (op == null || op.precedence() < minPrecedence) {
                return left;
            }
            ts.next();
            Expr right = binary(op.precedence() + 1);
            left = new Expr.Binary(left.pos(), op, left, right);
        }
    }

    private static BinaryOp binaryOp(Token t) {
        return switch (t.kind()) {
            case OROR -> BinaryOp.LOR;
            case ANDAND -> BinaryOp.LAND;
            case PIPE -> BinaryOp.OR;
            case CARET -> BinaryOp.XOR;
            case AMP -> BinaryOp.AND;
            case EQ -> BinaryOp.EQ;
            case NE -> BinaryOp.NE;
            case LT -> BinaryOp.LT;
            case LE -> BinaryOp.LE;
            case GT -> BinaryOp.GT;
            case GE -> BinaryOp.GE;
            case SHL -> BinaryOp.SHL;
            case SHR -> BinaryOp.SHR;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            case STAR -> BinaryOp.MUL;
            case SLASH -> BinaryOp.DIV;
            case PERCENT -> BinaryOp.MOD;
            default -> null;
        };
    }

    private Expr unary() throws LitmusSyntaxException {
        Token t = ts.peek();
        switch (t.kind()) {
            case STAR -> {
                ts.next();
                return new Expr.Deref(t.pos(), unary());
            }
            case AMP -> {
                ts.next();
                return new Expr.AddressOf(t.pos(), unary());
            }
            case MINUS -> {
                ts.next();
                Expr operand = unary();
                if (operand instanceof Expr.IntLiteral lit) {
                    return new Expr.IntLiteral(t.pos(), -lit.value());
                }
                return new Expr.Unary(t.pos(), UnaryOp.NEG, operand);
            }
            case BANG -> {
                ts.next();
                return new Expr.Unary(t.pos(), UnaryOp.NOT, unary());
            }
            case TILDE -> {
                ts.next();
                return new Expr.Unary(t.pos(), UnaryOp.BIT_NOT, unary());
            }
            case LPAREN -> {
                if (TypeParser.startsType(ts.peek(1))) {
                    ts.next();
                    CType type = TypeParser.parse(ts);
                    ts.expect(TokenKind.RPAREN, "to close the cast");
                    return new Expr.Cast(t.pos(), type, unary());
                }
                return postfix(primary());
            }
            default -> {
                return postfix(primary());
            }
        }
    }

    private Expr postfix(Expr e) throws LitmusSyntaxException {
        while (ts.at(TokenKind.LBRACKET)) {
            ts.next();
            Expr index = parse();
            ts.expect(TokenKind.RBRACKET, "to close the index");
            e = new Expr.Index(e.pos(), e, index);
        }
        return e;
    }

    private Expr primary() throws LitmusSyntaxException {
        Token t = ts.peek();
        switch (t.kind()) {
            case NUMBER -> {
                ts.next();
                return new Expr.IntLiteral(t.pos(), t.number());
            }
            case LPAREN -> {
                ts.next();
                Expr e = parse();
                ts.expect(TokenKind.RPAREN, "to close the parenthesis");
                return e;
            }
            case IDENT -> {
                ts.next();
                if (ts.at(TokenKind.LPAREN)) {
                    return call(t);
                }
                if (TypeParser.startsType(t)) {
                    throw TokenStream.error(t, "unexpected type '" + t.text() + "' in an expression");
                }
                return new Expr.Name(t.pos(), t.text());
            }
            default -> throw ts.expected("an expression");
        }
    }

    private Expr call(Token name) throws LitmusSyntaxException {
        Primitive p = Primitives.lookup(name.text()).orElseThrow(() ->
                TokenStream.error(name, unknownPrimitive(name.text())));
        ts.expect(TokenKind.LPAREN, "");
        List<Expr> args = new ArrayList<>();
        if (!ts.at(TokenKind.RPAREN)) {
            do {
                args.add(parse());
            } while (ts.accept(TokenKind.COMMA));
        }
        ts.expect(TokenKind.RPAREN, "to close the arguments of " + p.name() + "()");
        if (args.size() != p.arity()) {
            throw TokenStream.error(name, p.name() + "() takes " + plural(p.arity(), "argument")
                    + " (" + p.signature() + "), but " + args.size() + (args.size() == 1 ? " was" : " were")
                    + " given");
        }
        return new Expr.Call(name.pos(), p, args);
    }

    static String unknownPrimitive(String name) {
        String msg = "unknown primitive '" + name + "' (not in linux-kernel.def)";
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Primitive p : Primitives.all()) {
            int d = editDistance(name, p.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = p.name();
            }
        }
        if (best != null && bestDistance <= Math.max(2, name.length() / 4)) {
            msg += "; did you mean '" + best + "'?";
        }
        return msg;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }
}
