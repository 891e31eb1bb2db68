package mmrace.engine.graph;

/**
 * Thrown by {@link ExecutionGraph.Builder#build()} when the events and edges do not form a
 * candidate execution in herd's sense: an rf edge between different locations, a co that is not a
 * strict total order per location, a lock read that does not read what lock.cat makes it read, and
 * so on. Such a graph is not "forbidden" by a model; it is not an execution at all.
 */
public class MalformedGraphException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedGraphException(String message) {
        super(message);
    }
}
