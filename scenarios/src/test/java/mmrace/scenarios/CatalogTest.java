package mmrace.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mmrace.engine.explore.Explorer;
import org.junit.jupiter.api.Test;

/**
 * Runs every run of the whole catalog ({@code races/} at the repository root, without
 * {@code pending/}) and fails on any verdict, check or execution count other than expected.
 * It also pins how many scenarios and runs there are, so the catalog cannot silently shrink.
 */
class CatalogTest {
    static final Path ROOT = Path.of("..");
    static final int SCENARIOS = 6;
    static final int RUNS = 17;

    @Test
    void everyRunOfTheCatalogReachesItsExpectedVerdict() throws Exception {
        List<ScenarioRun> runs = Catalog.runs(Catalog.all(ROOT));
        List<String> wrong = new ArrayList<>();
        for (ScenarioRun run : runs) {
            Outcome o = new Outcome(run, Explorer.explore(run.world(), run.world().options().withExec(
                    run.config(run.world().options().exec()))));
            System.out.printf("%-45s %-40s %-10s %-10s %8d %6d ms%n", run.scenario().path(), run.label(),
                    run.expected().text(), o.result().verdict().text(), o.result().executions(),
                    o.result().time().toMillis());
            if (!o.matches()) {
                wrong.add(run.replayKey() + ": " + o.mismatch());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(SCENARIOS, Catalog.all(ROOT).size(), "scenarios discovered");
        assertEquals(RUNS, runs.size(), "runs discovered");
    }
}
