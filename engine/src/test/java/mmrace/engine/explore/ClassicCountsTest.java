package mmrace.engine.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import mmrace.engine.exec.Program;
import mmrace.engine.samples.Classic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact execution counts of optimal DPOR on the classic benchmarks, against the published
 * optimal counts (shared/docs/DPOR-COUNTS.md; table in docs/DPOR.md). A change in any count is
 * a change in the explorer and must be explained.
 */
class ClassicCountsTest {
    static Stream<Arguments> benchmarks() {
        return Stream.of(
                Arguments.of(Classic.readers(1), 2), Arguments.of(Classic.readers(2), 4),
                Arguments.of(Classic.readers(3), 8), Arguments.of(Classic.readers(4), 16),
                Arguments.of(Classic.readers(8), 256), Arguments.of(Classic.readers(13), 8192),
                Arguments.of(Classic.lastzero(1), 2), Arguments.of(Classic.lastzero(2), 5),
                Arguments.of(Classic.lastzero(3), 12), Arguments.of(Classic.lastzero(4), 28),
                Arguments.of(Classic.lastzero(5), 64), Arguments.of(Classic.lastzero(10), 3328),
                Arguments.of(Classic.indexer(11), 1), Arguments.of(Classic.indexer(12), 8),
                Arguments.of(Classic.indexer(13), 64), Arguments.of(Classic.indexer(14), 512),
                Arguments.of(Classic.filesystem(13), 1), Arguments.of(Classic.filesystem(14), 2),
                Arguments.of(Classic.filesystem(16), 8), Arguments.of(Classic.filesystem(18), 32),
                Arguments.of(Classic.filesystem(19), 64),
                Arguments.of(Classic.fibBench(1, true), 11), Arguments.of(Classic.fibBench(2, true), 140),
                Arguments.of(Classic.fibBench(3, true), 1698), Arguments.of(Classic.fibBench(4, true), 19605),
                Arguments.of(Classic.fibBench(1, false), 3), Arguments.of(Classic.fibBench(2, false), 19),
                Arguments.of(Classic.fibBench(3, false), 141), Arguments.of(Classic.fibBench(4, false), 1107),
                Arguments.of(Classic.fibBench(5, false), 8953),
                Arguments.of(Classic.nWriters(4), 720),
                Arguments.of(Classic.twoPlusTwoW(), 3),
                Arguments.of(Classic.lastwrite(4), 24),
                Arguments.of(Classic.co2plus2w(2), 6), Arguments.of(Classic.co2plus2w(3), 90),
                Arguments.of(Classic.co2plus2w(4), 2520),
                Arguments.of(Classic.optLock(1), 10), Arguments.of(Classic.optLock(2), 42),
                Arguments.of(Classic.optLock(3), 126), Arguments.of(Classic.optLock(4), 346),
                Arguments.of(Classic.optLock(5), 922), Arguments.of(Classic.optLock(6), 2430),
                Arguments.of(Classic.sigma(2), 3), Arguments.of(Classic.sigma(3), 15),
                Arguments.of(Classic.sigma(4), 105), Arguments.of(Classic.sigma(5), 945));
    }

    @ParameterizedTest(name = "{0} explores {1} executions")
    @MethodSource("benchmarks")
    void optimalCount(Program p, long expected) {
        ExploreResult r = Explorer.explore(p, ExploreOptions.defaults());
        assertEquals(Verdict.VERIFIED, r.verdict(), () -> p.name() + ": " + r);
        assertEquals(expected, r.executions(), p.name());
        assertEquals(0, r.abandoned(), p.name() + " had sleep-set-blocked executions");
    }
}
