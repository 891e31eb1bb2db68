package mmrace.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C handling: the first SIGINT asks the running exploration to stop, so the command can
 * still print a partial verdict; a second one exits at once.
 */
final class Interruption implements AutoCloseable {
    private final AtomicBoolean flag = new AtomicBoolean();
    private SignalHandler previous;

    static Interruption install() {
        Interruption i = new Interruption();
        try {
            i.previous = Signal.handle(new Signal("INT"), sig -> {
                if (i.flag.getAndSet(true)) {
                    System.exit(130);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform or it is reserved: Ctrl-C then just ends the JVM.
        }
        return i;
    }

    AtomicBoolean flag() {
        return flag;
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(new Signal("INT"), previous);
        }
    }
}
