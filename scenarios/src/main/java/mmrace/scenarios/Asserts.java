package mmrace.scenarios;

import java.util.List;
import java.util.Set;

/** {@code assert LEFT OP RIGHT [as CHECK]} lines of a CPU block, and the comparisons they use. */
final class Asserts {
    static final List<String> OPS = List.of("==", "!=", "<", "<=", ">", ">=");

    private Asserts() {
    }

    static Ast.Assert parse(String file, List<Token> l, Set<String> bound) throws ScenarioError {
        if (l.size() < 4) {
            Token last = l.get(l.size() - 1);
            throw new ScenarioError(file, last.line(), last.column() + last.text().length(),
                    "expected 'assert LEFT OP RIGHT [as CHECK]'");
        }
        Ast.Arg left = operand(file, l.get(1), bound);
        String op = op(file, l.get(2));
        Ast.Arg right = operand(file, l.get(3), bound);
        String check = "assert";
        if (l.size() > 4) {
            if (!l.get(4).is("as") || l.size() != 6) {
                throw ScenarioError.at(file, l.get(4), "expected 'as CHECK-NAME' or the end of the line, found "
                        + l.get(4).show());
            }
            check = l.get(5).text();
        }
        return new Ast.Assert(left, op, right, check, l.get(0).line());
    }

    static String op(String file, Token t) throws ScenarioError {
        if (!OPS.contains(t.text())) {
            throw ScenarioError.at(file, t, "expected a comparison, one of " + String.join(" ", OPS) + ", found " + t.show());
        }
        return t.text();
    }

    static boolean holds(long a, String op, long b) {
        return switch (op) {
            case "==" -> a == b;
            case "!=" -> a != b;
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            default -> a >= b;
        };
    }

    private static Ast.Arg operand(String file, Token t, Set<String> bound) throws ScenarioError {
        Long n = Args.number(t);
        if (n != null) {
            return new Ast.Lit(n);
        }
        if (t.is("SIGNAL")) {
            return new Ast.Lit(mmrace.kernel.world.Task.SIGNAL);
        }
        if (t.kind() == Token.Kind.WORD && bound.contains(t.text())) {
            return new Ast.Ref(t.text());
        }
        throw ScenarioError.at(file, t, "expected a number, SIGNAL or a name bound earlier"
                + (bound.isEmpty() ? "" : " (" + String.join(", ", bound) + ")") + ", found " + t.show());
    }
}
