package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * move_pages(2) of one page of the caller's mm (mm/migrate.c, v5.6): find the page under the
 * mmap_lock with follow_page(FOLL_GET | FOLL_DUMP), isolate it from the LRU, then
 * migrate_pages() with MIGRATE_SYNC. The model has one node, so the page always moves (the
 * kernel skips a page already on the target node).
 */
public final class MovePages {
    private MovePages() {
    }

    static final int EFAULT = -14;
    static final int ENOENT = -2;
    static final int EBUSY = -16;
    static final int EACCES = -13;

    /**
     * do_move_pages_to_node() of the page at {@code addr}: 0 if it moved, else what failed
     * (-ENOENT no page, -EFAULT no VMA or the zero page, -EACCES mapped more than once without
     * MPOL_MF_MOVE_ALL, -EBUSY not on the LRU, or the number of pages migrate_pages() left).
     *
     * @see mm/migrate.c do_pages_move() add_page_for_migration() do_move_pages_to_node() (v5.6).
     *     Takes: mmap_lock for read around the lookup.
     */
    public static int movePage(Kernel k, MmStruct mm, long addr) {
        try (Fn f = Fn.enter(k.x, "do_pages_move")) {
            List<Page> pagelist = new ArrayList<>();
            int err = addPageForMigration(k, mm, addr, pagelist);
            if (err <= 0) {
                return err;
            }
            try (Fn g = Fn.enter(k.x, "do_move_pages_to_node")) {
                err = Migrate.migratePages(k, pagelist, Migrate.Mode.SYNC);
                if (err != 0) {
                    Migrate.putbackMovablePages(k, pagelist);
                }
                return err;
            }
        }
    }

    /**
     * add_page_for_migration(): 1 if the page was isolated onto {@code pagelist}. follow_page()'s
     * reference is dropped at the end either way ("Either remove the duplicate refcount from
     * isolate_lru_page() or drop the page ref if it was not isolated").
     */
    static int addPageForMigration(Kernel k, MmStruct mm, long addr, List<Page> pagelist) {
        try (Fn f = Fn.enter(k.x, "add_page_for_migration")) {
            mm.mmapLock.downRead();
            try {
                VmArea vma = mm.findVma(addr);
                if (vma == null || addr < vma.start()) {
                    return EFAULT;
                }
                Page page = Gup.followPageMask(k, vma, addr, Gup.FOLL_GET);
                if (page == null) {
                    return ENOENT;
                }
                if (page.isZeroPage()) {
                    return EFAULT; // FOLL_DUMP: "ignore special (like zero) pages"
                }
                int err;
                if (PageRef.pageMapcount(page) > 1) {
                    err = EACCES; // !migrate_all
                } else {
                    err = Vmscan.isolateLruPage(k, page) ? 1 : EBUSY;
                    if (err == 1) {
                        pagelist.add(page);
                    }
                }
                Gup.release(k, page, Gup.FOLL_GET); // put_page(page)
                return err;
            } finally {
                mm.mmapLock.upRead();
            }
        }
    }
}
