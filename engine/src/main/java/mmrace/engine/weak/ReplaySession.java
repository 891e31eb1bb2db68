package mmrace.engine.weak;

import java.util.List;
import mmrace.engine.exec.Execution;

/**
 * The data choices of one recorded weak execution, as {@link WeakDfs#schedule} prints them
 * after the {@code /}: one item per choice, comma-separated; {@code k} picks alternative k,
 * {@code =v} a speculative read of value v.
 */
final class ReplaySession implements Session {
    private final String[] items;
    private int at;

    ReplaySession(String choices) {
        this.items = choices.isBlank() ? new String[0] : choices.split(",");
    }

    private String nextItem() {
        return at < items.length ? items[at++].trim() : null;
    }

    @Override
    public int choose(int count) {
        String s = nextItem();
        if (s == null || s.startsWith("=")) {
            return -1;
        }
        int k = Integer.parseInt(s);
        return k < count ? k : -1;
    }

    @Override
    public int chooseRead(long locKey, int forward, LongList spec, int readEvent, LongList banned) {
        String s = nextItem();
        if (s == null) {
            return -1;
        }
        if (s.startsWith("=")) {
            spec.add(Long.parseLong(s.substring(1)));
            return forward;
        }
        int k = Integer.parseInt(s);
        return k < forward ? k : -1;
    }

    @Override
    public void wrote(long locKey, long value) {
    }

    @Override
    public boolean finish(Execution x, List<Candidate> candidates, String findings) {
        return !candidates.isEmpty();
    }
}
