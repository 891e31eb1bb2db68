package mmrace.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a scenario file into lines of tokens. A statement is one line; {@code #} starts a
 * comment to the end of the line (the narrative of a catalog entry lives in comments); an
 * opening brace ends a line that starts a block and a closing brace stands alone.
 */
public final class Lexer {
    private Lexer() {
    }

    /** The non-empty lines of {@code text}, each a list of tokens. */
    public static List<List<Token>> lines(String file, String text) throws ScenarioError {
        List<List<Token>> out = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int n = 0; n < raw.length; n++) {
            List<Token> line = tokens(file, raw[n], n + 1);
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<Token> tokens(String file, String s, int lineNo) throws ScenarioError {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '{' || c == '}') {
                out.add(new Token(c == '{' ? Token.Kind.OPEN : Token.Kind.CLOSE, String.valueOf(c), lineNo, i + 1));
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new ScenarioError(file, lineNo, i + 1, "unterminated string: expected a closing '\"'");
                }
                out.add(new Token(Token.Kind.STRING, s.substring(i + 1, end), lineNo, i + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "{}\"#".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(Token.Kind.WORD, s.substring(start, i), lineNo, start + 1));
            }
        }
        return out;
    }
}
