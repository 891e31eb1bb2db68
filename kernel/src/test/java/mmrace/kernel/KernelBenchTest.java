package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mmrace.kernel.bench.KernelBench;
import org.junit.jupiter.api.Test;

/** The benchmark entry point runs and counts what it says (speed is not asserted). */
class KernelBenchTest {
    @Test
    void runsAndCounts() {
        List<KernelBench.Result> r = KernelBench.run(0, 1);
        assertEquals(3, r.size());
        assertEquals(400 * 32, r.get(0).units());
        assertTrue(r.get(2).units() > 1);
    }
}
