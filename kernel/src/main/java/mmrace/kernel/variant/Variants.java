package mmrace.kernel.variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variant chosen on each axis for one run. Immutable. Adding an axis: write the enum,
 * add it to {@link #AXES}; nothing else registers it.
 */
public final class Variants {
    /** Every axis, in the order they are listed. */
    private static final List<Class<? extends Variant>> AXES = List.of(
            AnonVmaImpl.class,
            PageLockAnonVma.class,
            PageRemoveRmap.class,
            AnonFault.class,
            ZapFlush.class,
            ReclaimFlush.class,
            ForkFlush.class,
            MremapFlush.class,
            MovePmdRmapLocks.class,
            GupFollowWrite.class,
            GupFastRecheck.class,
            CollapseAnon.class,
            RetractPageTables.class,
            IsolateDirty.class,
            MigrateRefcount.class,
            MigrateFlush.class,
            DestroyInode.class,
            SwapInKsmCopy.class,
            PowerSerialize.class,
            SwapDevice.class,
            X86LazyFlush.class);

    private final Map<Class<? extends Variant>, Variant> chosen;

    private Variants(Map<Class<? extends Variant>, Variant> chosen) {
        this.chosen = chosen;
    }

    public static Variants defaults() {
        return new Variants(Map.of());
    }

    /** These variants, defaults elsewhere; two of one axis is an error. */
    public static Variants of(Variant... vs) {
        Variants v = defaults();
        for (Variant one : vs) {
            if (v.chosen.containsKey(axisOf(one))) {
                throw new IllegalArgumentException("two variants of " + axisName(axisOf(one)));
            }
            v = v.with(one);
        }
        return v;
    }

    public Variants with(Variant v) {
        Map<Class<? extends Variant>, Variant> m = new LinkedHashMap<>(chosen);
        m.put(axisOf(v), v);
        return new Variants(Map.copyOf(m));
    }

    /** The chosen constant of {@code axis}, or its default. */
    public <T extends Enum<T> & Variant> T get(Class<T> axis) {
        Variant v = chosen.get(axis);
        return v != null ? axis.cast(v) : axis.getEnumConstants()[0];
    }

    public static List<Class<? extends Variant>> axes() {
        return AXES;
    }

    public static Variant[] constants(Class<? extends Variant> axis) {
        return axis.getEnumConstants();
    }

    /** The axis name used in {@code axis=id}: the enum's simple name. */
    public static String axisName(Class<? extends Variant> axis) {
        return axis.getSimpleName();
    }

    /**
     * Parses {@code id} or {@code Axis=id}, comma-separated. A bare id must name exactly one
     * variant over all axes.
     */
    public static Variants parse(String spec) {
        Variants v = defaults();
        if (spec == null || spec.isBlank()) {
            return v;
        }
        for (String part : spec.split(",")) {
            v = v.with(find(part.trim()));
        }
        return v;
    }

    static Variant find(String part) {
        int eq = part.indexOf('=');
        String axisName = eq < 0 ? null : part.substring(0, eq);
        String id = eq < 0 ? part : part.substring(eq + 1);
        List<Variant> found = new ArrayList<>();
        for (Class<? extends Variant> axis : AXES) {
            if (axisName != null && !axisName(axis).equalsIgnoreCase(axisName)) {
                continue;
            }
            for (Variant c : constants(axis)) {
                if (c.id().equals(id)) {
                    found.add(c);
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException((found.isEmpty() ? "no variant " : "ambiguous variant ") + part
                    + (found.isEmpty() ? "" : ": say Axis=" + id + ", one of " + found.stream()
                            .map(f -> axisName(axisOf(f))).toList()));
        }
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static Class<? extends Variant> axisOf(Variant v) {
        return (Class<? extends Variant>) ((Enum<?>) v).getDeclaringClass();
    }

    /** The non-default choices, e.g. {@code ZapFlush=free-before-flush}; empty for defaults. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Class<? extends Variant> axis : AXES) {
            Variant c = chosen.get(axis);
            if (c != null && c != constants(axis)[0]) {
                sb.append(sb.isEmpty() ? "" : ",").append(axisName(axis)).append('=').append(c.id());
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variants v && v.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
