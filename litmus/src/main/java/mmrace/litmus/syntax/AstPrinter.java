package mmrace.litmus.syntax;

import java.util.stream.Collectors;

/**
 * Prints a {@link LitmusTest} back as a litmus file in a canonical layout. Parsing the output
 * gives the same AST, up to source positions; comments are not kept.
 */
public final class AstPrinter {

    private AstPrinter() {
    }

    /**
     * {@return the litmus text of a test}
     *
     * @param t the test
     */
    public static String print(LitmusTest t) {
        StringBuilder out = new StringBuilder();
        out.append("C ").append(t.name()).append('\n');
        t.doc().ifPresent(d -> out.append('"').append(d).append("\"\n"));
        t.info().forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        out.append("\n{\n");
        for (InitEntry e : t.init()) {
            out.append(initEntry(e)).append(";\n");
        }
        out.append("}\n");
        for (Process p : t.processes()) {
            out.append('\n').append(p.name()).append('(')
                    .append(p.parameters().stream().map(x -> x.type().declare(x.name()))
                            .collect(Collectors.joining(", ")))
                    .append(")\n{\n");
            for (Stmt s : p.body()) {
                CodePrinter.stmt(s, 1, out);
            }
            out.append("}\n");
        }
        out.append('\n');
        if (!t.locations().isEmpty()) {
            out.append("locations [").append(t.locations().stream().map(Location::toString)
                    .collect(Collectors.joining("; "))).append("]\n");
        }
        t.filter().ifPresent(f -> out.append("filter (").append(f.toHerdString()).append(")\n"));
        out.append(t.condition().toHerdString()).append('\n');
        return out.toString();
    }

    /**
     * {@return one initial-state entry in litmus syntax, without the {@code ;}}
     *
     * @param e the entry
     */
    public static String initEntry(InitEntry e) {
        String loc = e.location().toString();
        String lhs = e.type().map(ty -> ty.declare(loc)).orElse(loc);
        return e.value().map(v -> lhs + " = " + v).orElse(lhs);
    }
}
