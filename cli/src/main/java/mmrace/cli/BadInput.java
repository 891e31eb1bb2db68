package mmrace.cli;

/** Input the user must fix: printed as one line, exit code 2, never a stack trace. */
public final class BadInput extends Exception {
    public BadInput(String message) {
        super(message, null, false, false);
    }
}
