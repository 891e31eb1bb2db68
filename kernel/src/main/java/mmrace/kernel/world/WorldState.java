package mmrace.kernel.world;

import java.util.Map;
import mmrace.engine.exec.FindingKind;
import mmrace.kernel.Kernel;
import mmrace.kernel.mm.Inode;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.PageTableScan;
import mmrace.kernel.mm.Pte;

/** The world's objects by name, for scenario checks and tests that look at the final state. */
public final class WorldState {
    public final Kernel k;
    final Map<String, MmStruct> mms;
    final Map<String, Inode> inodes;

    WorldState(Kernel k, Map<String, MmStruct> mms, Map<String, Inode> inodes) {
        this.k = k;
        this.mms = mms;
        this.inodes = inodes;
    }

    public MmStruct mm(String process) {
        return mms.get(process);
    }

    public Inode inode(String file) {
        return inodes.get(file);
    }

    /** The PTE of {@code process} at {@code addr} (0 if none), read without an event. */
    public long pte(String process, long addr) {
        return PageTableScan.pteAt(k, mms.get(process), addr);
    }

    /** The page mapped at {@code addr}, or null. */
    public Page pageAt(String process, long addr) {
        long pte = pte(process, addr);
        return Pte.present(pte) ? k.pages.page(Pte.pfn(pte)) : null;
    }

    /** Fails {@code check} unless {@code ok}. */
    public void check(boolean ok, String check, String message) {
        if (!ok) {
            throw k.x.fail(FindingKind.CHECK, check, message);
        }
    }
}
