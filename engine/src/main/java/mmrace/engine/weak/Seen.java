package mmrace.engine.weak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a weak exploration has counted: each distinct candidate execution once, and each run
 * once per distinct set of candidates and findings, so that repeats (a restarted search, two
 * schedules of independent synchronization) are abandoned rather than counted. Keys are kept
 * as 128-bit digests.
 */
final class Seen {
    private record Digest(long hi, long lo) {
    }

    private final Set<Digest> candidates = new HashSet<>();
    private final Set<Digest> runs = new HashSet<>();
    /** Distinct candidate executions (herd's executions). */
    long distinctCandidates;
    /** Runs the model forbade (no consistent completion). */
    long inconsistent;
    /** Runs that repeated a counted one. */
    long repeats;
    /** Runs cut short by sleep sets. */
    long sleepBlocked;

    boolean finish(List<Candidate> found, String findings, CandidateListener listener) {
        if (found.isEmpty()) {
            inconsistent++;
            return false;
        }
        List<String> keys = new ArrayList<>();
        for (Candidate c : found) {
            keys.add(c.key());
            if (candidates.add(digest(c.key()))) {
                distinctCandidates++;
                if (listener != null) {
                    listener.candidate(c);
                }
            }
        }
        if (!runs.add(digest(String.join("|", keys) + "|" + findings))) {
            repeats++;
            return false;
        }
        return true;
    }

    private static Digest digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = hi << 8 | (d[i] & 0xff);
                lo = lo << 8 | (d[i + 8] & 0xff);
            }
            return new Digest(hi, lo);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
