package mmrace.engine.exec;

/** Unwinds a context after a fatal finding; the execution stops. Carries no stack trace. */
final class BugFound extends RuntimeException {
    BugFound() {
        super(null, null, false, false);
    }
}
