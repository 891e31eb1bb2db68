package mmrace.engine.exec;

import mmrace.engine.coro.Coroutines;
import mmrace.engine.mem.MemoryModel;

/**
 * Settings of one execution that a program cannot choose for itself.
 *
 * @param memoryModel how loads and stores behave (SC, TSO, LKMM ...)
 * @param rcu the RCU flavour of the modelled kernel version
 * @param maxSteps events after which an execution is reported as not terminating
 * @param coroutines which coroutine implementation runs the contexts
 */
public record ExecConfig(MemoryModel memoryModel, RcuFlavour rcu, int maxSteps, Coroutines.Kind coroutines) {
    public static ExecConfig defaults() {
        return new ExecConfig(MemoryModel.sc(), RcuFlavour.CONSOLIDATED, 100_000, Coroutines.defaultKind());
    }

    public ExecConfig withMemoryModel(MemoryModel m) {
        return new ExecConfig(m, rcu, maxSteps, coroutines);
    }

    public ExecConfig withRcu(RcuFlavour r) {
        return new ExecConfig(memoryModel, r, maxSteps, coroutines);
    }

    public ExecConfig withMaxSteps(int n) {
        return new ExecConfig(memoryModel, rcu, n, coroutines);
    }

    public ExecConfig withCoroutines(Coroutines.Kind k) {
        return new ExecConfig(memoryModel, rcu, maxSteps, k);
    }
}
