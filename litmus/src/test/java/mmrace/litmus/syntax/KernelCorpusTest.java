package mmrace.litmus.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Parses every kernel litmus test of {@code shared/litmus/kernel/} and checks what it calls. */
class KernelCorpusTest {

    private static Path dir() {
        var dir = KernelCorpus.directory();
        assumeTrue(dir.isPresent(), "shared/litmus/kernel not found above the working directory");
        return dir.get();
    }

    @Test
    void theCorpusHas47Tests() throws Exception {
        assertEquals(47, KernelCorpus.entries(dir()).size());
    }

    @TestFactory
    Stream<DynamicTest> everyTestParsesAndCallsTheListedPrimitives() throws Exception {
        return KernelCorpus.entries(dir()).stream().map(e -> DynamicTest.dynamicTest(e.relative(), () -> {
            LitmusTest t = LitmusParser.parse(e.file());
            assertEquals(e.file().getFileName().toString().replace(".litmus", ""), t.name());
            assertFalse(t.processes().isEmpty());
            assertEquals(e.primitives(), primitivesCalled(t), "primitives of " + e.relative());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTestRoundTrips() throws Exception {
        return KernelCorpus.entries(dir()).stream().map(e -> DynamicTest.dynamicTest(e.relative(), () -> {
            LitmusTest t = LitmusParser.parse(e.file());
            String printed = AstPrinter.print(t);
            LitmusTest again = LitmusParser.parse("printed", printed);
            assertEquals(printed, AstPrinter.print(again), "printing is stable");
            assertEquals(Positions.erase(t), Positions.erase(again), "same AST up to positions");
        }));
    }

    static Set<String> primitivesCalled(LitmusTest t) {
        Set<String> out = new TreeSet<>();
        for (Process p : t.processes()) {
            List<Stmt> todo = new ArrayList<>(p.body());
            Walk.calls(todo, c -> out.add(c.name()));
        }
        return out;
    }
}
