package mmrace.engine.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one parsed JSON object, for readers of our own files: each getter names the
 * field (with the path to it) when it is missing or of the wrong type, so a damaged results
 * file gives an error a person can act on instead of a ClassCastException.
 */
public final class JsonFields {
    private final Map<String, Object> m;
    private final String where;

    /** @param where how to name this object in errors, e.g. {@code trace.events[3]} */
    public JsonFields(Map<String, Object> m, String where) {
        this.m = m;
        this.where = where;
    }

    public boolean has(String k) {
        return m.get(k) != null;
    }

    public String string(String k) {
        if (!(require(k) instanceof String v)) {
            throw wrong(k, "a string");
        }
        return v;
    }

    public String stringOrNull(String k) {
        return has(k) ? string(k) : null;
    }

    public long number(String k) {
        if (!(require(k) instanceof Long v)) {
            throw wrong(k, "an integer");
        }
        return v;
    }

    public long numberOr(String k, long otherwise) {
        return has(k) ? number(k) : otherwise;
    }

    public int integer(String k) {
        return Math.toIntExact(number(k));
    }

    public boolean bool(String k) {
        if (!(require(k) instanceof Boolean v)) {
            throw wrong(k, "true or false");
        }
        return v;
    }

    public boolean boolOr(String k, boolean otherwise) {
        return has(k) ? bool(k) : otherwise;
    }

    public List<String> strings(String k) {
        List<String> out = new ArrayList<>();
        for (Object o : list(k)) {
            if (!(o instanceof String v)) {
                throw wrong(k, "a list of strings");
            }
            out.add(v);
        }
        return out;
    }

    public List<List<Long>> numberLists(String k) {
        List<List<Long>> out = new ArrayList<>();
        for (Object o : list(k)) {
            List<Long> inner = new ArrayList<>();
            if (!(o instanceof List<?> l)) {
                throw wrong(k, "a list of lists of integers");
            }
            for (Object n : l) {
                if (!(n instanceof Long v)) {
                    throw wrong(k, "a list of lists of integers");
                }
                inner.add(v);
            }
            out.add(inner);
        }
        return out;
    }

    /** The objects of list field {@code k}, each named {@code where.k[i]} in errors. */
    public List<JsonFields> objects(String k) {
        List<JsonFields> out = new ArrayList<>();
        List<?> l = list(k);
        for (int i = 0; i < l.size(); i++) {
            out.add(wrap(l.get(i), where + "." + k + "[" + i + "]"));
        }
        return out;
    }

    /** Object field {@code k}, which must be there. */
    public JsonFields object(String k) {
        return wrap(require(k), where + "." + k);
    }

    /** The underlying map, for handing a nested object to another reader. */
    public Map<String, Object> map() {
        return m;
    }

    @SuppressWarnings("unchecked")
    private JsonFields wrap(Object o, String path) {
        if (!(o instanceof Map<?, ?> mm)) {
            throw new IllegalArgumentException(path + " should be an object");
        }
        return new JsonFields((Map<String, Object>) mm, path);
    }

    private List<?> list(String k) {
        if (!(require(k) instanceof List<?> l)) {
            throw wrong(k, "a list");
        }
        return l;
    }

    private Object require(String k) {
        if (!m.containsKey(k)) {
            throw new IllegalArgumentException(where + "." + k + " is missing");
        }
        Object v = m.get(k);
        if (v == null) {
            throw new IllegalArgumentException(where + "." + k + " is null");
        }
        return v;
    }

    private IllegalArgumentException wrong(String k, String what) {
        return new IllegalArgumentException(where + "." + k + " should be " + what);
    }
}
