package mmrace.litmus.run;

import java.util.function.Function;
import mmrace.litmus.syntax.Location;
import mmrace.litmus.syntax.Prop;
import mmrace.litmus.syntax.Value;

/** Evaluates a proposition of a test's filter or condition on one final state. */
final class Conditions {
    private Conditions() {
    }

    static boolean holds(Prop p, Function<Location, Value> state) {
        return switch (p) {
            case Prop.True t -> true;
            case Prop.False f -> false;
            case Prop.Equals e -> state.apply(e.location()).equals(e.value());
            case Prop.SameValue s -> state.apply(s.left()).equals(state.apply(s.right()));
            case Prop.Not n -> !holds(n.operand(), state);
            case Prop.And a -> holds(a.left(), state) && holds(a.right(), state);
            case Prop.Or o -> holds(o.left(), state) || holds(o.right(), state);
            case Prop.Implies i -> !holds(i.left(), state) || holds(i.right(), state);
        };
    }
}
