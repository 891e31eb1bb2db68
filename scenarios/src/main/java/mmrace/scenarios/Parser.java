package mmrace.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import mmrace.kernel.Geometry;

/**
 * Reads a scenario file into an {@link Ast.Scenario}, checking every name against the
 * {@link Registry} as it goes, so a mistake is reported with its position before anything runs.
 * The grammar, one statement a line, is in docs/SCENARIOS.md.
 */
public final class Parser {
    private final String file;
    private final List<List<Token>> lines;
    private int at;

    private Parser(String file, List<List<Token>> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Parses {@code text}; {@code file} is the path used in errors, replay keys and tables. */
    public static Ast.Scenario parse(String file, String text) throws ScenarioError {
        return new Parser(file, Lexer.lines(file, text)).scenario();
    }

    private Ast.Scenario scenario() throws ScenarioError {
        String name = null;
        String summary = null;
        String rcu = null;
        List<String> refs = new ArrayList<>();
        List<List<Ast.Step>> config = new ArrayList<>();
        List<Ast.FileDecl> files = new ArrayList<>();
        List<Ast.ProcessDecl> procs = new ArrayList<>();
        List<Ast.CpuDecl> cpus = new ArrayList<>();
        List<Ast.EndCheck> checks = new ArrayList<>();
        List<Ast.RunDecl> runs = new ArrayList<>();
        Set<String> fileNames = new LinkedHashSet<>();
        Set<String> procNames = new LinkedHashSet<>();
        while (at < lines.size()) {
            List<Token> l = lines.get(at++);
            Token head = l.get(0);
            switch (head.kind() == Token.Kind.WORD ? head.text() : "") {
                case "scenario" -> name = word(l, 1, "a scenario name");
                case "summary" -> summary = text(l, 1, "a one-line summary in quotes");
                case "ref" -> refs.add(rest(l, 1));
                case "rcu" -> rcu = rcu(l, 1);
                case "geometry" -> config.add(List.of(new Ast.Step(Registry.WITH_GEOMETRY,
                        List.of(new Ast.Lit(new Geometry(intAt(l, 1), intAt(l, 2)))))));
                case "config" -> config.add(configLine(l));
                case "file", "shmem" -> {
                    String f = word(l, 1, "a file name");
                    int pages = intAt(l, 2);
                    files.add(new Ast.FileDecl(f, pages, head.is("shmem"), block(l, 3, Registry.FILE)));
                    fileNames.add(f);
                }
                case "process" -> {
                    String p = word(l, 1, "a process name");
                    procs.add(new Ast.ProcessDecl(p, block(l, 2, Registry.PROCESS)));
                    procNames.add(p);
                }
                case "cpu" -> cpus.add(cpu(l, Ast.CpuKind.TASK, known(l, 1, procNames, "process"), 2));
                case "kthread" -> cpus.add(l.size() > 1 && l.get(1).is("lazy")
                        ? cpu(l, Ast.CpuKind.KTHREAD_LAZY, known(l, 2, procNames, "process"), 3)
                        : cpu(l, Ast.CpuKind.KTHREAD, null, 1));
                case "check" -> checks.add(check(l));
                case "run" -> runs.add(Runs.parse(file, l));
                default -> throw ScenarioError.at(file, head, "unknown statement " + head.show()
                        + "; valid statements: scenario, summary, ref, geometry, config, rcu, file, shmem, process, "
                        + "cpu, kthread, check, run");
            }
        }
        if (name == null) {
            throw new ScenarioError(file, 1, 1, "expected a 'scenario NAME' line");
        }
        if (runs.isEmpty()) {
            throw new ScenarioError(file, lines.isEmpty() ? 1 : lines.get(lines.size() - 1).get(0).line(), 1,
                    "expected at least one 'run ARCH VARIANTS expect VERDICT' line");
        }
        if (cpus.isEmpty()) {
            throw new ScenarioError(file, 1, 1, "expected at least one 'cpu', or 'kthread' block");
        }
        return new Ast.Scenario(file, name, summary == null ? "" : summary, refs, config, rcu, files, procs, cpus,
                checks, runs);
    }

    private List<Ast.Step> configLine(List<Token> l) throws ScenarioError {
        Token t = tok(l, 1, "a config setting");
        String verb = "with" + Character.toUpperCase(t.text().charAt(0)) + t.text().substring(1);
        var m = Registry.CONFIG.find(verb);
        if (m == null) {
            throw ScenarioError.at(file, t, "unknown config setting " + t.show() + "; valid names: "
                    + Registry.CONFIG.valid().replace("with", "").replaceAll("\\b([A-Z])", "$1"));
        }
        Args a = new Args(file, l, 2);
        List<Ast.Step> steps = List.of(new Ast.Step(m, a.args(m, Set.of(), t)));
        endOfLine(l, a.position());
        return steps;
    }

    /** The lines of a block opened by '{' at {@code l[from]}, each a chain of {@code verbs}; or none. */
    private List<List<Ast.Step>> block(List<Token> l, int from, Verbs verbs) throws ScenarioError {
        List<List<Ast.Step>> out = new ArrayList<>();
        if (from >= l.size()) {
            return out;
        }
        open(l, from);
        while (true) {
            List<Token> b = inner();
            if (b == null) {
                return out;
            }
            out.add(new Args(file, b, 0).chain(verbs, Set.of()));
        }
    }

    private Ast.CpuDecl cpu(List<Token> l, Ast.CpuKind kind, String process, int brace) throws ScenarioError {
        open(l, brace);
        Set<String> bound = new LinkedHashSet<>();
        List<Ast.Stmt> body = new ArrayList<>();
        while (true) {
            List<Token> b = inner();
            if (b == null) {
                return new Ast.CpuDecl(kind, process, body);
            }
            if (b.get(0).is("assert")) {
                body.add(Asserts.parse(file, b, bound));
            } else if (b.size() > 1 && b.get(1).is("=")) {
                String name = word(b, 0, "a name");
                if (b.size() < 3) {
                    throw new ScenarioError(file, b.get(1).line(), b.get(1).column() + 1, "expected an entry point after '='");
                }
                body.add(new Ast.Call(name, new Args(file, b, 2).chain(Registry.ENTRY_POINTS, bound), b.get(0).line()));
                bound.add(name);
            } else {
                body.add(new Ast.Call(null, new Args(file, b, 0).chain(Registry.ENTRY_POINTS, bound), b.get(0).line()));
            }
        }
    }

    private Ast.EndCheck check(List<Token> l) throws ScenarioError {
        String name = word(l, 1, "a check name");
        Token probe = tok(l, 2, "a probe");
        var m = Registry.PROBES.find(probe.text());
        if (m == null) {
            throw ScenarioError.at(file, probe, "unknown probe " + probe.show() + "; valid names: " + Registry.PROBES.valid());
        }
        Args a = new Args(file, l, 3);
        List<Ast.Arg> args = a.args(m, Set.of(), probe);
        int p = a.position();
        String op = Asserts.op(file, tok(l, p, "a comparison (==, !=, <, <=, >, >=)"));
        Token v = tok(l, p + 1, "a number");
        Long n = Args.number(v);
        if (n == null) {
            throw ScenarioError.at(file, v, "expected a number, found " + v.show());
        }
        endOfLine(l, p + 2);
        return new Ast.EndCheck(name, m, args, op, n);
    }

    /** The next line of a block, or null after its closing brace. */
    private List<Token> inner() throws ScenarioError {
        if (at >= lines.size()) {
            List<Token> last = lines.get(lines.size() - 1);
            throw ScenarioError.at(file, last.get(last.size() - 1), "expected '}' to close the block");
        }
        List<Token> b = lines.get(at++);
        if (b.get(0).kind() == Token.Kind.CLOSE) {
            endOfLine(b, 1);
            return null;
        }
        return b;
    }

    private void open(List<Token> l, int i) throws ScenarioError {
        Token t = tok(l, i, "'{'");
        if (t.kind() != Token.Kind.OPEN) {
            throw ScenarioError.at(file, t, "expected '{', found " + t.show());
        }
        endOfLine(l, i + 1);
    }

    private String known(List<Token> l, int i, Set<String> names, String what) throws ScenarioError {
        Token t = tok(l, i, "a " + what + " name");
        if (!names.contains(t.text())) {
            throw ScenarioError.at(file, t, "unknown " + what + " " + t.show() + "; valid names: "
                    + (names.isEmpty() ? "(none declared above)" : String.join(", ", names)));
        }
        return t.text();
    }

    private String rcu(List<Token> l, int i) throws ScenarioError {
        Token t = tok(l, i, "an RCU flavour");
        return Runs.rcu(file, t);
    }

    private void endOfLine(List<Token> l, int i) throws ScenarioError {
        if (i < l.size()) {
            throw ScenarioError.at(file, l.get(i), "expected the end of the line, found " + l.get(i).show());
        }
    }

    private Token tok(List<Token> l, int i, String what) throws ScenarioError {
        if (i >= l.size()) {
            Token last = l.get(l.size() - 1);
            throw new ScenarioError(file, last.line(), last.column() + last.text().length() + (last.kind() == Token.Kind.STRING ? 2 : 0),
                    "expected " + what);
        }
        return l.get(i);
    }

    private String word(List<Token> l, int i, String what) throws ScenarioError {
        Token t = tok(l, i, what);
        if (t.kind() != Token.Kind.WORD) {
            throw ScenarioError.at(file, t, "expected " + what + ", found " + t.show());
        }
        return t.text();
    }

    private String text(List<Token> l, int i, String what) throws ScenarioError {
        Token t = tok(l, i, what);
        endOfLine(l, i + 1);
        return t.text();
    }

    private String rest(List<Token> l, int i) throws ScenarioError {
        tok(l, i, "a reference (a commit or a thread)");
        StringBuilder sb = new StringBuilder();
        for (int j = i; j < l.size(); j++) {
            sb.append(j > i ? " " : "").append(l.get(j).text());
        }
        return sb.toString();
    }

    private int intAt(List<Token> l, int i) throws ScenarioError {
        Token t = tok(l, i, "a number");
        Long n = Args.number(t);
        if (n == null) {
            throw ScenarioError.at(file, t, "expected a number, found " + t.show());
        }
        return n.intValue();
    }
}
