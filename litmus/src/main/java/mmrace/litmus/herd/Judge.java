package mmrace.litmus.herd;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the kernel's {@code tools/memory-model/scripts/judgelitmus.sh} decides, given a test's
 * source and the herd7 output for it: the first {@code " * Result: WORD"} line of the test
 * names the expected outcome; {@code DEADLOCK} wants an {@code Observation} line ending in
 * {@code Never 0 0}; {@code Maybe} accepts anything; otherwise the {@code Observation} line must
 * contain the word. A test without a Result: line is judged against the word
 * {@code specified}, as the script does (which no output contains).
 */
public final class Judge {
    /** The script's judgement. */
    public enum Outcome { OK, MISMATCH, NO_OBSERVATION }

    private static final Pattern RESULT = Pattern.compile("(?m)^ \\* Result: (.*)$");

    private Judge() {
    }

    /** {@return the expected outcome written in the test, e.g. {@code Never}, if there is one} */
    public static Optional<String> expected(String litmusSource) {
        Matcher m = RESULT.matcher(litmusSource);
        if (!m.find()) {
            return Optional.empty();
        }
        // awk '{ print $3 }' of the whole line: " * Result: WORD ..." -> WORD
        String[] f = (" * Result: " + m.group(1)).trim().split("\\s+");
        return Optional.of(f.length > 2 ? f[2] : "");
    }

    /** {@return the judgement of herd7's output {@code herdOutput} for the test {@code litmusSource}} */
    public static Outcome judge(String litmusSource, String herdOutput) {
        String outcome = expected(litmusSource).orElse("specified");
        String observation = null;
        for (String line : herdOutput.split("\n")) {
            if (line.startsWith("Observation")) {
                observation = line;
                break;
            }
        }
        if (observation == null) {
            return Outcome.NO_OBSERVATION;
        }
        if (outcome.equals("DEADLOCK")) {
            return observation.endsWith("Never 0 0") ? Outcome.OK : Outcome.MISMATCH;
        }
        return observation.contains(outcome) || outcome.equals("Maybe") ? Outcome.OK : Outcome.MISMATCH;
    }
}
