package mmrace.litmus.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.weak.WeakModel;
import mmrace.litmus.syntax.LitmusParser;
import mmrace.litmus.syntax.LitmusSyntaxException;
import mmrace.litmus.syntax.LitmusTest;
import org.junit.jupiter.api.Test;

/**
 * The classic shapes (SB, MP, LB, IRIW, 2+2W, WRC, ISA2, R, S), each bare and with the fences,
 * release/acquire or dependencies that may forbid its outcome, under SC, x86-TSO, LKMM and
 * Alpha: each model's verdict with exact counts. A row reads: the Observation (verdict,
 * positive and negative executions), the distinct candidate executions the model allows, and
 * the runs the weak explorer made (inconsistent, repeated and sleep-blocked ones included).
 * The last number is the explorer's own cost: a change in it must be explained.
 *
 * <p>The verdicts are LKMM's as herd7 gives them for the shapes the kernel also ships
 * (tools/memory-model/litmus-tests); TSO allows only the store-to-load reorderings (SB, R);
 * Alpha differs from LKMM exactly where an address dependency orders a load (MP+...+addr, WRC
 * with an address dependency) unless smp_read_barrier_depends() or rcu_dereference() is used.
 */
class ClassicShapesTest {
    /** test -> "sc | tso | lkmm | alpha", each "Verdict P N executions runs". */
    private static final String EXPECTED = """
            2+2W+fencewmbonceonces | Never 0 3 3 4 | Never 0 3 3 4 | Sometimes 1 3 4 5 | Sometimes 1 3 4 5
            2+2W+poonceonces | Never 0 3 3 4 | Never 0 3 3 4 | Sometimes 1 3 4 5 | Sometimes 1 3 4 5
            2+2W+poreleaseonces | Never 0 3 3 4 | Never 0 3 3 4 | Sometimes 1 3 4 5 | Sometimes 1 3 4 5
            IRIW+fencembonceonces | Never 0 15 15 54 | Never 0 15 15 54 | Never 0 15 15 54 | Never 0 15 15 54
            IRIW+poacquireonces | Never 0 15 15 54 | Never 0 15 15 54 | Sometimes 1 15 16 55 | Sometimes 1 15 16 55
            IRIW+poonceonces | Never 0 15 15 54 | Never 0 15 15 54 | Sometimes 1 15 16 55 | Sometimes 1 15 16 55
            ISA2+poonceonces | Never 0 7 7 27 | Never 0 7 7 27 | Sometimes 1 7 8 28 | Sometimes 1 7 8 28
            ISA2+pooncerelease+poacquirerelease+poacquireonce | Never 0 7 7 27 | Never 0 7 7 27 | Never 0 7 7 27 | Never 0 7 7 27
            LB+ctrlonceonces | Never 0 1 1 1 | Never 0 1 1 1 | Never 0 1 1 1 | Never 0 1 1 1
            LB+dataonceonces | Never 0 3 3 7 | Never 0 3 3 7 | Never 0 3 3 7 | Never 0 3 3 7
            LB+fencembonceonces | Never 0 3 3 7 | Never 0 3 3 7 | Never 0 3 3 7 | Never 0 3 3 7
            LB+poacquireonce+pooncerelease | Never 0 3 3 7 | Never 0 3 3 7 | Never 0 3 3 7 | Never 0 3 3 7
            LB+poonceonces | Never 0 3 3 7 | Never 0 3 3 7 | Sometimes 1 3 4 7 | Sometimes 1 3 4 7
            MP+fencewmbonceonce+addronce-rbdep | Never 0 2 2 7 | Never 0 2 2 7 | Never 0 2 2 7 | Never 0 2 2 7
            MP+fencewmbonceonce+addronce | Never 0 2 2 7 | Never 0 2 2 7 | Never 0 2 2 7 | Sometimes 1 2 3 8
            MP+fencewmbonceonce+fencermbonceonce | Never 0 3 3 9 | Never 0 3 3 9 | Never 0 3 3 9 | Never 0 3 3 9
            MP+onceassign+derefonce | Never 0 2 2 7 | Never 0 2 2 7 | Never 0 2 2 7 | Never 0 2 2 7
            MP+poonceonces | Never 0 3 3 9 | Never 0 3 3 9 | Sometimes 1 3 4 10 | Sometimes 1 3 4 10
            MP+pooncerelease+poacquireonce | Never 0 3 3 9 | Never 0 3 3 9 | Never 0 3 3 9 | Never 0 3 3 9
            R+fencembonceonces | Never 0 3 3 6 | Never 0 3 3 6 | Never 0 3 3 6 | Never 0 3 3 6
            R+poonceonces | Never 0 3 3 6 | Sometimes 1 3 4 7 | Sometimes 1 3 4 7 | Sometimes 1 3 4 7
            R+pooncerelease+fencembonceonce | Never 0 3 3 6 | Never 0 3 3 6 | Sometimes 1 3 4 7 | Sometimes 1 3 4 7
            S+fencewmbonceonce+ctrlonce | Never 0 2 2 5 | Never 0 2 2 5 | Never 0 2 2 5 | Never 0 2 2 5
            S+fencewmbonceonce+poacquireonce | Never 0 3 3 6 | Never 0 3 3 6 | Never 0 3 3 6 | Never 0 3 3 6
            S+poonceonces | Never 0 3 3 6 | Never 0 3 3 6 | Sometimes 1 3 4 7 | Sometimes 1 3 4 7
            SB+fencembonceonces | Never 0 3 3 6 | Never 0 3 3 6 | Never 0 3 3 6 | Never 0 3 3 6
            SB+poonceonces | Never 0 3 3 6 | Sometimes 1 3 4 7 | Sometimes 1 3 4 7 | Sometimes 1 3 4 7
            SB+porelacqs | Never 0 3 3 6 | Sometimes 1 3 4 7 | Sometimes 1 3 4 7 | Sometimes 1 3 4 7
            WRC+dataonce+addronce | Never 0 7 7 45 | Never 0 7 7 45 | Sometimes 1 7 8 47 | Sometimes 1 7 8 47
            WRC+poonceonces | Never 0 7 7 27 | Never 0 7 7 27 | Sometimes 1 7 8 28 | Sometimes 1 7 8 28
            WRC+pooncerelease+fencermbonceonce | Never 0 7 7 27 | Never 0 7 7 27 | Never 0 7 7 27 | Never 0 7 7 27
            """;

    private static final List<String> MODELS = List.of("sc", "tso", "lkmm", "alpha");

    @Test
    void everyShapeUnderEveryModel() throws IOException, LitmusSyntaxException {
        Map<String, String> want = new LinkedHashMap<>();
        for (String line : EXPECTED.strip().split("\n")) {
            int bar = line.indexOf('|');
            want.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
        }
        StringBuilder actual = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        for (String name : read("/classic/INDEX").strip().split("\n")) {
            LitmusTest t = LitmusParser.parse("classic/" + name + ".litmus", read("/classic/" + name + ".litmus"));
            List<String> cells = new ArrayList<>();
            for (String m : MODELS) {
                LitmusOutcome o = LitmusRunner.run(t, WeakModel.byName(m));
                cells.add(o.herd().observation() + " " + o.herd().positive() + " " + o.herd().negative() + " "
                        + o.executions() + " " + o.runs());
            }
            String row = String.join(" | ", cells);
            actual.append(name).append(" | ").append(row).append('\n');
            if (!row.equals(want.get(name))) {
                wrong.add(name);
            }
        }
        assertEquals(List.of(), wrong, "rows differ; the whole table now:\n" + actual);
        assertEquals(want.keySet().size(), actual.toString().strip().split("\n").length);
    }

    private static String read(String path) throws IOException {
        try (InputStream in = ClassicShapesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
