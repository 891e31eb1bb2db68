package mmrace.kernel.mm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Kernel;
import mmrace.kernel.LockClasses;

/**
 * The LRU lists of the one node (pgdat->lruvec, no memcg) and pgdat->lru_lock, taken with IRQs
 * off. A page is on a list iff PG_lru is set, both changed under the lock; reclaim takes pages
 * from the tail (the oldest), new pages go to the head.
 */
public final class Lruvec {
    /** enum lru_list. */
    public enum List { INACTIVE_ANON, ACTIVE_ANON, INACTIVE_FILE, ACTIVE_FILE, UNEVICTABLE;

        public boolean active() {
            return this == ACTIVE_ANON || this == ACTIVE_FILE;
        }

        public boolean file() {
            return this == INACTIVE_FILE || this == ACTIVE_FILE;
        }

        /** page_lru_base_type + active: the list a page belongs on. */
        public static List of(boolean file, boolean active) {
            return file ? (active ? ACTIVE_FILE : INACTIVE_FILE) : (active ? ACTIVE_ANON : INACTIVE_ANON);
        }
    }

    /** pgdat->lru_lock. */
    public final SpinLock lruLock;
    /** The lists, head first. guarded by: lru_lock. */
    private final Map<List, Deque<Page>> lists = new EnumMap<>(List.class);

    Lruvec(Kernel k) {
        this.lruLock = new SpinLock(k.x, "pgdat->lru_lock", LockClasses.LRU_LOCK);
        for (List l : List.values()) {
            lists.put(l, new ArrayDeque<>());
        }
    }

    /** add_page_to_lru_list(). Caller holds: lru_lock. */
    public void add(Page p, List l) {
        lruLock.assertHeld();
        lists.get(l).addFirst(p);
        p.lru = l;
    }

    /** add to the tail (putback of a page that stays old). Caller holds: lru_lock. */
    public void addTail(Page p, List l) {
        lruLock.assertHeld();
        lists.get(l).addLast(p);
        p.lru = l;
    }

    /** del_page_from_lru_list(). Caller holds: lru_lock. */
    public void del(Page p) {
        lruLock.assertHeld();
        if (p.lru != null) {
            lists.get(p.lru).remove(p);
            p.lru = null;
        }
    }

    /** The list's pages from the tail (oldest first). Caller holds: lru_lock. */
    public java.util.List<Page> fromTail(List l) {
        lruLock.assertHeld();
        java.util.List<Page> out = new ArrayList<>(lists.get(l));
        java.util.Collections.reverse(out);
        return out;
    }

    /** Setup only: put a page on a list directly. */
    public void addInSetup(Page p, List l) {
        lists.get(l).addFirst(p);
        p.lru = l;
    }

    public java.util.List<Page> forCheck(List l) {
        return java.util.List.copyOf(lists.get(l));
    }
}
