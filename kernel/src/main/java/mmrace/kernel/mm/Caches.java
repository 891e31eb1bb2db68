package mmrace.kernel.mm;

import mmrace.engine.slab.KmemCache;
import mmrace.kernel.Kernel;

/** The slab caches of the mm model, created at boot (setup) like their kmem_cache_create() calls. */
public final class Caches {
    /** anon_vma_cachep: SLAB_TYPESAFE_BY_RCU with anon_vma_ctor (mm/rmap.c anon_vma_init()). */
    public final KmemCache<AnonVma> anonVma;
    public final KmemCache<AnonVmaChain> anonVmaChain;
    public final KmemCache<VmArea> vmArea;
    public final KmemCache<MmStruct> mm;
    public final KmemCache<Inode> inode;
    /**
     * The name the next mm_struct allocated by each context gets (the cache's ctor takes no
     * arguments, and runs after the allocation event, when another context may have asked for one).
     */
    final java.util.Map<Object, String> nextMmName = new java.util.HashMap<>();

    public Caches(Kernel k) {
        this.anonVma = KmemCache.typesafeByRcu(k.x, "anon_vma", false, () -> new AnonVma(k));
        this.anonVmaChain = KmemCache.create(k.x, "anon_vma_chain", () -> new AnonVmaChain(k));
        this.vmArea = KmemCache.create(k.x, "vm_area_struct", () -> new VmArea(k));
        this.mm = KmemCache.create(k.x, "mm_struct", () -> new MmStruct(k, nextMmName.getOrDefault(k.x.current(), "mm")));
        this.inode = KmemCache.create(k.x, "inode_cache", () -> new Inode(k));
    }

    public KmemCache<?> byName(String name) {
        return switch (name) {
            case "anon_vma" -> anonVma;
            case "anon_vma_chain" -> anonVmaChain;
            case "vm_area_struct" -> vmArea;
            case "mm_struct" -> mm;
            case "inode_cache" -> inode;
            default -> throw new IllegalArgumentException("no cache " + name);
        };
    }
}
