package mmrace.cli;

import java.time.Duration;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.RcuFlavour;
import mmrace.engine.explore.ExploreOptions;
import mmrace.engine.explore.StrategyKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The exploration options shared by the commands that explore, grouped as in --help. */
final class ExploreMixin {
    static final class Search {
        @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "dpor",
                description = "dpor (exhaustive, optimal DPOR), pb (preemption-bounded, fewest preemptions first), "
                        + "all (every interleaving), random, pct. Default: ${DEFAULT-VALUE}.")
        String strategy;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of random and pct. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--pct-depth", paramLabel = "D", defaultValue = "3", description = "Bug depth pct aims at. Default: ${DEFAULT-VALUE}.")
        int pctDepth;

        @Option(names = "--max-preemptions", paramLabel = "N", defaultValue = "-1",
                description = "Largest preemption bound pb tries (-1: until the space is covered).")
        int maxPreemptions;

        @Option(names = "--no-minimize", description = "Report the first bug found instead of the one with the fewest preemptions.")
        boolean noMinimize;
    }

    static final class Budgets {
        @Option(names = "--max-executions", paramLabel = "N", defaultValue = "0", description = "Stop after N executions per run (0: no limit).")
        long maxExecutions;

        @Option(names = "--budget", paramLabel = "TIME", converter = Durations.class,
                description = "Stop each run after this long, e.g. 60s, 5m. The verdict then says how far it got.")
        Duration budget;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
                description = "Worker threads per run: dpor workers share one exploration tree, random and pct run independent seeds. Default: ${DEFAULT-VALUE}.")
        int jobs;
    }

    static final class Model {
        @Option(names = "--model", paramLabel = "NAME", defaultValue = "sc", description = "Memory model. Default: ${DEFAULT-VALUE}.")
        String model;

        @Option(names = "--rcu", paramLabel = "FLAVOUR", defaultValue = "consolidated",
                description = "RCU of the kernel modelled: consolidated (v4.20+) or pre-4.20. Default: ${DEFAULT-VALUE}.")
        String rcu;
    }

    @ArgGroup(validate = false, heading = "%nSearch:%n")
    Search search = new Search();

    @ArgGroup(validate = false, heading = "%nBudgets:%n")
    Budgets budgets = new Budgets();

    @ArgGroup(validate = false, heading = "%nModel:%n")
    Model model = new Model();

    ExecConfig execConfig() throws BadInput {
        RcuFlavour r = switch (model.rcu.toLowerCase()) {
            case "consolidated", "4.20+" -> RcuFlavour.CONSOLIDATED;
            case "pre-4.20", "pre_4_20" -> RcuFlavour.PRE_4_20;
            default -> throw new BadInput("unknown RCU flavour '" + model.rcu + "'; valid: consolidated, pre-4.20");
        };
        return ExecConfig.defaults().withMemoryModel(Models.byName(model.model)).withRcu(r);
    }

    ExploreOptions options(ExecConfig config) throws BadInput {
        StrategyKind k;
        try {
            k = StrategyKind.valueOf(search.strategy.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadInput("unknown strategy '" + search.strategy + "'; valid: dpor, pb, all, random, pct");
        }
        if (budgets.jobs < 1) {
            throw new BadInput("--jobs must be at least 1");
        }
        return ExploreOptions.defaults().withStrategy(k).withSeed(search.seed).withPctDepth(search.pctDepth)
                .withMaxPreemptions(search.maxPreemptions).withMaxExecutions(budgets.maxExecutions)
                .withBudget(budgets.budget).withJobs(budgets.jobs).withMinimize(!search.noMinimize).withExec(config);
    }
}
