package mmrace.litmus.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the C section: the processes {@code [void] Pn(params) { body }}, numbered from
 * {@code P0} in file order, and their statements.
 */
final class ProgramParser {

    /** Statements herd7's C lacks, with the advice given when one is met. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "for", "herd7's C has no 'for' statement: unroll the loop, or use 'while'",
            "do", "herd7's C has no 'do' statement: unroll the loop, or use 'while'",
            "switch", "herd7's C has no 'switch' statement: use 'if'",
            "goto", "herd7's C has no 'goto' statement",
            "return", "herd7's C has no 'return' statement: a process ends at its closing brace",
            "break", "herd7's C has no 'break' statement",
            "continue", "herd7's C has no 'continue' statement");

    private final TokenStream ts;
    private final ExprParser exprs;

    ProgramParser(List<Token> tokens) {
        this.ts = new TokenStream(tokens);
        this.exprs = new ExprParser(ts);
    }

    List<Process> parse() throws LitmusSyntaxException {
        List<Process> out = new ArrayList<>();
        while (!ts.at(TokenKind.EOF)) {
            out.add(process(out.size()));
        }
        if (out.isEmpty()) {
            throw ts.expected("a process such as 'P0(int *x) { ... }'");
        }
        return out;
    }

    private Process process(int expectedId) throws LitmusSyntaxException {
        if (ts.atIdent("void") && isProcName(ts.peek(1))) {
            ts.next();
        }
        Token name = ts.peek();
        if (!isProcName(name)) {
            throw ts.expected(expectedId == 0 ? "a process such as 'P0(int *x) { ... }'"
                    : "another process 'P" + expectedId + "(...)' or the final condition");
        }
        int id = Integer.parseInt(name.text().substring(1));
        if (id != expectedId) {
            throw TokenStream.error(name, "expected P" + expectedId + ", found '" + name.text()
                    + "': processes are numbered P0, P1, P2, ... in order");
        }
        ts.next();
        ts.expect(TokenKind.LPAREN, "after " + name.text());
        List<Parameter> params = parameters(name.text());
        Token open = ts.expect(TokenKind.LBRACE, "to open the body of " + name.text());
        List<Stmt> body = blockBody("the body of " + name.text(), open);
        return new Process(name.pos(), id, params, body);
    }

    private static boolean isProcName(Token t) {
        return t.is(TokenKind.IDENT) && t.text().matches("P(0|[1-9][0-9]{0,8})");
    }

    private List<Parameter> parameters(String proc) throws LitmusSyntaxException {
        List<Parameter> out = new ArrayList<>();
        if (ts.atIdent("void") && ts.peek(1).is(TokenKind.RPAREN)) {
            ts.next();
        }
        if (ts.accept(TokenKind.RPAREN)) {
            return out;
        }
        do {
            Token start = ts.peek();
            if (!TypeParser.startsType(start)) {
                if (start.is(TokenKind.IDENT) && (ts.peek(1).is(TokenKind.IDENT) || ts.peek(1).is(TokenKind.STAR))) {
                    TypeParser.parse(ts); // reports the unknown type
                }
                throw ts.expected("a parameter such as 'int *x'");
            }
            CType type = TypeParser.parse(ts);
            Token pname = ts.expectIdent("a parameter name");
            if (!type.isPointer()) {
                throw TokenStream.error(start, "parameter '" + pname.text() + "' of " + proc
                        + " must be a pointer such as '" + type.declare("*" + pname.text())
                        + "': globals are passed by reference");
            }
            out.add(new Parameter(start.pos(), type, pname.text()));
        } while (ts.accept(TokenKind.COMMA));
        ts.expect(TokenKind.RPAREN, "after the parameters of " + proc);
        return out;
    }

    /** Parses statements up to the closing brace of a block opened by {@code open}. */
    private List<Stmt> blockBody(String what, Token open) throws LitmusSyntaxException {
        List<Stmt> out = new ArrayList<>();
        while (!ts.accept(TokenKind.RBRACE)) {
            if (ts.at(TokenKind.EOF)) {
                throw ts.expected("'}' to close " + what + " (opened at line " + open.pos().line() + ")");
            }
            out.add(statement());
        }
        return out;
    }

    private Stmt statement() throws LitmusSyntaxException {
        Token t = ts.peek();
        if (t.is(TokenKind.LBRACE)) {
            ts.next();
            return new Stmt.Block(t.pos(), blockBody("the block", t));
        }
        if (t.is(TokenKind.IDENT)) {
            if (UNSUPPORTED.containsKey(t.text())) {
                throw TokenStream.error(t, UNSUPPORTED.get(t.text()));
            }
            switch (t.text()) {
                case "if" -> {
                    return ifStatement();
                }
                case "while" -> {
                    ts.next();
                    Expr cond = condition("while");
                    return new Stmt.While(t.pos(), cond, statement());
                }
                case "else" -> throw TokenStream.error(t, "'else' without a matching 'if'");
                default -> {
                    if (TypeParser.startsType(t) || ts.peek(1).is(TokenKind.IDENT)) {
                        return declaration();
                    }
                }
            }
        }
        if (t.is(TokenKind.SEMI)) {
            throw TokenStream.error(t, "empty statement ';' (herd7's C does not accept it)");
        }
        return expressionStatement();
    }

    private Stmt ifStatement() throws LitmusSyntaxException {
        Token t = ts.next();
        Expr cond = condition("if");
        Stmt then = statement();
        Optional<Stmt> otherwise = Optional.empty();
        if (ts.atIdent("else")) {
            ts.next();
            otherwise = Optional.of(statement());
        }
        return new Stmt.If(t.pos(), cond, then, otherwise);
    }

    private Expr condition(String keyword) throws LitmusSyntaxException {
        ts.expect(TokenKind.LPAREN, "after '" + keyword + "'");
        Expr cond = exprs.parseValue();
        ts.expect(TokenKind.RPAREN, "to close the condition of '" + keyword + "'");
        return cond;
    }

    private Stmt declaration() throws LitmusSyntaxException {
        Token start = ts.peek();
        CType type = TypeParser.parse(ts);
        Token name = ts.expectIdent("a variable name after the type '" + type + "'");
        if (type.equals(CType.VOID)) {
            throw TokenStream.error(start, "variable '" + name.text() + "' cannot have type void");
        }
        Optional<Expr> init = Optional.empty();
        if (ts.accept(TokenKind.ASSIGN)) {
            init = Optional.of(exprs.parseValue());
        }
        if (ts.at(TokenKind.COMMA)) {
            throw TokenStream.error(ts.peek(), "declare one variable per declaration, e.g. 'int r0; int r1;'");
        }
        ts.expect(TokenKind.SEMI, "after the declaration of '" + name.text() + "'");
        return new Stmt.Declare(start.pos(), type, name.text(), init);
    }

    private Stmt expressionStatement() throws LitmusSyntaxException {
        Token start = ts.peek();
        Expr e = exprs.parse();
        if (ts.accept(TokenKind.ASSIGN)) {
            if (!(e instanceof Expr.Name || e instanceof Expr.Deref || e instanceof Expr.Index)) {
                throw new LitmusSyntaxException(e.pos(), "cannot assign to this expression: "
                        + "the left of '=' must be a variable, '*pointer' or 'array[index]'");
            }
            ExprParser.requireValues(e, false);
            Expr value = exprs.parseValue();
            ts.expect(TokenKind.SEMI, "after the assignment");
            return new Stmt.Assign(start.pos(), e, value);
        }
        boolean isVoidCast = e instanceof Expr.Cast c && c.type().equals(CType.VOID);
        if (!(e instanceof Expr.Call) && !isVoidCast) {
            if (ts.at(TokenKind.SEMI)) {
                String hint = e instanceof Expr.Binary b && b.op() == BinaryOp.EQ ? " (did you mean '='?)" : "";
                throw new LitmusSyntaxException(e.pos(), "this expression statement has no effect" + hint
                        + "; expected an assignment, a primitive call or '(void)expr'");
            }
            throw ts.expected("'=' or ';'");
        }
        ExprParser.requireValues(e, true);
        ts.expect(TokenKind.SEMI, "after the statement");
        return new Stmt.Eval(start.pos(), e);
    }
}
