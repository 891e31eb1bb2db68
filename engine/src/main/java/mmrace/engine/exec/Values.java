package mmrace.engine.exec;

/** How values appear in traces: small numbers in decimal, large ones (pointers) in hex. */
public final class Values {
    private Values() {
    }

    public static String show(long v) {
        if (v >= -4096 && v <= 4096) {
            return Long.toString(v);
        }
        return "0x" + Long.toHexString(v);
    }
}
