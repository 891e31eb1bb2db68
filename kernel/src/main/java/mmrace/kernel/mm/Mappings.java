package mmrace.kernel.mm;

import mmrace.engine.slab.Heap;
import mmrace.kernel.Kernel;

/**
 * page->mapping values for page-cache pages: a pointer to the address_space inside the inode
 * (&inode->i_data, here the inode's address plus a small offset), so following a stale one
 * leads to the inode's memory, freed or not.
 */
public final class Mappings {
    /**
     * offsetof(struct inode, i_data), scaled: inside the object's 16-byte granule (the heap
     * ignores the low 4 bits), clear of the PAGE_MAPPING_ANON/MOVABLE tag bits.
     */
    private static final long I_DATA_OFFSET = 0x8;

    private Mappings() {
    }

    public static long ptr(AddressSpace m) {
        if (m.host == null) {
            throw new IllegalArgumentException("the swap cache is never a page's mapping");
        }
        return m.host.addr + I_DATA_OFFSET;
    }

    public static AddressSpace deref(Kernel k, long ptr) {
        Inode i = k.x.attachment(Heap.class, Heap::new).deref(ptr, Inode.class);
        return i == null ? null : i.mapping;
    }
}
