package mmrace.engine.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers context names for one exploration, so that "the IPI handler CPU1 got from CPU0's
 * second flush" is the same number in every execution, whatever order contexts were created in.
 * Shared by the executions of one explorer; thread-safe for parallel workers.
 */
public final class ProcNames {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public synchronized int intern(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
        }
        return id;
    }

    public synchronized String name(int gid) {
        return names.get(gid);
    }

    public synchronized int size() {
        return names.size();
    }
}
