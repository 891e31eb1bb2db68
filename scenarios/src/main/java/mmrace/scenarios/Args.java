package mmrace.scenarios;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses one line's chain of calls against the verbs of a class: a verb, then its arguments by
 * the parameter types of the method it names, then, if the method returns a value with verbs
 * of its own ({@code present 0x1000 7 young inTlbOf 1}), more verbs on that value.
 */
final class Args {
    private final String file;
    private final List<Token> toks;
    private int i;

    Args(String file, List<Token> toks, int from) {
        this.file = file;
        this.toks = toks;
        this.i = from;
    }

    boolean atEnd() {
        return i >= toks.size();
    }

    Token peek() {
        return toks.get(i);
    }

    int position() {
        return i;
    }

    /** Parses verbs and arguments to the end of the line, starting with {@code verbs}. */
    List<Ast.Step> chain(Verbs verbs, Set<String> bound) throws ScenarioError {
        List<Ast.Step> steps = new ArrayList<>();
        Verbs on = verbs;
        do {
            Token t = toks.get(i);
            if (on == null) {
                throw ScenarioError.at(file, t, "expected the end of the line, found " + t.show());
            }
            Method m = t.kind() == Token.Kind.WORD ? on.find(t.text()) : null;
            if (m == null) {
                throw ScenarioError.at(file, t, "unknown " + describe(on) + " " + t.show() + "; valid names: "
                        + on.valid());
            }
            i++;
            steps.add(new Ast.Step(m, args(m, bound, t)));
            on = Registry.verbsFor(m.getReturnType());
        } while (!atEnd());
        return steps;
    }

    /** The arguments of {@code m} (skipping a leading {@code WorldState} of a probe). */
    List<Ast.Arg> args(Method m, Set<String> bound, Token verb) throws ScenarioError {
        List<Ast.Arg> out = new ArrayList<>();
        Class<?>[] ps = m.getParameterTypes();
        int first = ps.length > 0 && ps[0] == mmrace.kernel.world.WorldState.class ? 1 : 0;
        for (int p = first; p < ps.length; p++) {
            if (ps[p] == int[].class) {
                List<Integer> xs = new ArrayList<>();
                while (!atEnd() && number(peek()) != null) {
                    xs.add(number(toks.get(i++)).intValue());
                }
                out.add(new Ast.Lit(xs.stream().mapToInt(Integer::intValue).toArray()));
                continue;
            }
            if (atEnd()) {
                Token last = toks.get(toks.size() - 1);
                throw new ScenarioError(file, last.line(), last.column() + last.text().length(), "expected "
                        + kind(ps[p]) + " (argument " + (p - first + 1) + " of " + verb.text() + ", which takes "
                        + signature(m, first) + ")");
            }
            out.add(arg(ps[p], toks.get(i++), bound, verb, m, first));
        }
        return out;
    }

    private Ast.Arg arg(Class<?> type, Token t, Set<String> bound, Token verb, Method m, int first)
            throws ScenarioError {
        if (type == long.class || type == int.class) {
            Long n = number(t);
            if (n != null) {
                return new Ast.Lit(type == int.class ? (Object) n.intValue() : (Object) n);
            }
        } else if (type == String.class) {
            return new Ast.Lit(t.text());
        } else if (type == boolean.class && (t.is("true") || t.is("false"))) {
            return new Ast.Lit(t.is("true"));
        }
        if (t.kind() == Token.Kind.WORD && bound.contains(t.text())) {
            return new Ast.Ref(t.text());
        }
        throw ScenarioError.at(file, t, "expected " + kind(type) + " for " + verb.text() + " (" + signature(m, first)
                + "), found " + t.show() + (bound.isEmpty() ? "" : "; names bound so far: " + String.join(", ", bound)));
    }

    /** A number: decimal, 0x hex, a constant, or several or-ed with '|'; null if {@code t} is not one. */
    static Long number(Token t) {
        if (t.kind() != Token.Kind.WORD) {
            return null;
        }
        long v = 0;
        for (String part : t.text().split("\\|", -1)) {
            Long c = Registry.CONSTANTS.get(part);
            if (c == null) {
                try {
                    c = part.startsWith("0x") ? Long.parseLong(part.substring(2), 16) : Long.parseLong(part);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            v |= c;
        }
        return v;
    }

    private static String kind(Class<?> type) {
        if (type == long.class || type == int.class) {
            return "a number or a constant (" + String.join(", ", Registry.CONSTANTS.keySet()) + ")";
        }
        if (type == String.class) {
            return "a name";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        return "a name bound earlier to a " + type.getSimpleName();
    }

    static String signature(Method m, int first) {
        List<String> ps = new ArrayList<>();
        Class<?>[] types = m.getParameterTypes();
        for (int p = first; p < types.length; p++) {
            ps.add(types[p] == int[].class ? "int..." : types[p].getSimpleName());
        }
        return m.getName() + "(" + String.join(", ", ps) + ")";
    }

    private static String describe(Verbs v) {
        if (v == Registry.ENTRY_POINTS) {
            return "entry point";
        }
        if (v == Registry.PROBES) {
            return "probe";
        }
        return v == Registry.CONFIG ? "config setting" : v.type().getSimpleName() + " verb";
    }
}
