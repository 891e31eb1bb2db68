package mmrace.engine.weak;

import java.util.List;
import java.util.SplittableRandom;
import mmrace.engine.exec.Chooser;
import mmrace.engine.exec.ExecConfig;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;
import mmrace.engine.explore.Schedule;
import mmrace.engine.explore.Strategy;

/**
 * A random walk under a weak model: every scheduling and data choice uniformly at random,
 * speculative values from the values seen written so far. Contract: deterministic for a seed;
 * never covers the space (its verdict is at best NO BUG FOUND); inconsistent runs are dropped.
 */
final class WeakRandom implements Strategy, Chooser, Session {
    private final WeakModel model;
    private final SplittableRandom rnd;
    private final java.util.Map<Long, LongList> values = new java.util.HashMap<>();
    private final Seen seen = new Seen();
    private final StringBuilder data = new StringBuilder();

    WeakRandom(WeakModel model, long seed) {
        this.model = model;
        this.rnd = new SplittableRandom(seed);
    }

    @Override
    public ExecConfig configure(ExecConfig c) {
        return c.withMemoryModel(model.bind(this));
    }

    @Override
    public Chooser next() {
        data.setLength(0);
        return this;
    }

    @Override
    public Proc choose(Execution x, List<Proc> enabled) {
        return enabled.get(rnd.nextInt(enabled.size()));
    }

    @Override
    public int choose(int count) {
        int k = count == 0 ? -1 : rnd.nextInt(count);
        data.append(k).append(',');
        return k;
    }

    @Override
    public int chooseRead(long locKey, int forward, LongList spec, int readEvent, LongList banned) {
        if (model.speculation() != Speculation.NONE && values.containsKey(locKey)) {
            LongList v = values.get(locKey);
            for (int i = 0; i < v.size(); i++) {
                if (!banned.contains(v.get(i))) {
                    spec.add(v.get(i));
                }
            }
        }
        int count = forward + spec.size();
        int k = count == 0 ? -1 : rnd.nextInt(count);
        data.append(k < forward ? Integer.toString(k) : "=" + spec.get(k - forward)).append(',');
        return k;
    }

    @Override
    public void wrote(long locKey, long value) {
        LongList l = values.computeIfAbsent(locKey, k -> new LongList());
        if (!l.contains(value)) {
            l.add(value);
        }
    }

    @Override
    public boolean finish(Execution x, List<Candidate> candidates, String findings) {
        return seen.finish(candidates, findings, model.listener());
    }

    @Override
    public void finished(Execution x) {
    }

    @Override
    public boolean covered() {
        return false;
    }

    @Override
    public double progress() {
        return -1;
    }

    @Override
    public String schedule(int[] choices) {
        return Schedule.encode(choices) + "/" + data;
    }
}
