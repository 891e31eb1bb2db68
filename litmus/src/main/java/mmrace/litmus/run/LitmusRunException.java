package mmrace.litmus.run;

import mmrace.litmus.syntax.SourcePos;

/**
 * A test that parsed but cannot run: its message is {@code FILE:LINE:COLUMN: error: what}, like
 * a {@link mmrace.litmus.syntax.LitmusSyntaxException}.
 */
public final class LitmusRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LitmusRunException(SourcePos pos, String what) {
        super(pos + ": error: " + what, null, false, false);
    }
}
