package mmrace.engine.exec;

/**
 * How an event touches one key (a memory location, a lock, a CPU's IRQ flag ...). Two accesses
 * to the same key conflict unless both are {@link #READ}, or both are shared-lock modes.
 *
 * <p>ACQUIRE and RELEASE are the blocking pair: an ACQUIRE may wait for a RELEASE of the same key
 * (a lock, an IRQ-enable, an IPI completion). The explorer does not try to reverse a RELEASE
 * and the ACQUIRE it enabled (the ACQUIRE could not have run first), and it looks past that
 * edge to the previous holder instead.
 */
public enum Mode {
    READ,
    WRITE,
    ACQUIRE,
    RELEASE,
    ACQUIRE_SHARED,
    RELEASE_SHARED;

    static final Mode[] VALUES = values();

    boolean shared() {
        return this == ACQUIRE_SHARED || this == RELEASE_SHARED;
    }

    boolean isRelease() {
        return this == RELEASE || this == RELEASE_SHARED;
    }

    boolean isAcquire() {
        return this == ACQUIRE || this == ACQUIRE_SHARED;
    }

    /** Whether two accesses to one key fail to commute. */
    public boolean conflicts(Mode other) {
        if (this == READ && other == READ) {
            return false;
        }
        return !(shared() && other.shared());
    }
}
