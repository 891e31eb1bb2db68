package mmrace.engine.exec;

import java.util.List;

/** Decides, at each scheduling point of one execution, which enabled context runs next. */
public interface Chooser {
    /**
     * @param enabled the contexts whose pending event can run, in creation order; never empty
     * @return one of them, or null to abandon this execution (it does not count)
     */
    Proc choose(Execution x, List<Proc> enabled);
}
