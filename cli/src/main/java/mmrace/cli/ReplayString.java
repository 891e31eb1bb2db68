package mmrace.cli;

import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.RcuFlavour;
import mmrace.engine.mem.MemoryModel;

/**
 * The string printed with every BUG: {@code TARGET;MODEL;RCU;SCHEDULE}, e.g.
 * {@code abba;sc;consolidated;0.1}. It names the run and its settings, then the schedule
 * (see {@code mmrace.engine.explore.Schedule}); with it, {@code mmrace replay} re-runs
 * exactly that execution.
 */
record ReplayString(String key, String model, RcuFlavour rcu, String schedule) {
    static ReplayString of(Run run, String schedule) {
        return new ReplayString(run.replayKey(), run.config().memoryModel().name(), run.config().rcu(), schedule);
    }

    static ReplayString parse(String s) throws BadInput {
        String[] f = s.split(";", -1);
        if (f.length != 4) {
            throw new BadInput("bad replay string '" + s + "': expected TARGET;MODEL;RCU;SCHEDULE as printed with a BUG");
        }
        RcuFlavour rcu;
        try {
            rcu = RcuFlavour.valueOf(f[2].toUpperCase().replace('-', '_').replace('.', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadInput("bad RCU flavour '" + f[2] + "' in replay string: expected consolidated or pre_4_20");
        }
        return new ReplayString(f[0], f[1], rcu, f[3]);
    }

    ExecConfig apply(ExecConfig base) throws BadInput {
        MemoryModel m = Models.byName(model);
        return base.withMemoryModel(m).withRcu(rcu);
    }

    @Override
    public String toString() {
        return key + ";" + model + ";" + rcu.name().toLowerCase() + ";" + schedule;
    }
}
