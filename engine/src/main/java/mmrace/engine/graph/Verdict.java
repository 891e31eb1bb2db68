package mmrace.engine.graph;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A model's judgement of one execution.
 *
 * @param model       the model's name ({@link MemoryModelChecker#name()})
 * @param allowed     whether every axiom of the model holds
 * @param failedAxiom when forbidden, the name of the first failing axiom in the model file's order
 *                    (for LKMM the names of linux-kernel.cat / lock.cat: "coherence", "atomic",
 *                    "happens-before", "propagation", "rcu", "plain-coherence", "lock-nest", ...);
 *                    null when allowed
 * @param flags       when allowed, the model's flags raised by this execution (for LKMM
 *                    "data-race", "mixed-accesses", "unmatched-rcu-lock", ...); empty when forbidden,
 *                    as herd only reports flags of allowed executions
 * @param witness     when forbidden, events that show the failure: a cycle, in edge order, for an
 *                    acyclicity axiom; the reflexive event for an irreflexivity axiom; one offending
 *                    pair for an emptiness axiom. When allowed with LKMM's "data-race" flag: one
 *                    racing pair of accesses. Otherwise empty.
 */
public record Verdict(String model, boolean allowed, String failedAxiom, Set<String> flags, List<Integer> witness) {

    public Verdict {
        flags = Set.copyOf(flags);
        witness = List.copyOf(witness);
    }

    public static Verdict allow(String model, Set<String> flags) {
        return new Verdict(model, true, null, flags, List.of());
    }

    public static Verdict forbid(String model, String axiom, int... witness) {
        return new Verdict(model, false, axiom, Set.of(), witness == null ? List.of()
                : java.util.Arrays.stream(witness).boxed().toList());
    }

    public boolean flagged(String flag) {
        return flags.contains(flag);
    }

    /** A few lines for a person: the verdict and the witness events described against {@code g}. */
    public String explain(ExecutionGraph g) {
        StringBuilder sb = new StringBuilder(model).append(": ");
        if (allowed) {
            sb.append("allowed");
            if (!flags.isEmpty()) sb.append(", flags ").append(flags.stream().sorted().collect(Collectors.joining(", ")));
            if (!witness.isEmpty()) {
                sb.append("; racing accesses:");
                for (int e : witness) sb.append("\n  ").append(g.describe(e));
            }
            return sb.toString();
        }
        sb.append("forbidden by axiom ").append(failedAxiom);
        if (!witness.isEmpty()) {
            sb.append(witness.size() > 2 || (witness.size() == 2 && !witness.get(0).equals(witness.get(1)))
                    ? "; witness:" : "; at:");
            for (int e : witness) sb.append("\n  ").append(g.describe(e));
        }
        return sb.toString();
    }
}
