package mmrace.litmus.syntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and checks a C litmus test. Sections are split as herd7 does, each parsed in its own
 * sub-language (see the package documentation), then {@link NameChecker} resolves every name.
 *
 * <pre>{@code
 * try {
 *     LitmusTest t = LitmusParser.parse(Path.of("SB+poonceonces.litmus"));
 * } catch (LitmusSyntaxException e) {
 *     System.err.println(e.getMessage());   // FILE:LINE:COLUMN: error: ...
 * }
 * }</pre>
 */
public final class LitmusParser {

    private LitmusParser() {
    }

    /**
     * Reads and parses a litmus file; diagnostics name the file as {@code file.toString()}.
     *
     * @param file the file
     * @return the checked test
     * @throws IOException            if the file cannot be read
     * @throws LitmusSyntaxException  if the test is malformed
     */
    public static LitmusTest parse(Path file) throws IOException, LitmusSyntaxException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses a litmus test held in a string.
     *
     * @param file the file name to use in diagnostics
     * @param text the test's text
     * @return the checked test
     * @throws LitmusSyntaxException if the test is malformed
     */
    public static LitmusTest parse(String file, String text) throws LitmusSyntaxException {
        SourceText src = new SourceText(file, text);
        HeaderParser.Header header = new HeaderParser(src).parse();
        int initClose = initClose(src, header.initOpen());
        List<InitEntry> init = new InitParser(
                Lexer.lex(src, Lexer.Mode.STATE, header.initOpen() + 1, initClose, "'}'")).parse();
        Lexer.ProgramScan program = Lexer.lexProgram(src, initClose + 1);
        List<Process> processes = new ProgramParser(program.tokens()).parse();
        List<Token> finalTokens = Lexer.lex(src, Lexer.Mode.STATE, program.end(), src.length(), "end of file");
        FinalParser.Result fin = new FinalParser(finalTokens).parse();
        LitmusTest test = new LitmusTest(file, header.name(), header.doc(), header.info(), init, processes,
                fin.locations(), fin.filter(), fin.condition());
        test = ImplicitRegisters.add(test);
        NameChecker.check(test, locationPositions(finalTokens, fin.locations().size()));
        return test;
    }

    /** The initial state ends at the first closing brace outside comments, as in herd7. */
    private static int initClose(SourceText src, int open) throws LitmusSyntaxException {
        int level = 0;
        for (int i = open + 1; i < src.length(); i++) {
            if (src.startsWith("(*", i)) {
                level++;
                i++;
            } else if (level > 0 && src.startsWith("*)", i)) {
                level--;
                i++;
            } else if (level == 0 && src.at(i) == '}') {
                return i;
            }
        }
        throw src.error(open, "the initial state's '{' has no matching '}'");
    }

    /** Positions of the entries of {@code locations [...]}, for diagnostics. */
    private static List<SourcePos> locationPositions(List<Token> tokens, int count) {
        List<SourcePos> out = new ArrayList<>();
        if (count == 0) {
            return out;
        }
        int i = 0;
        while (!tokens.get(i).is(TokenKind.LBRACKET)) {
            i++;
        }
        boolean expectStart = true;
        for (i = i + 1; out.size() < count; i++) {
            Token t = tokens.get(i);
            if (t.is(TokenKind.SEMI)) {
                expectStart = true;
            } else if (expectStart) {
                out.add(t.pos());
                expectStart = false;
            }
        }
        return out;
    }
}
