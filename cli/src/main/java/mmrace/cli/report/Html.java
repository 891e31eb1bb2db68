package mmrace.cli.report;

/**
 * Escaping for everything a report takes from its input: target names, kernel function names,
 * lock names, event texts, finding messages. One function for text and attribute values alike
 * (it escapes both quote kinds), so no caller has to choose, and none can choose wrong.
 */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters are not allowed in HTML or SVG text: show them as U+FFFD.
                    sb.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
                }
            }
        }
        return sb.toString();
    }

    /** {@code s} cut to {@code max} characters with an ellipsis, for text drawn in a fixed box. */
    static String fit(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return max <= 1 ? "\u2026" : s.substring(0, max - 1) + "\u2026";
    }
}
