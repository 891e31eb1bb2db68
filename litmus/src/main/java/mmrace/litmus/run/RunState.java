package mmrace.litmus.run;

/**
 * What the executions of one test tell the runner besides their final states: whether a loop
 * hit the unrolling bound (herd7 then prints {@code Loop}), and the first error a process ran
 * into (a dereference of something that is not an address, a division by zero).
 */
final class RunState {
    boolean unrolled;
    LitmusRunException error;
    long errors;

    void error(LitmusRunException e) {
        errors++;
        if (error == null) {
            error = e;
        }
    }
}
