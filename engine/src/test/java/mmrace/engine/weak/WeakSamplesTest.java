package mmrace.engine.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.samples.Sample;
import mmrace.engine.samples.Samples;
import org.junit.jupiter.api.Test;

/** Every built-in program reaches the same verdict under the weak models as under SC. */
class WeakSamplesTest {
    @Test
    void samplesKeepTheirVerdicts() {
        List<String> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Sample s : Samples.all()) {
            if (s.name().startsWith("filesystem") || s.name().startsWith("fib") || s.name().startsWith("indexer")) {
                continue;
            }
            for (WeakModel m : List.of(WeakModel.tso(), WeakModel.lkmm())) {
                long t0 = System.nanoTime();
                ExploreResult r = Explorer.explore(s.program(), ExploreOptions.defaults()
                        .withExec(ExecConfig.defaults().withMemoryModel(m)));
                String line = s.name() + " " + m.name() + ": " + r.verdict() + " executions=" + r.executions()
                        + " abandoned=" + r.abandoned() + " ms=" + (System.nanoTime() - t0) / 1_000_000
                        + (r.counterexample() == null ? "" : " " + r.counterexample().mainFinding().headline());
                out.add(line);
                if (r.verdict() != s.expected()) {
                    bad.add(line);
                }
            }
        }
        out.forEach(System.out::println);
        assertEquals(List.of(), bad);
    }
}
