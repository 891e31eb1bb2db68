package mmrace.kernel.mm;

import mmrace.kernel.Fn;
import mmrace.kernel.Kernel;

/**
 * The architecture's page-fault entry for user addresses, reduced to what is common to x86
 * (arch/x86/mm/fault.c do_user_addr_fault) and arm64 (do_page_fault), v5.6: mmap_lock for
 * read, find the VMA, check the access, handle_mm_fault. (down_read_trylock first and the
 * VM_FAULT_RETRY loop are not modelled: nothing here drops mmap_lock.)
 */
public final class UserFault {
    private UserFault() {
    }

    /** @return VM_FAULT_* bits; VM_FAULT_SIGSEGV for a bad area or access. Takes: mmap_lock for read. */
    public static int doUserAddrFault(Kernel k, MmStruct mm, long addr, boolean write) {
        try (Fn f = Fn.enter(k.x, "do_user_addr_fault")) {
            mm.mmapLock.downRead();
            try {
                VmArea vma = mm.findVma(addr);
                if (vma == null || vma.start() > addr) {
                    return VmFault.VM_FAULT_SIGSEGV;
                }
                long flags = vma.flags();
                if (write ? (flags & VmFlags.VM_WRITE) == 0 : (flags & (VmFlags.VM_READ | VmFlags.VM_WRITE)) == 0) {
                    return VmFault.VM_FAULT_SIGSEGV;
                }
                return Memory.handleMmFault(k, vma, addr, write ? VmFault.FAULT_FLAG_WRITE : 0);
            } finally {
                if (mm.mmapLock.heldBy(k.x.current())) {
                    mm.mmapLock.upRead();
                }
            }
        }
    }
}
