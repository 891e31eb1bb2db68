package mmrace.kernel.mm;

import mmrace.engine.mem.Loc;
import mmrace.engine.sync.SpinLock;
import mmrace.kernel.Kernel;
import mmrace.kernel.LockClasses;

/**
 * struct swap_info_struct of the one swap device, and its swap cache. Slot offsets start at 1
 * (offset 0 is the header page in the kernel, and keeps a swap PTE non-zero here).
 */
public final class SwapInfo {
    /** SWAP_HAS_CACHE in swap_map: the slot has a page in the swap cache. */
    public static final long SWAP_HAS_CACHE = 0x40;
    /** SWP_USED | SWP_WRITEOK | SWP_VALID, as one "enabled" flag. */
    public static final long SWP_VALID = 0x1;

    /** si->lock. */
    public final SpinLock lock;
    /** si->swap_map[offset]: the number of swap PTEs (and SWAP_HAS_CACHE). write: under si->lock. */
    public final Loc[] swapMap;
    /** The slots' contents on the device. */
    public final Loc[] slotData;
    /** si->flags. */
    public final Loc flags;
    /** swapper_spaces: the swap cache, indexed by offset. */
    public final AddressSpace swapCache;

    /** The vmalloc'ed swap_map array: freed by swapoff (vfree), KASAN-checked like a slab object. */
    public final Area swapMapArea;
    /** swapper_spaces[type]: freed by swapoff (exit_swap_address_space, kvfree). */
    public final Area spacesArea;

    /** A separately allocated array (vmalloc/kvmalloc), modelled as one object whose fields KASAN checks. */
    public static final class Area extends mmrace.engine.slab.SlabObject {
        Area(Kernel k, String kind) {
            super(k.x, kind);
        }

        Loc newField(String name, long initial) {
            return field(name, initial);
        }
    }

    SwapInfo(Kernel k, int slots) {
        this.lock = new SpinLock(k.x, "si->lock", LockClasses.SWAP_LOCK);
        mmrace.engine.slab.KmemCache<Area> mapCache = mmrace.engine.slab.KmemCache.create(k.x, "vmalloc(swap_map)",
                () -> new Area(k, "swap_map"));
        mmrace.engine.slab.KmemCache<Area> spacesCache = mmrace.engine.slab.KmemCache.create(k.x,
                "kvmalloc(swapper_spaces)", () -> new Area(k, "swapper_spaces"));
        this.mapCache = mapCache;
        this.spacesCache = spacesCache;
        this.swapMapArea = mapCache.alloc();
        this.spacesArea = spacesCache.alloc();
        this.swapMap = new Loc[slots + 1];
        this.slotData = new Loc[slots + 1];
        for (int i = 0; i <= slots; i++) {
            swapMap[i] = swapMapArea.newField("[" + i + "]", 0);
            slotData[i] = new Loc(k.x, "swap slot " + i, 0);
        }
        this.flags = new Loc(k.x, "si->flags", slots > 0 ? SWP_VALID : 0);
        this.swapCache = AddressSpace.swapCache(k, slots, spacesArea::newField);
    }

    final mmrace.engine.slab.KmemCache<Area> mapCache;
    final mmrace.engine.slab.KmemCache<Area> spacesCache;

    public int slots() {
        return swapMap.length - 1;
    }
}
