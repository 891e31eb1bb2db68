package mmrace.engine.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import mmrace.engine.exec.ProcNames;
import mmrace.engine.exec.Program;

/**
 * Random strategies on several cores: each worker runs the same strategy with its own seed
 * (seed + worker number), all stop when one finds a bug or the shared budget runs out.
 * Each execution still runs on one thread, so each stays deterministic and replayable.
 */
final class ParallelExplorer {
    private ParallelExplorer() {
    }

    static ExploreResult explore(Program program, ExploreOptions o) {
        int jobs = o.jobs();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong total = new AtomicLong();
        long perWorker = o.maxExecutions() == 0 ? 0 : Math.max(1, o.maxExecutions() / jobs);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "mmrace-worker");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        List<Future<ExploreResult>> futures = new ArrayList<>();
        for (int w = 0; w < jobs; w++) {
            int worker = w;
            ExploreOptions wo = o.withJobs(1).withMaxExecutions(perWorker).withCancel(stop).withMinimize(false)
                    .withProgress(worker == 0 && o.progress() != null
                            ? (e, ev, ns, f) -> o.progress().progress(total.get(), ev * jobs, ns, f) : null);
            futures.add(pool.submit(() -> {
                ExploreResult r = Explorer.loop(program, wo, Explorer.strategyFor(o, worker), new ProcNames());
                total.addAndGet(r.executions());
                if (r.counterexample() != null) {
                    stop.set(true);
                }
                return r;
            }));
        }
        Thread watcher = Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get()) {
                if (o.cancel().get()) {
                    stop.set(true);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<ExploreResult> results = new ArrayList<>();
        try {
            for (Future<ExploreResult> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("a worker failed", e);
        } finally {
            stop.set(true);
            watcher.interrupt();
            pool.shutdownNow();
        }
        return merge(o, results, Duration.ofNanos(System.nanoTime() - start));
    }

    private static ExploreResult merge(ExploreOptions o, List<ExploreResult> results, Duration time) {
        long executions = 0;
        long abandoned = 0;
        long events = 0;
        Counterexample bug = null;
        List<Counterexample> other = new ArrayList<>();
        Set<String> states = o.collectStates() ? new TreeSet<>() : null;
        String stoppedBy = null;
        for (ExploreResult r : results) {
            executions += r.executions();
            abandoned += r.abandoned();
            events += r.events();
            if (bug == null && r.counterexample() != null) {
                bug = r.counterexample();
            }
            other.addAll(r.otherFindings());
            if (states != null && r.finalStates() != null) {
                states.addAll(r.finalStates());
            }
            if (r.stoppedBy() != null && !"interrupted".equals(r.stoppedBy())) {
                stoppedBy = r.stoppedBy();
            }
        }
        if (bug == null && o.cancel().get()) {
            stoppedBy = "interrupted";
        }
        Verdict v = bug != null ? Verdict.BUG : !other.isEmpty() ? Verdict.BUG : Verdict.NO_BUG_FOUND;
        return new ExploreResult(v, o.strategy(), executions, abandoned, events, time, false, stoppedBy, bug, other,
                states);
    }
}
