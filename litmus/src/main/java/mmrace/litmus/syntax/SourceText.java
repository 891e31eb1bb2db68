package mmrace.litmus.syntax;

import java.util.Arrays;

/** The text of a litmus file with its name, mapping character offsets to line and column. */
final class SourceText {
    private final String file;
    private final String text;
    private final int[] lineStarts;

    SourceText(String file, String text) {
        this.file = file;
        this.text = text;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** {@return the character at {@code i}, or NUL past the end} */
    char at(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    boolean startsWith(String s, int at) {
        return text.startsWith(s, at);
    }

    /** {@return the position of a character offset} */
    SourcePos pos(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        int line = i >= 0 ? i : -i - 2;
        return new SourcePos(file, line + 1, offset - lineStarts[line] + 1);
    }

    LitmusSyntaxException error(int offset, String reason) {
        return new LitmusSyntaxException(pos(offset), reason);
    }
}
