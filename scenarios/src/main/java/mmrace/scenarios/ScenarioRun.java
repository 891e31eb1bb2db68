package mmrace.scenarios;

import mmrace.engine.exec.ExecConfig;
import mmrace.engine.explore.Verdict;
import mmrace.kernel.world.MmWorld;

/**
 * One row of a scenario's matrix, ready to explore: the world, its execution config (the arch's
 * memory model, the RCU flavour), and what it must reach.
 */
public record ScenarioRun(Ast.Scenario scenario, Ast.RunDecl decl) {
    /** {@code arch/variants}, e.g. {@code arm64/MremapFlush=4.19}. */
    public String label() {
        return decl.label();
    }

    /** {@code path#label}: what {@code mmrace replay} finds the run by. */
    public String replayKey() {
        return scenario.path() + "#" + label();
    }

    public MmWorld world() {
        return Binder.world(scenario, decl);
    }

    /** {@code base} with this run's memory model (SC, or the arch's weak one with {@code config weakMemory 1}) and RCU flavour. */
    public ExecConfig config(ExecConfig base) {
        ExecConfig c = base.withMemoryModel(world().config().memoryModel());
        String rcu = decl.rcu() != null ? decl.rcu() : scenario.rcu();
        return rcu == null ? c : c.withRcu(Runs.flavour(rcu));
    }

    public Verdict expected() {
        return Verdict.valueOf(decl.expected());
    }

    /** The check the BUG must fail, or null if any. */
    public String expectedCheck() {
        return decl.check();
    }

    /** The exact number of executions a VERIFIED exploration must take, or 0 if not pinned. */
    public long expectedExecutions() {
        return decl.executions();
    }
}
