/**
 * Front end for herdtools' C litmus format: lexer, parser, immutable AST, name checks and the
 * registry of kernel primitives ({@code tools/memory-model/linux-kernel.def}).
 *
 * <p>Entry point: {@link mmrace.litmus.syntax.LitmusParser#parse(java.nio.file.Path)}, which
 * returns a checked {@link mmrace.litmus.syntax.LitmusTest} or throws a
 * {@link mmrace.litmus.syntax.LitmusSyntaxException} whose message reads
 * {@code FILE:LINE:COLUMN: error: what}.
 *
 * <p>A litmus file has four parts, each in its own sub-language as in herd7:
 * <ol>
 *   <li>the header {@code C name}, an optional {@code "doc"} string and {@code key=value} lines;
 *   <li>the initial state {@code { ... }} (herd's state syntax, {@code (* *)} comments);
 *   <li>the processes {@code P0(int *x) { ... }} (a fragment of C, {@code //} and
 *       {@code /* *}{@code /} comments);
 *   <li>the final part: {@code locations [...]}, {@code filter (...)} and the condition
 *       {@code exists}/{@code ~exists}/{@code forall} (state syntax again).
 * </ol>
 */
package mmrace.litmus.syntax;
