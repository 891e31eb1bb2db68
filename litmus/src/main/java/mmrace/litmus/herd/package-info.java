/**
 * herd7-compatible output: given what an exploration observed, print exactly what herd7 prints,
 * so the kernel's scripts that read herd7's output ({@code judgelitmus.sh},
 * {@code checklitmus.sh}) work unchanged.
 *
 * <p>Build a {@link mmrace.litmus.herd.HerdResult} (the test, its distinct final states as
 * {@link mmrace.litmus.herd.FinalState}s, the positive and negative counts, flags) and pass it
 * to {@link mmrace.litmus.herd.HerdPrinter#print(HerdResult)}.
 */
package mmrace.litmus.herd;
