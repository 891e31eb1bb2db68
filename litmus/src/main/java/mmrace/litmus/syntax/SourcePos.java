package mmrace.litmus.syntax;

/**
 * A position in a litmus file: the file name as given to the parser, and a 1-based line and
 * column (a tab counts as one column, as in GCC's diagnostics).
 *
 * @param file   the file name used in diagnostics
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourcePos(String file, int line, int column) {

    /** {@return {@code FILE:LINE:COLUMN}} */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
