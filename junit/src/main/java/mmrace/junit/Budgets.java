package mmrace.junit;

import java.time.Duration;

/** Reads {@link RaceTest#budget()}: a number and a unit, ms, s, m or h. */
final class Budgets {
    private Budgets() {
    }

    /** The budget, or null for an empty string (no limit). */
    static Duration parse(String s) {
        String v = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1).trim());
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("@RaceTest(budget = \"" + s + "\"): expected e.g. 500ms, 30s, 2m, 1h");
        }
    }
}
