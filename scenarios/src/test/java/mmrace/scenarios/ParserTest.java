package mmrace.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import mmrace.engine.exec.Execution;
import org.junit.jupiter.api.Test;

/** The language: what a file parses to, discovery of verbs, and a scenario run end to end. */
class ParserTest {
    static final String SMALL = """
            scenario small
            summary "two writes"
            ref nothing
            config swapSlots 8
            process P {
              anon 0x0 4
              present 0x1000 7 clean young inTlbOf 0 1
            }
            cpu P {
              a = write 0x1000 3
              b = read 0x1000
              assert b == 3 as data
            }
            cpu P {
              r = read 0x1000
            }
            check still-mapped mapped P 0x1000 == 1
            run x86 default expect VERIFIED
            run arm64 ZapFlush=v5.6 expect VERIFIED rcu pre-4.20
            """;

    @Test
    void parsesEveryPart() throws Exception {
        Ast.Scenario s = Parser.parse("small.mm", SMALL);
        assertEquals("small", s.name());
        assertEquals("two writes", s.summary());
        assertEquals(1, s.processes().size());
        assertEquals(2, s.processes().get(0).setup().size());
        assertEquals(4, s.processes().get(0).setup().get(1).size(), "present, clean, young, inTlbOf");
        assertEquals(2, s.cpus().size());
        assertEquals(3, s.cpus().get(0).body().size());
        assertEquals(1, s.checks().size());
        assertEquals(2, s.runs().size());
        assertEquals("arm64/ZapFlush=v5.6/rcu=pre-4.20", s.runs().get(1).label());
    }

    @Test
    void runsOneExecutionThroughTheBinder() throws Exception {
        Ast.Scenario s = Parser.parse("small.mm", SMALL);
        Execution x = new ScenarioRun(s, s.runs().get(0)).world().run(1);
        assertEquals(Execution.Status.COMPLETE, x.status());
        assertTrue(x.finalState().contains("CPU0:b=3;"), x.finalState());
    }

    @Test
    void verbsAreDiscoveredInCamelAndSnakeCase() {
        assertNotNull(Registry.ENTRY_POINTS.find("madviseDontneed"));
        assertEquals(Registry.ENTRY_POINTS.find("madviseDontneed"), Registry.ENTRY_POINTS.find("madvise_dontneed"));
        assertNotNull(Registry.PAGE.find("inTlbOf"));
        assertNotNull(Registry.CONFIG.find("withSwapSlots"));
        assertEquals(0x14L, Registry.CONSTANTS.get("FOLL_GET") | Registry.CONSTANTS.get("FOLL_FORCE"));
    }

    @Test
    void errorsCarryThePosition() {
        ScenarioError e = assertThrows(ScenarioError.class, () -> Parser.parse("x.mm", SMALL.replace("a = write", "a = wrte")));
        assertEquals(10, e.line());
        assertEquals(7, e.column());
        assertTrue(e.what().startsWith("unknown entry point 'wrte'; valid names: ") && e.what().contains(" write"), e.what());
    }

    @Test
    void theCatalogLeavesPendingOut() throws Exception {
        for (Ast.Scenario s : Catalog.all(Path.of(".."))) {
            assertTrue(!s.path().contains("pending"), s.path());
        }
    }
}
