package mmrace.kernel.mm;

import mmrace.engine.slab.SlabObject;
import mmrace.kernel.Kernel;

/**
 * struct anon_vma_chain, from anon_vma_chain_cachep: links one VMA to one anon_vma. Its two
 * pointers are set before it is linked anywhere and never change, so they are plain Java fields.
 * On list same_vma (the VMA's, guarded by mmap_lock) and in rb_root (the anon_vma's, guarded by
 * the root anon_vma's lock).
 */
public final class AnonVmaChain extends SlabObject {
    public VmArea vma;
    public AnonVma anonVma;

    AnonVmaChain(Kernel k) {
        super(k.x, "anon_vma_chain");
    }
}
