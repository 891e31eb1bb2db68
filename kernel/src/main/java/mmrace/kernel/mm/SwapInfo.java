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

    SwapInfo(Kernel k, int slots) {
        this.lock = new SpinLock(k.x, "si->lock", LockClasses.SWAP_LOCK);
        this.swapMap = new Loc[slots + 1];
        this.slotData = new Loc[slots + 1];
        for (int i = 0; i <= slots; i++) {
            swapMap[i] = new Loc(k.x, "swap_map[" + i + "]", 0);
            slotData[i] = new Loc(k.x, "swap slot " + i, 0);
        }
        this.flags = new Loc(k.x, "si->flags", slots > 0 ? SWP_VALID : 0);
        this.swapCache = AddressSpace.swapCache(k, slots);
    }

    public int slots() {
        return swapMap.length - 1;
    }
}
