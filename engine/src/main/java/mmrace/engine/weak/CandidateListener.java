package mmrace.engine.weak;

/**
 * Told of each new candidate execution a weak exploration finds (each one once): the litmus
 * front end builds herd7's states and counts from these. Called on the exploring thread.
 */
@FunctionalInterface
public interface CandidateListener {
    void candidate(Candidate c);
}
