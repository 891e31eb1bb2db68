package mmrace.litmus.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process {@code Pn(params) { body }}: one simulated CPU's code.
 *
 * @param pos        position of the {@code Pn} name
 * @param id         the process number n ({@code 0} for {@code P0}); processes are numbered
 *                   0, 1, 2, ... in file order
 * @param parameters the parameters: pointers to the globals the process uses
 * @param body       the statements of the body, in order
 */
public record Process(SourcePos pos, int id, List<Parameter> parameters, List<Stmt> body) {

    /** Copies the lists. */
    public Process {
        parameters = List.copyOf(parameters);
        body = List.copyOf(body);
    }

    /** {@return the name {@code Pn}} */
    public String name() {
        return "P" + id;
    }

    /**
     * {@return the parameter with this name}
     *
     * @param name a parameter (= global) name
     */
    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * {@return every local declaration of the body, nested blocks included, in program order}
     * These are the process's registers, the {@code r} of {@code n:r} in the condition.
     */
    public List<Stmt.Declare> locals() {
        List<Stmt.Declare> out = new ArrayList<>();
        collectLocals(body, out);
        return List.copyOf(out);
    }

    /**
     * {@return the declaration of a local}
     *
     * @param name the local's name
     */
    public Optional<Stmt.Declare> local(String name) {
        return locals().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * {@return whether {@code name} is a register of this process: a local or a parameter}
     *
     * @param name the register name
     */
    public boolean hasRegister(String name) {
        return parameter(name).isPresent() || local(name).isPresent();
    }

    private static void collectLocals(List<Stmt> stmts, List<Stmt.Declare> out) {
        for (Stmt s : stmts) {
            collectLocals(s, out);
        }
    }

    private static void collectLocals(Stmt s, List<Stmt.Declare> out) {
        switch (s) {
            case Stmt.Declare d -> out.add(d);
            case Stmt.Block b -> collectLocals(b.statements(), out);
            case Stmt.If i -> {
                collectLocals(i.then(), out);
                i.otherwise().ifPresent(o -> collectLocals(o, out));
            }
            case Stmt.While w -> collectLocals(w.body(), out);
            case Stmt.Assign a -> { }
            case Stmt.Eval e -> { }
        }
    }
}
