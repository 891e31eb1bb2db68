package mmrace.kernel;

import mmrace.engine.explore.ExploreResult;

/** Prints one line per seed-race exploration (case, arch, variant, verdict, executions, time) for the report. */
final class SeedCases {
    private SeedCases() {
    }

    static ExploreResult log(String seedCase, String arch, String variant, ExploreResult r) {
        System.out.printf("SEED-CASE | %s | %s | %s | %s | %d | %d ms%n", seedCase, arch, variant, r.verdict(),
                r.executions(), r.time().toMillis());
        return r;
    }
}
