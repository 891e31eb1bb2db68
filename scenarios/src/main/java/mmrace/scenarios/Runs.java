package mmrace.scenarios;

import java.util.List;
import mmrace.engine.exec.RcuFlavour;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.variant.Variant;
import mmrace.kernel.variant.Variants;

/**
 * {@code run ARCH VARIANTS expect VERDICT [check NAME] [executions N] [rcu FLAVOUR]}: one row
 * of a scenario's run matrix. ARCH is an {@link Arch} name; VARIANTS is {@code default} or what
 * {@link Variants#parse} reads ({@code 4.19}, {@code MremapFlush=4.19,ZapFlush=...}).
 */
final class Runs {
    private Runs() {
    }

    static Ast.RunDecl parse(String file, List<Token> l) throws ScenarioError {
        Token arch = at(file, l, 1, "an arch");
        if (Arch.all().stream().noneMatch(a -> a.name().equals(arch.text()))) {
            throw ScenarioError.at(file, arch, "unknown arch " + arch.show() + "; valid names: "
                    + String.join(", ", Arch.all().stream().map(Arch::name).toList()));
        }
        Token vars = at(file, l, 2, "variants (default, or Axis=id,...)");
        if (!vars.is("default")) {
            try {
                Variants.parse(vars.text());
            } catch (IllegalArgumentException e) {
                throw ScenarioError.at(file, vars, e.getMessage() + "; valid variants: " + validVariants());
            }
        }
        Token kw = at(file, l, 3, "'expect'");
        if (!kw.is("expect")) {
            throw ScenarioError.at(file, kw, "expected 'expect', found " + kw.show());
        }
        Token v = at(file, l, 4, "a verdict (BUG, VERIFIED, NO-BUG-FOUND)");
        String verdict = verdict(file, v).name();
        String check = null;
        long executions = 0;
        String rcu = null;
        for (int i = 5; i < l.size(); i += 2) {
            Token k = l.get(i);
            Token val = at(file, l, i + 1, "a value after " + k.show());
            switch (k.text()) {
                case "check" -> check = val.text();
                case "executions" -> {
                    Long n = Args.number(val);
                    if (n == null) {
                        throw ScenarioError.at(file, val, "expected a number of executions, found " + val.show());
                    }
                    executions = n;
                }
                case "rcu" -> rcu = rcu(file, val);
                default -> throw ScenarioError.at(file, k, "expected check, executions or rcu, found " + k.show());
            }
        }
        return new Ast.RunDecl(arch.text(), vars.text(), rcu, verdict, check, executions, l.get(0).line());
    }

    static Verdict verdict(String file, Token v) throws ScenarioError {
        for (Verdict x : Verdict.values()) {
            if (x != Verdict.ERROR && (x.name().equals(v.text()) || x.text().replace(' ', '-').equals(v.text()))) {
                return x;
            }
        }
        throw ScenarioError.at(file, v, "unknown verdict " + v.show() + "; valid names: BUG, VERIFIED, NO-BUG-FOUND");
    }

    /** An RCU flavour: {@code pre-4.20} or {@code consolidated}. */
    static String rcu(String file, Token t) throws ScenarioError {
        for (RcuFlavour f : RcuFlavour.values()) {
            if (name(f).equals(t.text())) {
                return t.text();
            }
        }
        throw ScenarioError.at(file, t, "unknown RCU flavour " + t.show() + "; valid names: pre-4.20, consolidated");
    }

    static String name(RcuFlavour f) {
        return f.name().toLowerCase().replace("pre_4_20", "pre-4.20");
    }

    static RcuFlavour flavour(String name) {
        for (RcuFlavour f : RcuFlavour.values()) {
            if (name(f).equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static String validVariants() {
        StringBuilder sb = new StringBuilder("default");
        for (Class<? extends Variant> axis : Variants.axes()) {
            for (Variant c : Variants.constants(axis)) {
                sb.append(", ").append(Variants.axisName(axis)).append('=').append(c.id());
            }
        }
        return sb.toString();
    }

    private static Token at(String file, List<Token> l, int i, String what) throws ScenarioError {
        if (i >= l.size()) {
            Token last = l.get(l.size() - 1);
            throw new ScenarioError(file, last.line(), last.column() + last.text().length(), "expected " + what);
        }
        return l.get(i);
    }
}
