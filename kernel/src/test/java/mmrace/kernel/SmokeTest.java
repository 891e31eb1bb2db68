package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.world.MmWorld;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void writeThenRead() {
        MmWorld w = MmWorld.builder()
                .process("P", p -> p.anon(0x0, 4))
                .cpu("P", t -> {
                    t.write(0x1000, 5);
                    t.record("r", t.read(0x1000));
                    t.record("z", t.read(0x2000));
                })
                .build();
        ExploreResult r = w.runOnce(1);
        assertEquals(Verdict.NO_BUG_FOUND, r.verdict(), Smoke.describe(r));
    }
}
