package mmrace.cli;

import java.time.Duration;
import picocli.CommandLine;

/** Parses budgets like 500ms, 60s, 5m, 1h. */
final class Durations implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String s) {
        String v = s.trim().toLowerCase();
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + s + "' is not a duration: expected e.g. 500ms, 60s, 5m, 1h");
        }
    }
}
