package mmrace.engine.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact text form of a schedule: the index (creation order) of the context chosen at each
 * step, run-length encoded, e.g. {@code 0*3.1.0*2} for 0,0,0,1,0,0. With the program and its
 * options it determines an execution completely, so it is all {@code mmrace replay} needs.
 */
public final class Schedule {
    private Schedule() {
    }

    public static String encode(int[] choices) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < choices.length) {
            int j = i;
            while (j < choices.length && choices[j] == choices[i]) {
                j++;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(choices[i]);
            if (j - i > 1) {
                sb.append('*').append(j - i);
            }
            i = j;
        }
        return sb.toString();
    }

    /** Parses {@link #encode}'s form; throws IllegalArgumentException with the bad part. */
    public static int[] decode(String s) {
        List<Integer> out = new ArrayList<>();
        if (s.isBlank()) {
            return new int[0];
        }
        for (String part : s.trim().split("\\.")) {
            String[] rl = part.split("\\*");
            try {
                int v = Integer.parseInt(rl[0]);
                int n = rl.length > 1 ? Integer.parseInt(rl[1]) : 1;
                if (rl.length > 2 || v < 0 || n < 1) {
                    throw new NumberFormatException();
                }
                for (int k = 0; k < n; k++) {
                    out.add(v);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad schedule element '" + part
                        + "': expected INDEX or INDEX*COUNT, e.g. 0*3");
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many times the schedule switches away from a context that could have gone on. */
    public static int preemptions(int[] choices, List<int[]> enabledAtEachStep) {
        int n = 0;
        for (int i = 1; i < choices.length; i++) {
            if (choices[i] != choices[i - 1] && contains(enabledAtEachStep.get(i), choices[i - 1])) {
                n++;
            }
        }
        return n;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
