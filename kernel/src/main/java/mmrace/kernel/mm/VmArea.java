package mmrace.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import mmrace.engine.mem.Loc;
import mmrace.engine.slab.SlabObject;
import mmrace.kernel.Geometry;
import mmrace.kernel.Kernel;

/**
 * struct vm_area_struct, from vm_area_cachep (not SLAB_TYPESAFE_BY_RCU in v5.6: a freed VMA
 * touched by an rmap walker is a KASAN report).
 *
 * <p>vm_start, vm_end, vm_pgoff: write under mmap_lock for write and, while the VMA is in the
 * rmap trees, the i_mmap and anon_vma locks (vma_adjust); read under any of them.
 */
public final class VmArea extends SlabObject implements mmrace.engine.exec.Named {
    public final Kernel k;
    /** vma->vm_mm: set by vm_area_alloc(), fixed for the VMA's life. */
    public MmStruct mm;
    /** vma->vm_file (its inode's address_space is f_mapping); null for anonymous memory. Set before the VMA is linked. */
    public Inode file;
    public final Loc vmStart;
    public final Loc vmEnd;
    public final Loc vmPgoff;
    /** vm_flags: write under mmap_lock for write; read under mmap_lock or the rmap locks. */
    public final Loc vmFlags;
    /**
     * vma->anon_vma. write: NULL -> anon_vma once, in anon_vma_prepare() under the anon_vma
     * lock and mm->page_table_lock; read: under mmap_lock (a racy pre-check reads it locklessly).
     */
    public final Loc anonVma;
    /** vma->vm_userfaultfd_ctx.ctx: non-zero when registered. write: mmap_lock for write. */
    public final Loc uffdCtx;
    /**
     * vma->anon_vma_chain. guarded by: mmap_lock for write, or mmap_lock for read plus
     * mm->page_table_lock (anon_vma_prepare).
     */
    final List<AnonVmaChain> anonVmaChain = new ArrayList<>();
    /** Ghost: linked in its file's i_mmap tree. */
    boolean inIMmap;

    VmArea(Kernel k) {
        super(k.x, "vm_area_struct");
        this.k = k;
        this.vmStart = field("vm_start", 0);
        this.vmEnd = field("vm_end", 0);
        this.vmPgoff = field("vm_pgoff", 0);
        this.vmFlags = field("vm_flags", 0);
        this.anonVma = field("anon_vma", 0);
        this.uffdCtx = field("vm_userfaultfd_ctx", 0);
    }

    public long start() {
        return vmStart.read();
    }

    public long end() {
        return vmEnd.read();
    }

    public long pgoff() {
        return vmPgoff.read();
    }

    public long flags() {
        return vmFlags.read();
    }

    /** vma_is_anonymous(): no vm_ops, i.e. no file here. */
    public boolean isAnonymous() {
        return file == null;
    }

    /** linear_page_index(vma, address). */
    public long linearPageIndex(long addr) {
        return ((addr - start()) >> Geometry.PAGE_SHIFT) + pgoff();
    }

    public long startForCheck() {
        return vmStart.peek();
    }

    public long endForCheck() {
        return vmEnd.peek();
    }

    public List<AnonVmaChain> chains() {
        return anonVmaChain;
    }

    @Override
    public String displayName() {
        return "vma[" + Long.toHexString(vmStart.peek()) + "-" + Long.toHexString(vmEnd.peek()) + "]@" + mm;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
