package mmrace.engine.weak;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Program;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.mem.Loc;
import mmrace.engine.sync.Barriers;
import org.junit.jupiter.api.Test;

class WeakSmokeTest {
    static Program sb(boolean mb) {
        return x -> {
            Loc a = new Loc(x, "x", 0);
            Loc b = new Loc(x, "y", 0);
            x.cpu(() -> { a.writeOnce(1); if (mb) Barriers.smpMb(x); x.record("r0", b.readOnce()); });
            x.cpu(() -> { b.writeOnce(1); if (mb) Barriers.smpMb(x); x.record("r0", a.readOnce()); });
        };
    }

    static Program lb() {
        return x -> {
            Loc a = new Loc(x, "x", 0);
            Loc b = new Loc(x, "y", 0);
            x.cpu(() -> { x.record("r0", a.readOnce()); b.writeOnce(1); });
            x.cpu(() -> { x.record("r0", b.readOnce()); a.writeOnce(1); });
        };
    }

    static void run(String name, Program p, WeakModel m) {
        List<String> cands = new ArrayList<>();
        WeakModel mm = m.withListener(c -> cands.add(c.execution().finalState()));
        ExploreResult r = Explorer.explore(p, ExploreOptions.defaults().withCollectStates(true)
                .withExec(ExecConfig.defaults().withMemoryModel(mm)));
        System.out.println(name + " " + m.name() + ": " + r.verdict() + " execs=" + r.executions() + " abandoned="
                + r.abandoned() + " cands=" + cands.size() + " states=" + new TreeSet<>(cands));
    }

    @Test
    void smoke() {
        for (WeakModel m : List.of(WeakModel.sc(), WeakModel.tso(), WeakModel.lkmm())) {
            run("SB", sb(false), m);
            run("SB+mb", sb(true), m);
            run("LB", lb(), m);
        }
    }
}
