package mmrace.engine.explore;

/** Told about an exploration's progress a few times a second (from the exploring thread). */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param executions executions so far
     * @param events events so far
     * @param elapsedNanos time since the start
     * @param fraction how much of the space is covered, in [0, 1], or -1 if unknown
     */
    void progress(long executions, long events, long elapsedNanos, double fraction);
}
