package mmrace.kernel.mm;

/** vm_flags bits (include/linux/mm.h) and the derived page protections. */
public final class VmFlags {
    private VmFlags() {
    }

    public static final long VM_READ = 0x1;
    public static final long VM_WRITE = 0x2;
    public static final long VM_EXEC = 0x4;
    public static final long VM_SHARED = 0x8;
    public static final long VM_MAYREAD = 0x10;
    public static final long VM_MAYWRITE = 0x20;
    public static final long VM_MAYEXEC = 0x40;
    public static final long VM_MAYSHARE = 0x80;
    public static final long VM_UFFD_MISSING = 0x200;
    public static final long VM_UFFD_WP = 0x1000;
    public static final long VM_LOCKED = 0x2000;
    public static final long VM_DONTCOPY = 0x20000;
    public static final long VM_ACCOUNT = 0x100000;
    public static final long VM_HUGEPAGE = 0x20000000L;
    public static final long VM_NOHUGEPAGE = 0x40000000L;

    /** is_cow_mapping(): private and may be written. */
    public static boolean isCowMapping(long flags) {
        return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
    }

    /**
     * vm_get_page_prot(): private writable mappings start read-only (PAGE_COPY) so the first
     * write faults and copies; shared writable ones are writable (PAGE_SHARED).
     */
    public static long pageProt(long flags) {
        long prot = Pte._PAGE_PRESENT | Pte._PAGE_USER | Pte._PAGE_ACCESSED;
        if ((flags & VM_WRITE) != 0 && (flags & VM_SHARED) != 0) {
            prot |= Pte._PAGE_RW;
        }
        return prot;
    }

    public static String describe(long f) {
        return ((f & VM_READ) != 0 ? "r" : "-") + ((f & VM_WRITE) != 0 ? "w" : "-") + ((f & VM_EXEC) != 0 ? "x" : "-")
                + ((f & VM_SHARED) != 0 ? "s" : "p");
    }
}
