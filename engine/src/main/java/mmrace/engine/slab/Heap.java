package mmrace.engine.slab;

import java.util.HashMap;
import java.util.Map;

/** The objects of one execution by address, so a pointer value read from memory can be followed. */
public final class Heap {
    private final Map<Long, SlabObject> byAddr = new HashMap<>();

    void register(SlabObject o) {
        byAddr.put(o.addr, o);
    }

    /**
     * The object at {@code addr} (tag bits below 16 ignored: objects are 16-byte aligned), or null for NULL. A stale pointer
     * still finds its object: touching a field of a freed one is what KASAN reports.
     */
    public <T extends SlabObject> T deref(long addr, Class<T> type) {
        if ((addr & ~0xfL) == 0) {
            return null;
        }
        SlabObject o = byAddr.get(addr & ~0xfL);
        if (o == null) {
            throw new IllegalStateException("wild pointer 0x" + Long.toHexString(addr));
        }
        return type.cast(o);
    }
}
