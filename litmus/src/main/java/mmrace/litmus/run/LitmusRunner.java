package mmrace.litmus.run;

import java.util.Map;
import java.util.SequencedSet;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Proc;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.mem.Loc;
import mmrace.engine.weak.Candidate;
import mmrace.engine.weak.WeakModel;
import mmrace.litmus.herd.FinalState;
import mmrace.litmus.herd.HerdOrder;
import mmrace.litmus.herd.HerdResult;
import mmrace.litmus.syntax.LitmusTest;
import mmrace.litmus.syntax.Location;
import mmrace.litmus.syntax.Value;

/**
 * Runs a litmus test exhaustively on the engine under a weak model and gathers what herd7
 * prints: every candidate execution the model allows is one execution; those the filter keeps
 * are positive or negative by the condition's proposition; their final states, restricted to
 * the observed locations, are the states; the model's flags (data-race) are collected.
 */
public final class LitmusRunner {
    /** herd7's default loop unrolling bound. */
    public static final int DEFAULT_UNROLL = 2;

    private LitmusRunner() {
    }

    /** Runs with herd7's loop bound and complete speculation ({@link mmrace.engine.weak.Speculation#DOMAIN}). */
    public static LitmusOutcome run(LitmusTest t, WeakModel model) {
        return run(t, model.withSpeculation(mmrace.engine.weak.Speculation.DOMAIN), DEFAULT_UNROLL);
    }

    /** @throws LitmusRunException if no execution could run to its end because of an error in the test */
    public static LitmusOutcome run(LitmusTest t, WeakModel model, int unroll) {
        LitmusProgram program = new LitmusProgram(t, unroll);
        Collector c = new Collector(t, program.layout());
        WeakModel m = model.withListener(c::add).withDataRaces(false).withStaleReads(-1);
        ExploreOptions o = ExploreOptions.defaults().withMinimize(false)
                .withExec(ExecConfig.defaults().withMemoryModel(m).withMaxSteps(10_000));
        ExploreResult r = Explorer.explore(program, o);
        if (c.executions == 0 && program.state.error != null) {
            throw program.state.error;
        }
        HerdResult h = HerdResult.of(t, c.states, c.positive, c.negative).withFlags(c.flags)
                .withSeconds(r.time().toNanos() / 1e9).withAnomalies(false, program.state.unrolled);
        return new LitmusOutcome(h, c.executions, r.executions() + r.abandoned(), r.time());
    }

    /** Turns candidates into states and counts. */
    private static final class Collector {
        final LitmusTest test;
        final Layout layout;
        final SortedSet<FinalState> states = new TreeSet<>();
        final SortedSet<String> flags = new TreeSet<>();
        long positive;
        long negative;
        long executions;

        Collector(LitmusTest test, Layout layout) {
            this.test = test;
            this.layout = layout;
        }

        void add(Candidate c) {
            if (!c.complete() || c.execution().attachment(World.class, () -> null).cut) {
                return; // stopped by a deadlock or a fault, or cut by the unrolling: not one of herd7's
            }
            executions++;
            Function<Location, Value> state = l -> value(c, l);
            if (test.filter().isPresent() && !Conditions.holds(test.filter().get(), state)) {
                return;
            }
            if (Conditions.holds(test.condition().prop(), state)) {
                positive++;
            } else {
                negative++;
            }
            SequencedSet<Location> observed = test.observedLocations();
            Map<Location, Value> values = new TreeMap<>(HerdOrder.LOCATIONS);
            for (Location l : observed) {
                values.put(l, state.apply(l));
            }
            states.add(FinalState.of(values));
            flags.addAll(c.verdict().flags());
        }

        private Value value(Candidate c, Location l) {
            if (l instanceof Location.Register r) {
                Proc p = c.execution().procs().get(r.process());
                Long v = p.registers().get(r.name());
                return layout.show(v == null ? 0 : v);
            }
            World w = c.execution().attachment(World.class, () -> null);
            long address = layout.address(l);
            Loc loc = w.loc(address);
            return loc == null ? Value.of(0) : layout.show(c.finalValue(loc));
        }
    }
}
