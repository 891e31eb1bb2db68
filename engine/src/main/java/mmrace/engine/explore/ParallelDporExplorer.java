package mmrace.engine.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Finding;
import mmrace.engine.exec.ProcNames;
import mmrace.engine.exec.Program;

/**
 * Runs {@link ParallelDpor} with one worker thread per job. Each execution still runs on one
 * thread from start to end, so it stays deterministic and replayable; only the order in which
 * branches are explored depends on timing.
 */
final class ParallelDporExplorer {
    private ParallelDporExplorer() {
    }

    static ExploreResult explore(Program program, ExploreOptions o) {
        ParallelDpor tree = new ParallelDpor();
        ProcNames names = new ProcNames();
        AtomicLong executions = new AtomicLong();
        AtomicLong abandoned = new AtomicLong();
        AtomicLong events = new AtomicLong();
        long start = System.nanoTime();
        long deadline = o.budget() == null ? Long.MAX_VALUE : start + o.budget().toNanos();
        Object results = new Object();
        Counterexample[] bug = new Counterexample[1];
        Map<String, Counterexample> other = new LinkedHashMap<>();
        Set<String> states = o.collectStates() ? new TreeSet<>() : null;
        String[] stoppedBy = new String[1];
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < o.jobs(); w++) {
            workers.add(Thread.ofPlatform().name("mmrace-dpor-" + w).start(() -> {
                try {
                    ParallelDpor.Walk walk;
                    while ((walk = tree.claim()) != null) {
                        Execution x = new Execution(program, o.exec(), names);
                        RecordingChooser rc = new RecordingChooser(walk);
                        Execution.Status status = x.run(rc);
                        tree.finished(walk, x);
                        events.addAndGet(x.events().size());
                        if (status == Execution.Status.ABANDONED) {
                            abandoned.incrementAndGet();
                            continue;
                        }
                        long n = executions.incrementAndGet();
                        synchronized (results) {
                            if (states != null && status == Execution.Status.COMPLETE) {
                                states.add(x.finalState());
                            }
                            for (Finding f : x.findings()) {
                                if (!f.kind().fatal && !other.containsKey(f.check())) {
                                    other.put(f.check(), new Counterexample(x, Schedule.encode(rc.choices()),
                                            rc.preemptions()));
                                }
                            }
                            if ((status == Execution.Status.BUG || status == Execution.Status.DEADLOCK) && bug[0] == null) {
                                bug[0] = new Counterexample(x, Schedule.encode(rc.choices()), rc.preemptions());
                                tree.stop();
                            }
                            String why = o.cancel().get() ? "interrupted" : System.nanoTime() > deadline ? "budget"
                                    : o.maxExecutions() > 0 && n >= o.maxExecutions() ? "max-executions" : null;
                            if (why != null && stoppedBy[0] == null && bug[0] == null) {
                                stoppedBy[0] = why;
                                tree.stop();
                            }
                        }
                        if (o.progress() != null && n % 1000 == 0) {
                            o.progress().progress(n, events.get(), System.nanoTime() - start, -1);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tree.stop();
            }
        }
        boolean complete = bug[0] == null && stoppedBy[0] == null && tree.covered();
        return new ExploreResult(Explorer.verdict(bug[0], other, complete), StrategyKind.DPOR, executions.get(),
                abandoned.get(), events.get(), Duration.ofNanos(System.nanoTime() - start), complete, stoppedBy[0],
                bug[0], new ArrayList<>(other.values()), states);
    }
}
