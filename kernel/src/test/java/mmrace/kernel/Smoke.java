package mmrace.kernel;

import mmrace.engine.exec.Finding;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.exec.Event;

/** Helpers for the kernel tests: printing what went wrong. */
public final class Smoke {
    private Smoke() {
    }

    public static String trace(mmrace.engine.exec.Execution x) {
        StringBuilder sb = new StringBuilder();
        sb.append(x.status()).append(" final: ").append(x.finalState()).append('\n');
        for (Event e : x.events()) {
            sb.append("  ").append(e.proc()).append(" ")
                    .append(e.frame() == null ? "" : String.join("/", e.frame().path())).append(": ")
                    .append(e.text()).append('\n');
        }
        for (Finding f : x.findings()) {
            sb.append("  ").append(f.headline()).append(" at ").append(String.join("/", f.stack())).append('\n');
        }
        return sb.toString();
    }

    public static String describe(ExploreResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.verdict()).append(" after ").append(r.executions()).append(" executions, ")
                .append(r.abandoned()).append(" abandoned, ").append(r.time().toMillis()).append(" ms\n");
        if (r.counterexample() != null) {
            for (Event e : r.counterexample().execution().events()) {
                sb.append("  ").append(e.proc()).append(" ")
                        .append(e.frame() == null ? "" : String.join("/", e.frame().path())).append(": ")
                        .append(e.text()).append('\n');
            }
            for (Finding f : r.counterexample().findings()) {
                sb.append("  ").append(f.headline()).append(" at ").append(String.join("/", f.stack())).append('\n');
            }
        }
        for (var c : r.otherFindings()) {
            sb.append("  other: ").append(c.mainFinding().headline()).append('\n');
        }
        return sb.toString();
    }
}
