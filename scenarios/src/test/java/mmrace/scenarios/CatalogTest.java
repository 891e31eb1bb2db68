package mmrace.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.trace.Diagram;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

/**
 * Runs every run of the whole catalog ({@code races/} at the repository root, without
 * {@code pending/}) and fails on any verdict, check or execution count other than expected.
 * It pins how many scenarios and runs there are, so the catalog cannot silently shrink, and
 * compares the diagram of each BUG with its golden file in {@code src/test/resources/golden/}
 * (regenerate with {@code -Dmmrace.golden.update=true} and review the diff).
 */
class CatalogTest {
    static final Path ROOT = Path.of("..");
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("mmrace.golden.update");
    static final int SCENARIOS = 22;
    static final int RUNS = 82;

    @Test
    void everyRunOfTheCatalogReachesItsExpectedVerdict() throws Exception {
        List<Ast.Scenario> scenarios = Catalog.all(ROOT);
        List<ScenarioRun> runs = Catalog.runs(scenarios);
        List<String> wrong = new ArrayList<>();
        int goldens = 0;
        for (ScenarioRun run : runs) {
            MmWorld w = run.world();
            ExploreResult r = Explorer.explore(w, w.options().withExec(run.config(w.options().exec())));
            Outcome o = new Outcome(run, r);
            System.out.printf("| %s | %s | %s | %s | %s | %d | %d ms |%n", run.scenario().path(), run.decl().arch(),
                    run.decl().variants(), run.expected().text(), r.verdict().text()
                            + (o.foundCheck() == null ? "" : " (" + o.foundCheck() + ")"), r.executions(),
                    r.time().toMillis());
            if (!o.matches()) {
                wrong.add(run.replayKey() + ": " + o.mismatch());
            }
            if (r.counterexample() != null) {
                goldens++;
                String diff = golden(run, Diagram.render(r.counterexample().execution()));
                if (diff != null) {
                    wrong.add(diff);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(SCENARIOS, scenarios.size(), "scenarios discovered");
        assertEquals(RUNS, runs.size(), "runs discovered");
        assertTrue(goldens > 0, "no BUG diagrams compared");
    }

    /** Null if the diagram equals its golden file (or was just written), else what differs. */
    static String golden(ScenarioRun run, String diagram) throws Exception {
        Path f = GOLDEN.resolve(fileName(run));
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(f, diagram);
            return null;
        }
        if (!Files.exists(f)) {
            return run.replayKey() + ": no golden file " + f + " (run with -Dmmrace.golden.update=true)";
        }
        String want = Files.readString(f);
        return want.equals(diagram) ? null : run.replayKey() + ": diagram differs from " + f
                + " (review, then regenerate with -Dmmrace.golden.update=true)\n" + diagram;
    }

    static String fileName(ScenarioRun run) {
        return (run.scenario().name() + "__" + run.label()).replaceAll("[^A-Za-z0-9.=_+-]", "_") + ".txt";
    }
}
