package mmrace.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kernel's own litmus tests, with the "Result:" each .litmus file states for herd7 and
 * linux-kernel.cat. "DEADLOCK" (RM-broken: no execution survives the filter) is checked as
 * "Never": every candidate that passes the filter is forbidden.
 */
class KernelLitmusTest {

    /** The Result: line of each test (tools/memory-model/litmus-tests, Documentation/litmus-tests). */
    static final Map<String, String> EXPECTED = new HashMap<>();

    static {
        String[][] rows = {
            {"CoRR+poonceonce+Once", "Never"},
            {"CoRW+poonceonce+Once", "Never"},
            {"CoWR+poonceonce+Once", "Never"},
            {"CoWW+poonceonce", "Never"},
            {"IRIW+fencembonceonces+OnceOnce", "Never"},
            {"IRIW+poonceonces+OnceOnce", "Sometimes"},
            {"ISA2+pooncelock+pooncelock+pombonce", "Never"},
            {"ISA2+poonceonces", "Sometimes"},
            {"ISA2+pooncerelease+poacquirerelease+poacquireonce", "Never"},
            {"LB+fencembonceonce+ctrlonceonce", "Never"},
            {"LB+poacquireonce+pooncerelease", "Never"},
            {"LB+poonceonces", "Sometimes"},
            {"LB+unlocklockonceonce+poacquireonce", "Never"},
            {"MP+fencewmbonceonce+fencermbonceonce", "Never"},
            {"MP+onceassign+derefonce", "Never"},
            {"MP+polockmbonce+poacquiresilsil", "Never"},
            {"MP+polockonce+poacquiresilsil", "Sometimes"},
            {"MP+polocks", "Never"},
            {"MP+poonceonces", "Sometimes"},
            {"MP+pooncerelease+poacquireonce", "Never"},
            {"MP+porevlocks", "Never"},
            {"MP+unlocklockonceonce+fencermbonceonce", "Never"},
            {"R+fencembonceonces", "Never"},
            {"R+poonceonces", "Sometimes"},
            {"S+fencewmbonceonce+poacquireonce", "Never"},
            {"S+poonceonces", "Sometimes"},
            {"SB+fencembonceonces", "Never"},
            {"SB+poonceonces", "Sometimes"},
            {"SB+rfionceonce-poonceonces", "Sometimes"},
            {"WRC+poonceonces+Once", "Sometimes"},
            {"WRC+pooncerelease+fencermbonceonce+Once", "Never"},
            {"Z6.0+pooncelock+poonceLock+pombonce", "Never"},
            {"Z6.0+pooncelock+pooncelock+pombonce", "Sometimes"},
            {"Z6.0+pooncerelease+poacquirerelease+fencembonceonce", "Sometimes"},
            {"dep+plain", "Never"},
            {"Atomic-RMW+mb__after_atomic-is-stronger-than-acquire", "Never"},
            {"Atomic-RMW-ops-are-atomic-WRT-atomic_set", "Never"},
            {"cmpxchg-fail-ordered-1", "Never"},
            {"cmpxchg-fail-ordered-2", "Never"},
            {"cmpxchg-fail-unordered-1", "Sometimes"},
            {"cmpxchg-fail-unordered-2", "Sometimes"},
            {"DCL-broken", "Sometimes"},
            {"DCL-fixed", "Never"},
            {"RM-broken", "DEADLOCK"},
            {"RM-fixed", "Never"},
            {"RCU+sync+free", "Never"},
            {"RCU+sync+read", "Never"},
        };
        for (String[] r : rows) EXPECTED.put(r[0], r[1]);
    }

    static List<ExecutionGraph> candidates(Supplier<List<Litmus>> shapes) {
        List<ExecutionGraph> all = new ArrayList<>();
        for (Litmus l : shapes.get()) all.addAll(l.candidates());
        return all;
    }

    @TestFactory
    Stream<DynamicTest> lkmmMatchesKernelResults() {
        LkmmChecker lkmm = new LkmmChecker();
        return KernelLitmus.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String want = EXPECTED.get(e.getKey());
            if (want.equals("DEADLOCK")) want = "Never";
            assertEquals(want, Litmus.result(lkmm, candidates(e.getValue())), e.getKey());
        }));
    }

    @Test
    void everyExpectedTestIsBuilt() {
        assertEquals(EXPECTED.keySet(), KernelLitmus.all().keySet());
        assertEquals(47, EXPECTED.size());
    }

    /** When the project's shared/ folder is beside the checkout, the table above must agree with it. */
    @Test
    void tableAgreesWithSharedExpectedTsv() throws IOException {
        Path tsv = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && tsv == null; p = p.getParent()) {
            Path c = p.resolve("shared/litmus/kernel/EXPECTED.tsv");
            if (Files.isRegularFile(c)) tsv = c;
        }
        Assumptions.assumeTrue(tsv != null, "shared/litmus/kernel/EXPECTED.tsv not found");
        int rows = 0;
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            if (f.length < 2 || f[0].equals("path")) continue;
            String name = Path.of(f[0]).getFileName().toString().replaceAll("\\.litmus$", "");
            assertEquals(f[1], EXPECTED.get(name), name);
            rows++;
        }
        assertEquals(EXPECTED.size(), rows);
    }
}
