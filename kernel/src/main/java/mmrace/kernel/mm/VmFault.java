package mmrace.kernel.mm;

import mmrace.engine.mem.Loc;

/** struct vm_fault, and the VM_FAULT_* / FAULT_FLAG_* bits (include/linux/mm.h, mm_types.h, v5.6). */
public final class VmFault {
    public static final int VM_FAULT_OOM = 0x1;
    public static final int VM_FAULT_SIGBUS = 0x2;
    public static final int VM_FAULT_MAJOR = 0x4;
    public static final int VM_FAULT_WRITE = 0x8;
    public static final int VM_FAULT_SIGSEGV = 0x40;
    public static final int VM_FAULT_NOPAGE = 0x100;
    public static final int VM_FAULT_LOCKED = 0x200;
    public static final int VM_FAULT_RETRY = 0x400;
    public static final int VM_FAULT_ERROR = VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV;

    public static final int FAULT_FLAG_WRITE = 0x1;
    public static final int FAULT_FLAG_REMOTE = 0x80;

    public final VmArea vma;
    /** Faulting address, page aligned. */
    public final long address;
    public int flags;
    /** Logical page offset based on vma. */
    public final long pgoff;
    /** Pointer to the pmd entry matching the address. */
    public final Loc pmd;
    /** The PTE table and index, once mapped (vmf->pte); null before. */
    public PteTable table;
    public int index;
    /** Value of the PTE at the time of the fault. */
    public long origPte;
    /** The page a ->fault handler returned, or the page do_wp_page works on. */
    public Page page;
    /** The page allocated for a private file mapping's copy-on-write. */
    public Page cowPage;

    VmFault(VmArea vma, long address, int flags, long pgoff, Loc pmd) {
        this.vma = vma;
        this.address = address;
        this.flags = flags;
        this.pgoff = pgoff;
        this.pmd = pmd;
    }

    boolean write() {
        return (flags & FAULT_FLAG_WRITE) != 0;
    }

    /** pte_unmap_unlock(vmf->pte, vmf->ptl). */
    void unlock() {
        table.ptl.unlock();
    }

    /** vmf->pte = pte_offset_map_lock(...): false if the PMD is no longer a table. */
    boolean mapLock(mmrace.kernel.Kernel k) {
        Pgtable.PteRef r = Pgtable.pteOffsetMapLock(k, vma.mm, pmd, address);
        if (r == null) {
            return false;
        }
        table = r.table();
        index = r.index();
        return true;
    }

    long pte() {
        return table.get(index);
    }

    public static String describe(int ret) {
        if (ret == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        String[] names = {"OOM", "SIGBUS", "MAJOR", "WRITE", "HWPOISON", "HWPOISON_LARGE", "SIGSEGV", "", "NOPAGE",
                "LOCKED", "RETRY"};
        for (int i = 0; i < names.length; i++) {
            if ((ret & (1 << i)) != 0 && !names[i].isEmpty()) {
                sb.append(sb.isEmpty() ? "" : "|").append("VM_FAULT_").append(names[i]);
            }
        }
        return sb.toString();
    }
}
