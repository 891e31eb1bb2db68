package mmrace.kernel.mm;

import mmrace.kernel.Kernel;

/**
 * Building the state a run starts from, during setup and without events: what the kernel's own
 * paths would have left behind (a fault, a read into the page cache, a swap-out). The world's
 * population code calls these; the end checks hold for what they build.
 */
public final class SetupState {
    private SetupState() {
    }

    /** An inode (and its address_space) of {@code size} pages; shmem pages are swap-backed. */
    public static Inode createInode(Kernel k, String name, int size, boolean shmem, long[] disk) {
        Inode i = k.caches.inode.alloc();
        i.init(name, size, shmem);
        for (int idx = 0; idx < size; idx++) {
            i.disk[idx].init(disk[idx]);
        }
        k.register(i);
        return i;
    }

    /** A page of {@code inode} in its page cache: uptodate, on the inactive file LRU, one reference. */
    public static Page cachePage(Kernel k, Inode inode, int index, long value, boolean dirty) {
        Page p = k.pages.allocPageInSetup(Page.Role.DATA);
        long flags = PageFlags.bit(PageFlags.PG_uptodate) | PageFlags.bit(PageFlags.PG_lru);
        if (dirty) {
            flags |= PageFlags.bit(PageFlags.PG_dirty);
        }
        if (inode.shmem) {
            flags |= PageFlags.bit(PageFlags.PG_swapbacked);
        }
        p.flags.init(flags);
        p.mapping.init(Mappings.ptr(inode.mapping));
        p.index.init(index);
        p.data.init(value);
        inode.mapping.iPages[index].init(p.pfn);
        inode.mapping.nrpages.init(inode.mapping.nrpages.peek() + 1);
        k.lruvec.addInSetup(p, Lruvec.List.of(!inode.shmem, false));
        return p;
    }

    /** The cached page at {@code index}, or null. */
    public static Page cachedPage(Kernel k, Inode inode, int index) {
        long pfn = inode.mapping.iPages[index].peek();
        return pfn == 0 ? null : k.pages.page(pfn);
    }

    /**
     * An anonymous page mapped at {@code addr} in {@code vma}, as do_anonymous_page leaves it:
     * swap-backed, uptodate, on the LRU, mapcount 0, one reference, counted in MM_ANONPAGES.
     */
    public static Page anonPage(Kernel k, VmArea vma, long addr, long value, boolean active) {
        AnonVma av = Vmas.prepareAnonVmaInSetup(k, vma);
        Page p = k.pages.allocPageInSetup(Page.Role.DATA);
        long flags = PageFlags.bit(PageFlags.PG_uptodate) | PageFlags.bit(PageFlags.PG_swapbacked)
                | PageFlags.bit(PageFlags.PG_lru) | (active ? PageFlags.bit(PageFlags.PG_active) : 0);
        p.flags.init(flags);
        p.mapping.init(av.addr | AnonVma.PAGE_MAPPING_ANON);
        p.mappingGeneration = av.generation();
        p.index.init(((addr - vma.vmStart.peek()) >> mmrace.kernel.Geometry.PAGE_SHIFT) + vma.vmPgoff.peek());
        p.data.init(value);
        k.lruvec.addInSetup(p, Lruvec.List.of(false, active));
        return p;
    }

    /** Maps {@code page} at {@code addr} with PTE value {@code pte}: mapcount, reference, RSS. */
    public static PteTable mapPage(Kernel k, VmArea vma, long addr, Page page, long pte, RssCounter counter) {
        PteTable t = Pgtable.populateInSetup(k, vma.mm, addr);
        t.ptes[k.geo.pteIndex(addr)].init(pte);
        page.mapcount.init(page.mapcount.peek() + 1);
        if (page.mapcount.peek() > 0) {
            page.refcount.init(page.refcount.peek() + 1);
        }
        vma.mm.rss[counter.ordinal()].init(vma.mm.rss[counter.ordinal()].peek() + 1);
        return t;
    }

    /** A file page additionally referenced by one mapping (the cache holds the first reference). */
    public static PteTable mapFilePage(Kernel k, VmArea vma, long addr, Page page, long pte) {
        PteTable t = Pgtable.populateInSetup(k, vma.mm, addr);
        t.ptes[k.geo.pteIndex(addr)].init(pte);
        page.mapcount.init(page.mapcount.peek() + 1);
        page.refcount.init(page.refcount.peek() + 1);
        RssCounter c = (page.flags.peek() & PageFlags.bit(PageFlags.PG_swapbacked)) != 0 ? RssCounter.MM_SHMEMPAGES
                : RssCounter.MM_FILEPAGES;
        vma.mm.rss[c.ordinal()].init(vma.mm.rss[c.ordinal()].peek() + 1);
        return t;
    }

    /** An anonymous page swapped out at {@code addr}: a slot holding {@code value}, a swap PTE. */
    public static void swapEntry(Kernel k, VmArea vma, long addr, long value) {
        swapEntry(k, vma, addr, value, false);
    }

    /**
     * A swap entry at {@code addr}; with {@code staleIndex}, the slot's page is also in the swap
     * cache with a page->index that no longer matches (as after mremap moved the VMA).
     */
    public static void swapEntry(Kernel k, VmArea vma, long addr, long value, boolean staleIndex) {
        Vmas.prepareAnonVmaInSetup(k, vma);
        SwapInfo si = k.swap;
        int slot = freeSwapSlot(k);
        si.swapMap[slot].init(1);
        si.slotData[slot].init(value);
        if (staleIndex) {
            // A swap-cache page still holding the slot, with this anon_vma but an index from
            // before an mremap: ksm_might_need_to_copy() will copy it.
            AnonVma av = Vmas.prepareAnonVmaInSetup(k, vma);
            Page p = k.pages.allocPageInSetup(Page.Role.DATA);
            p.flags.init(PageFlags.bit(PageFlags.PG_uptodate) | PageFlags.bit(PageFlags.PG_swapbacked)
                    | PageFlags.bit(PageFlags.PG_swapcache) | PageFlags.bit(PageFlags.PG_lru));
            p.mapping.init(av.addr | AnonVma.PAGE_MAPPING_ANON);
            p.index.init(((addr - vma.vmStart.peek()) >> mmrace.kernel.Geometry.PAGE_SHIFT) + vma.vmPgoff.peek() + 1000);
            p.priv.init(slot);
            p.data.init(value);
            si.swapMap[slot].init(1 | SwapInfo.SWAP_HAS_CACHE);
            si.swapCache.iPages[slot].init(p.pfn);
            si.swapCache.nrpages.init(si.swapCache.nrpages.peek() + 1);
            k.lruvec.addInSetup(p, Lruvec.List.of(false, false));
        }
        PteTable t = Pgtable.populateInSetup(k, vma.mm, addr);
        t.ptes[k.geo.pteIndex(addr)].init(Pte.swpEntry(slot));
        vma.mm.rss[RssCounter.MM_SWAPENTS.ordinal()].init(vma.mm.rss[RssCounter.MM_SWAPENTS.ordinal()].peek() + 1);
    }

    private static int freeSwapSlot(Kernel k) {
        SwapInfo si = k.swap;
        for (int off = 1; off < si.swapMap.length; off++) {
            if (si.swapMap[off].peek() == 0) {
                return off;
            }
        }
        throw new IllegalStateException("no free swap slot: raise KernelConfig.swapSlots");
    }

    /**
     * A mapped anonymous page that is also in the swap cache, as do_swap_page leaves a page it
     * read back while another PTE still holds the swap entry (swap_free left the count above
     * zero, so try_to_free_swap kept the page in the cache): PG_swapcache, page->private = the
     * slot, the slot holding the page's data, SWAP_HAS_CACHE, and the cache's reference. The
     * other holders of the entry are added with {@link #shareSwapEntry}.
     */
    public static void addToSwapCache(Kernel k, Page page) {
        SwapInfo si = k.swap;
        int slot = freeSwapSlot(k);
        si.swapMap[slot].init(SwapInfo.SWAP_HAS_CACHE);
        si.slotData[slot].init(page.data.peek());
        page.flags.init(page.flags.peek() | PageFlags.bit(PageFlags.PG_swapcache));
        page.priv.init(slot);
        page.refcount.init(page.refcount.peek() + 1);
        si.swapCache.iPages[slot].init(page.pfn);
        si.swapCache.nrpages.init(si.swapCache.nrpages.peek() + 1);
    }

    /**
     * A swap PTE at {@code addr} of {@code vma} for the swap-cache page {@code page} (one more
     * swap_map count): what fork's copy_one_pte leaves in a child for a page that was swapped
     * out at fork time, once the parent has faulted it back in.
     */
    public static void shareSwapEntry(Kernel k, VmArea vma, long addr, Page page) {
        if ((page.flags.peek() & PageFlags.bit(PageFlags.PG_swapcache)) == 0) {
            throw new IllegalArgumentException(page + " is not in the swap cache");
        }
        Vmas.prepareAnonVmaInSetup(k, vma);
        int slot = (int) page.priv.peek();
        k.swap.swapMap[slot].init(k.swap.swapMap[slot].peek() + 1);
        PteTable t = Pgtable.populateInSetup(k, vma.mm, addr);
        t.ptes[k.geo.pteIndex(addr)].init(Pte.swpEntry(slot));
        vma.mm.rss[RssCounter.MM_SWAPENTS.ordinal()].init(vma.mm.rss[RssCounter.MM_SWAPENTS.ordinal()].peek() + 1);
    }

    /** Setup only: one more reference on {@code p}, held by someone outside the scenario (a GUP pin, a pipe buffer). */
    public static void pinInSetup(Page p) {
        p.refcount.init(p.refcount.peek() + 1);
        p.gupRefs += 1;
    }
}
