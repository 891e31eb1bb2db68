package mmrace.kernel;

import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.PageTableScan;
import mmrace.kernel.mm.Pte;
import mmrace.kernel.world.Task;

/** Test helpers: the page a task's mm maps at an address, read without events. */
final class Pages {
    private Pages() {
    }

    static Page at(Task t, long addr) {
        long pte = PageTableScan.pteAt(t.kernel(), t.mm(), addr);
        return Pte.present(pte) ? t.kernel().pages.page(Pte.pfn(pte)) : null;
    }

    static long pte(Task t, long addr) {
        return PageTableScan.pteAt(t.kernel(), t.mm(), addr);
    }
}
