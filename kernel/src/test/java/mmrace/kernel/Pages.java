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
        // A kernel thread has no mm of its own: use the one its CPU has loaded (lazily).
        mmrace.kernel.mm.MmStruct mm = t.mm() != null ? t.mm() : t.kernel().tlb().loadedMm();
        long pte = PageTableScan.pteAt(t.kernel(), mm, addr);
        return Pte.present(pte) ? t.kernel().pages.page(Pte.pfn(pte)) : null;
    }

    static Page at(mmrace.kernel.Kernel k, mmrace.kernel.mm.MmStruct mm, long addr) {
        long pte = PageTableScan.pteAt(k, mm, addr);
        return Pte.present(pte) ? k.pages.page(Pte.pfn(pte)) : null;
    }

    static long pte(Task t, long addr) {
        return PageTableScan.pteAt(t.kernel(), t.mm(), addr);
    }
}
