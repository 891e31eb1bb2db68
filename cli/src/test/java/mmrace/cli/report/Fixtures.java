package mmrace.cli.report;

import java.util.List;
import mmrace.cli.ResultRecord;
import mmrace.cli.Run;
import mmrace.engine.exec.Program;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.explore.Explorer;
import mmrace.engine.samples.Samples;

/** Results as a results file would hold them: explored, written as records, read back. */
final class Fixtures {
    private Fixtures() {
    }

    static String record(Run run) {
        ExploreOptions o = ExploreOptions.defaults().withExec(run.config());
        ExploreResult r = Explorer.explore(run.program(), o);
        return ResultRecord.json(run, r, o);
    }

    static Result result(Run run) {
        return Result.parse(record(run), run.title());
    }

    static Result showcase() {
        return result(Showcase.run("pgtable-walk", Showcase.program()));
    }

    static Result sample(String name) {
        var s = Samples.byName(name).orElseThrow();
        return result(new Run(s.name(), "", s.name(), s.program(), mmrace.engine.exec.ExecConfig.defaults(),
                s.expected(), s.executions()));
    }

    /** The showcase, abba (deadlock and lock order), uaf, and a VERIFIED twin. */
    static List<Result> runSet() {
        return List.of(showcase(), sample("abba"), sample("uaf"), sample("uaf-call-rcu"));
    }

    static Program hostile(String name, String fn, String lock) {
        return Showcase.program(name, fn, lock);
    }
}
