package mmrace.engine.explore;

/**
 * A memory model that brings its own exploration: a weak model whose executions are chosen
 * value by value as well as step by step. {@link Explorer} asks it for the strategy whenever
 * the options' memory model implements this, so that kernel code and scenarios get weak
 * behaviours by selecting the model, with no other change.
 */
public interface StrategyProvider {
    /** The strategy for these options; {@code worker} numbers parallel workers (seeds). */
    Strategy strategy(ExploreOptions options, int worker);
}
