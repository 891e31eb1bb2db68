package mmrace.scenarios;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The verbs of one kernel-model class, discovered by reflection over its public methods: a
 * scenario calls {@code madviseDontneed} or {@code madvise_dontneed} and reaches
 * {@code Task.madviseDontneed}. A new public method of {@code Task} or {@code ProcessSpec} is a
 * new verb at once; nothing in the parser names them.
 */
public final class Verbs {
    private final Class<?> cls;
    private final TreeMap<String, Method> byName = new TreeMap<>();
    private final Set<String> shown = new TreeSet<>();

    /** The public instance (or, with {@code statics}, static) methods of {@code cls} except {@code hidden}. */
    public Verbs(Class<?> cls, boolean statics, Set<String> hidden) {
        this.cls = cls;
        for (Method m : cls.getMethods()) {
            if (m.getDeclaringClass() == Object.class || hidden.contains(m.getName())
                    || Set.of("toString", "hashCode", "equals").contains(m.getName())
                    || Modifier.isStatic(m.getModifiers()) != statics) {
                continue;
            }
            if (byName.containsKey(m.getName())) {
                throw new IllegalStateException(cls.getSimpleName() + "." + m.getName() + " is overloaded: "
                        + "a scenario verb needs one signature");
            }
            byName.put(m.getName(), m);
            byName.put(snake(m.getName()), m);
            shown.add(m.getName());
        }
    }

    public Class<?> type() {
        return cls;
    }

    /** The method a verb names, or null. */
    public Method find(String verb) {
        return byName.get(verb);
    }

    /** The verbs, sorted, for an error message. */
    public String valid() {
        return String.join(", ", shown);
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
