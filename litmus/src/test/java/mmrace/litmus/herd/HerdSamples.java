package mmrace.litmus.herd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mmrace.litmus.syntax.LitmusParser;
import mmrace.litmus.syntax.LitmusSyntaxException;
import mmrace.litmus.syntax.LitmusTest;
import mmrace.litmus.syntax.Location;
import mmrace.litmus.syntax.Value;

/** Reads the herd7 samples of {@code src/test/resources/herd/}. */
final class HerdSamples {

    /** A sample: the test and herd7's output for it. */
    record Sample(String name, LitmusTest test, String output) {
    }

    static final List<String> NAMES = List.of(
            "SB+fencembonceonces",
            "MP+pooncerelease+poacquireonce",
            "MP+pooncerelease+poacquireonce-init42",
            "LB+fencembonceonce+ctrlonceonce",
            "SB+rfionceonce-poonceonces",
            "SB+rfionceonce-poonceonces-locations",
            "C-SB+l-o-o-u+l-o-o-u-X",
            "C-SB+l-o-o-u+l-o-o-u-X-x2",
            "MP+onceassign+derefonce");

    private HerdSamples() {
    }

    static Sample load(String name) throws IOException, LitmusSyntaxException {
        String litmus = resource("/herd/" + name + ".litmus");
        String out = resource("/herd/" + name + ".out");
        return new Sample(name, LitmusParser.parse("herd/" + name + ".litmus", litmus), out);
    }

    static String resource(String path) throws IOException {
        try (InputStream in = HerdSamples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Rebuilds, from herd7's output, the result herd7 printed: the states (in reverse order, so
     * that the printer has to sort them), the counts of the Observation line, the time and hash.
     */
    static HerdResult resultFromOutput(LitmusTest test, String output) {
        String[] lines = output.split("\n");
        int n = Integer.parseInt(lines[1].substring("States ".length()));
        List<FinalState> states = new ArrayList<>();
        for (int i = n + 1; i >= 2; i--) {
            states.add(parseState(lines[i]));
        }
        long pos = 0;
        long neg = 0;
        double seconds = 0;
        Optional<String> hash = Optional.empty();
        for (String line : lines) {
            String[] w = line.split(" ");
            if (line.startsWith("Observation ")) {
                pos = Long.parseLong(w[3]);
                neg = Long.parseLong(w[4]);
            } else if (line.startsWith("Time ")) {
                seconds = Double.parseDouble(w[2]);
            } else if (line.startsWith("Hash=")) {
                hash = Optional.of(line.substring("Hash=".length()));
            }
        }
        return HerdResult.of(test, states, pos, neg).withSeconds(seconds).withHash(hash);
    }

    /** Parses a state line such as {@code 0:r0=1; x=2; 1:r0=y;}. */
    static FinalState parseState(String line) {
        Map<Location, Value> m = new LinkedHashMap<>();
        for (String item : line.split(" ")) {
            String[] kv = item.substring(0, item.length() - 1).split("=");
            Location loc = kv[0].contains(":")
                    ? new Location.Register(Integer.parseInt(kv[0].split(":")[0]), kv[0].split(":")[1])
                    : new Location.Global(kv[0]);
            Value v = kv[1].matches("-?[0-9]+") ? Value.of(Long.parseLong(kv[1])) : Value.addressOf(kv[1]);
            m.put(loc, v);
        }
        return FinalState.of(m);
    }
}
