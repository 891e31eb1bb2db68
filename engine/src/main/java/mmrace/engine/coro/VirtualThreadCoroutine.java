package mmrace.engine.coro;

import java.util.concurrent.SynchronousQueue;

/**
 * The fallback coroutine: a virtual thread that hands control back and forth with the caller
 * through two rendezvous, so exactly one of them runs at a time (about 600 ns a switch).
 * Used when {@code jdk.internal.vm} is not exported to us.
 */
final class VirtualThreadCoroutine implements Coroutine {
    private static final Object TOKEN = new Object();
    private static final ThreadLocal<VirtualThreadCoroutine> CURRENT = new ThreadLocal<>();

    private final SynchronousQueue<Object> toBody = new SynchronousQueue<>();
    private final SynchronousQueue<Object> toCaller = new SynchronousQueue<>();
    private final Runnable body;
    private Thread thread;
    private volatile boolean done;
    private volatile boolean abandoned;
    private Throwable failure;

    VirtualThreadCoroutine(Runnable body) {
        this.body = body;
    }

    @Override
    public void resume() {
        if (done) {
            throw new IllegalStateException("coroutine already finished");
        }
        if (thread == null) {
            thread = Thread.ofVirtual().name("mmrace-cpu").unstarted(this::runBody);
            thread.start();
        } else {
            put(toBody);
        }
        take(toCaller);
    }

    private void runBody() {
        CURRENT.set(this);
        try {
            body.run();
        } catch (Abandoned a) {
            return;
        } catch (Throwable t) {
            failure = t;
        } finally {
            done = true;
        }
        put(toCaller);
    }

    void pause() {
        put(toCaller);
        take(toBody);
        if (abandoned) {
            throw new Abandoned();
        }
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public void abandon() {
        if (thread != null && !done) {
            abandoned = true;
            put(toBody);
        }
    }

    static VirtualThreadCoroutine current() {
        return CURRENT.get();
    }

    private static void put(SynchronousQueue<Object> q) {
        try {
            q.put(TOKEN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void take(SynchronousQueue<Object> q) {
        try {
            q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unwinds an abandoned body without running the rest of it. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }
}
