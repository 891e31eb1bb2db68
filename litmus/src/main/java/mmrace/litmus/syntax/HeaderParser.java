package mmrace.litmus.syntax;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * Reads the part of a litmus file before the initial state, as herd7's splitter does: the
 * header line {@code C name}, an optional {@code "doc string"} (on the same or the next line),
 * then {@code key=value} lines (e.g. {@code Hash=...}), blank lines and {@code (* *)} comments,
 * up to the opening brace of the initial state.
 */
final class HeaderParser {

    /** What the header holds, and where the initial state's opening brace is. */
    record Header(String name, Optional<String> doc, SequencedMap<String, String> info, int initOpen) {
    }

    private final SourceText src;
    private int i;

    HeaderParser(SourceText src) {
        this.src = src;
    }

    Header parse() throws LitmusSyntaxException {
        skipSpace(true);
        int archStart = i;
        while (Lexer.isIdentPart(src.at(i))) {
            i++;
        }
        String arch = src.text().substring(archStart, i);
        if (!arch.equals("C")) {
            String found = arch.isEmpty() ? describeChar(archStart) : "'" + arch + "'";
            throw src.error(archStart, "expected 'C' at the start of the file (only C litmus tests "
                    + "are supported), found " + found);
        }
        skipSpace(false);
        int nameStart = i;
        while (isTestNameChar(src.at(i))) {
            i++;
        }
        if (i == nameStart) {
            throw src.error(nameStart, "expected the test's name after 'C', found " + describeChar(nameStart));
        }
        String name = src.text().substring(nameStart, i);
        skipSpace(false);
        if (src.at(i) == '(' && Character.isLetter(src.at(i + 1))) {
            int close = src.text().indexOf(')', i);
            if (close < 0 || src.text().substring(i, close).contains("\n")) {
                throw src.error(i, "expected ')' to close the test's alternative name");
            }
            i = close + 1;
            skipSpace(false);
        }
        Optional<String> doc = Optional.empty();
        int save = i;
        if (src.at(i) == '\n') {
            i++;
            skipSpace(false);
        }
        if (src.at(i) == '"') {
            doc = Optional.of(quoted());
        } else {
            i = save;
        }
        SequencedMap<String, String> info = info();
        return new Header(name, doc.isPresent() ? doc : laterDoc, info, i);
    }

    /** A doc string found after other header material (a comment), when none follows the name. */
    private Optional<String> laterDoc = Optional.empty();

    /** Reads {@code key=value} lines, comments and extra doc strings until the opening brace. */
    private SequencedMap<String, String> info() throws LitmusSyntaxException {
        SequencedMap<String, String> info = new LinkedHashMap<>();
        while (true) {
            skipSpace(true);
            char c = src.at(i);
            if (c == '{') {
                return info;
            } else if (src.startsWith("(*", i)) {
                skipComment();
            } else if (c == ';' || c == '"') {
                if (c == '"') {
                    String d = quoted();
                    if (laterDoc.isEmpty()) {
                        laterDoc = Optional.of(d);
                    }
                } else {
                    i++;
                }
            } else if (Character.isLetter(c) && isInfoLine()) {
                int keyStart = i;
                while (isInfoKeyChar(src.at(i))) {
                    i++;
                }
                String key = src.text().substring(keyStart, i);
                skipSpace(false);
                i++; // '='
                skipSpace(false);
                int valueStart = i;
                while (i < src.length() && src.at(i) != '\n') {
                    i++;
                }
                info.put(key, src.text().substring(valueStart, i).strip());
            } else {
                throw src.error(i, "expected '{' to open the initial state, found " + describeChar(i));
            }
        }
    }

    private boolean isInfoLine() {
        int j = i;
        while (isInfoKeyChar(src.at(j))) {
            j++;
        }
        while (src.at(j) == ' ' || src.at(j) == '\t') {
            j++;
        }
        return src.at(j) == '=';
    }

    private String quoted() throws LitmusSyntaxException {
        int open = i;
        int close = src.text().indexOf('"', i + 1);
        if (close < 0) {
            throw src.error(open, "unterminated string: '\"' has no matching '\"'");
        }
        i = close + 1;
        return src.text().substring(open + 1, close);
    }

    private void skipComment() throws LitmusSyntaxException {
        int open = i;
        int level = 0;
        while (i < src.length()) {
            if (src.startsWith("(*", i)) {
                level++;
                i += 2;
            } else if (src.startsWith("*)", i)) {
                i += 2;
                if (--level == 0) {
                    return;
                }
            } else {
                i++;
            }
        }
        throw src.error(open, "unterminated comment: '(*' has no matching '*)'");
    }

    private void skipSpace(boolean newlines) {
        while (src.at(i) == ' ' || src.at(i) == '\t' || src.at(i) == '\r' || newlines && src.at(i) == '\n') {
            i++;
        }
    }

    private String describeChar(int at) {
        if (at >= src.length()) {
            return "end of file";
        }
        char c = src.at(at);
        if (c == '\n') {
            return "end of line";
        }
        if (Lexer.isIdentStart(c)) {
            int j = at;
            while (Lexer.isIdentPart(src.at(j))) {
                j++;
            }
            return "'" + src.text().substring(at, j) + "'";
        }
        return "'" + c + "'";
    }

    /** herd7's test names: letters, digits and {@code _ / . - + [ ]}. */
    private static boolean isTestNameChar(char c) {
        return Character.isLetterOrDigit(c) || "_/.-+[]".indexOf(c) >= 0;
    }

    private static boolean isInfoKeyChar(char c) {
        return Character.isLetterOrDigit(c) || "_/.-".indexOf(c) >= 0;
    }
}
