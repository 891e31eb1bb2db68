package mmrace.kernel.mm;

import mmrace.kernel.Kernel;

/** Allocating VMAs (kernel/fork.c vm_area_alloc, vm_area_dup, v5.6) and creating them in setup. */
public final class Vmas {
    private Vmas() {
    }

    /** vm_area_alloc(): a zeroed VMA of {@code mm}. */
    public static VmArea vmAreaAlloc(Kernel k, MmStruct mm) {
        VmArea v = k.caches.vmArea.alloc();
        v.mm = mm;
        return v;
    }

    /**
     * vm_area_dup(): a copy of the VMA's fields (*new = data_race(*orig)), not yet linked
     * anywhere; anon_vma_chain starts empty and is filled by anon_vma_clone/anon_vma_fork.
     */
    public static VmArea vmAreaDup(Kernel k, VmArea orig) {
        VmArea v = vmAreaAlloc(k, orig.mm);
        copyFields(orig, v);
        return v;
    }

    static void copyFields(VmArea from, VmArea to) {
        to.file = from.file;
        if (to.file != null) {
            Truncate.ihold(to.file); // get_file(new->vm_file)
        }
        to.vmStart.write(from.start());
        to.vmEnd.write(from.end());
        to.vmPgoff.write(from.pgoff());
        to.vmFlags.write(from.flags());
        to.anonVma.write(from.anonVma.read());
        to.uffdCtx.write(from.uffdCtx.read());
    }

    /**
     * Setup only: a VMA as mmap() would have made it, linked into the mm (and its file's
     * i_mmap). No anon_vma yet; faults or the world's population code give it one.
     */
    public static VmArea createInSetup(Kernel k, MmStruct mm, long start, long end, long flags, Inode file, long pgoff) {
        VmArea v = k.caches.vmArea.alloc();
        v.mm = mm;
        v.file = file;
        v.vmStart.init(start);
        v.vmEnd.init(end);
        v.vmFlags.init(flags);
        v.vmPgoff.init(file == null ? start >> mmrace.kernel.Geometry.PAGE_SHIFT : pgoff);
        mm.linkVma(v, start);
        if (file != null) {
            file.iCount.init(file.iCount.peek() + 1);
            file.mapping.iMmap.add(v);
            v.inIMmap = true;
        }
        return v;
    }

    /** Setup only: anon_vma_prepare() for a VMA that will have anonymous pages. */
    public static AnonVma prepareAnonVmaInSetup(Kernel k, VmArea vma) {
        long ptr = vma.anonVma.peek();
        if (ptr != 0) {
            return AnonVma.deref(k, ptr);
        }
        AnonVma av = k.caches.anonVma.alloc();
        av.refcount.init(1);
        av.root.init(av.addr);
        vma.anonVma.init(av.addr);
        AnonVmaChain avc = k.caches.anonVmaChain.alloc();
        avc.vma = vma;
        avc.anonVma = av;
        vma.anonVmaChain.add(avc);
        av.rbRoot.add(avc);
        return av;
    }

    /**
     * Setup only: anon_vma_fork() as fork left it for a child's {@code vma} copied from the
     * parent's {@code pvma}: chained to every anon_vma of the parent's VMA (anon_vma_clone), plus
     * an anon_vma of its own whose root is the parent's root, which it pins (v5.6; in the
     * 2.6.34 anon_vma each one is its own root).
     */
    public static void forkAnonVmaInSetup(Kernel k, VmArea vma, VmArea pvma) {
        long parentAv = pvma.anonVma.peek();
        if (parentAv == 0) {
            return;
        }
        for (AnonVmaChain pavc : pvma.anonVmaChain) {
            AnonVmaChain avc = k.caches.anonVmaChain.alloc();
            avc.vma = vma;
            avc.anonVma = pavc.anonVma;
            vma.anonVmaChain.add(avc);
            pavc.anonVma.rbRoot.add(avc);
        }
        AnonVma av = k.caches.anonVma.alloc();
        av.refcount.init(1);
        av.root.init(av.addr);
        if (k.variant(mmrace.kernel.variant.AnonVmaImpl.class).locksRoot()) {
            AnonVma root = AnonVma.deref(k, AnonVma.deref(k, parentAv).root.peek());
            av.root.init(root.addr);
            root.refcount.init(root.refcount.peek() + 1);
        }
        vma.anonVma.init(av.addr);
        AnonVmaChain avc = k.caches.anonVmaChain.alloc();
        avc.vma = vma;
        avc.anonVma = av;
        vma.anonVmaChain.add(0, avc);
        av.rbRoot.add(avc);
    }
}
