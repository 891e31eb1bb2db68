package mmrace.kernel.mm;

import mmrace.engine.mem.Order;

/** add_mm_counter() and friends: atomic_long on mm->rss_stat (include/linux/mm.h). */
public final class MmCounters {
    private MmCounters() {
    }

    public static void add(MmStruct mm, RssCounter c, long v) {
        mm.rss[c.ordinal()].rmw(Order.ONCE, "add_mm_counter(" + c + ")", o -> o + v);
    }

    public static void inc(MmStruct mm, RssCounter c) {
        mm.rss[c.ordinal()].rmw(Order.ONCE, "inc_mm_counter(" + c + ")", o -> o + 1);
    }

    public static void dec(MmStruct mm, RssCounter c) {
        mm.rss[c.ordinal()].rmw(Order.ONCE, "dec_mm_counter(" + c + ")", o -> o - 1);
    }
}
