package mmrace.kernel.world;

import java.util.LinkedHashMap;
import java.util.Map;
import mmrace.engine.exec.Cpu;
import mmrace.engine.exec.Execution;
import mmrace.kernel.Kernel;
import mmrace.kernel.TaskStruct;
import mmrace.kernel.arch.CpuTlb;
import mmrace.kernel.check.EndChecks;
import mmrace.kernel.mm.Inode;
import mmrace.kernel.mm.MmStruct;
import mmrace.kernel.mm.MmStructs;
import mmrace.kernel.mm.Page;
import mmrace.kernel.mm.Pte;
import mmrace.kernel.mm.PteTable;
import mmrace.kernel.mm.RssCounter;
import mmrace.kernel.mm.SetupState;
import mmrace.kernel.mm.VmArea;
import mmrace.kernel.mm.VmFlags;
import mmrace.kernel.mm.Vmas;

/** The setup of a world's execution: the same machine, built the same way, every time. */
final class Populate {
    private Populate() {
    }

    static void build(MmWorld w, Execution x) {
        Kernel k = Kernel.create(x, w.cfg);
        Map<String, Inode> inodes = new LinkedHashMap<>();
        for (FileSpec f : w.files.values()) {
            long[] disk = new long[f.pages];
            for (int i = 0; i < f.pages; i++) {
                disk[i] = f.diskValue(i);
            }
            Inode inode = SetupState.createInode(k, f.name, f.pages, f.shmem, disk);
            for (Map.Entry<Integer, Boolean> c : f.cached.entrySet()) {
                mmrace.kernel.mm.Page cp = SetupState.cachePage(k, inode, c.getKey(), disk[c.getKey()], c.getValue());
                if (f.pinned.contains(c.getKey())) {
                    SetupState.pinInSetup(cp);
                }
            }
            inodes.put(f.name, inode);
        }
        Map<String, MmStruct> mms = new LinkedHashMap<>();
        for (ProcessSpec p : w.processes.values()) {
            mms.put(p.name, MmStructs.mmAlloc(k, p.name));
        }
        // CPUs and their TLBs first, so pages can be warm in them.
        Cpu[] cpus = new Cpu[w.cpus.size()];
        for (int i = 0; i < cpus.length; i++) {
            MmWorld.CpuSpec spec = w.cpus.get(i);
            TaskStruct[] ts = new TaskStruct[1];
            cpus[i] = x.cpu(() -> spec.body().accept(new Task(k, ts[0])));
            Cpu c = cpus[i];
            MmStruct mm = spec.process() == null ? null : mms.get(spec.process());
            MmStruct loaded = mm != null ? mm : spec.lazyMm() == null ? null : mms.get(spec.lazyMm());
            ts[0] = c.perCpu(TaskStruct.class, () -> new TaskStruct(spec.kthread() ? "kthread/" + c.id
                    : spec.process() + "/" + c.id, mm));
            CpuTlb tlb = c.perCpu(CpuTlb.class, () -> new CpuTlb(k, c));
            tlb.loadInSetup(loaded, spec.lazyMm() != null);
            if (loaded != null) {
                loaded.cpumask.init(loaded.cpumask.peek() | 1L << c.id);
            }
            if (spec.lazyMm() != null) {
                loaded.mmCount.init(loaded.mmCount.peek() + 1);
            }
        }
        Map<String, Map<Long, Page>> anonPages = new LinkedHashMap<>();
        for (ProcessSpec p : w.processes.values()) {
            MmStruct mm = mms.get(p.name);
            long users = w.cpus.stream().filter(c -> p.name.equals(c.process())).count();
            mm.mmUsers.init(Math.max(1, users));
            if (p.parent != null && !anonPages.containsKey(p.parent)) {
                throw new IllegalArgumentException(p.name + " is a child of " + p.parent
                        + ", which must be declared before it");
            }
            anonPages.put(p.name, populate(k, p, mm, p.parent == null ? null : mms.get(p.parent), inodes, anonPages, cpus));
        }
        EndChecks.register(k);
        WorldState state = new WorldState(k, mms, inodes);
        for (var check : w.endChecks) {
            x.atEnd(() -> check.accept(state));
        }
    }

    /** Builds one process; returns its anonymous pages by address (for a child's {@code swapEntryOf}). */
    private static Map<Long, Page> populate(Kernel k, ProcessSpec p, MmStruct mm, MmStruct parent,
            Map<String, Inode> inodes, Map<String, Map<Long, Page>> anonPages, Cpu[] cpus) {
        Map<ProcessSpec.Vma, VmArea> vmas = new LinkedHashMap<>();
        Map<Long, Page> mine = new LinkedHashMap<>();
        for (ProcessSpec.Vma v : p.vmas) {
            Inode file = v.file() == null ? null : inodes.get(v.file());
            if (v.file() != null && file == null) {
                throw new IllegalArgumentException("no file " + v.file());
            }
            VmArea vma = Vmas.createInSetup(k, mm, v.start(), v.end(), v.flags(), file, v.pgoff());
            vmas.put(v, vma);
            if (parent != null) {
                for (VmArea pvma : parent.vmaList()) {
                    if (pvma.startForCheck() == v.start()) {
                        Vmas.forkAnonVmaInSetup(k, vma, pvma);
                    }
                }
            }
        }
        for (long addr : p.emptyTables) {
            mmrace.kernel.mm.Pgtable.populateInSetup(k, mm, addr);
        }
        if (p.iommu) {
            mm.notifiers.add(new mmrace.kernel.mm.Iommu(k, mm));
        }
        for (ProcessSpec.PageSpec ps : p.pages) {
            ProcessSpec.Vma v = p.vmaOf(ps.addr);
            VmArea vma = vmas.get(v);
            if (ps.state == ProcessSpec.State.SWAPPED) {
                SetupState.swapEntry(k, vma, ps.addr, ps.value, ps.staleSwapCache);
                continue;
            }
            if (ps.state == ProcessSpec.State.SWAP_SHARED) {
                Map<Long, Page> theirs = anonPages.get(ps.owner);
                Page shared = theirs == null ? null : theirs.get(ps.addr);
                if (shared == null) {
                    throw new IllegalArgumentException(p.name + ": no anonymous page of " + ps.owner + " at 0x"
                            + Long.toHexString(ps.addr) + " declared before");
                }
                SetupState.shareSwapEntry(k, vma, ps.addr, shared);
                continue;
            }
            long prot = VmFlags.pageProt(v.flags());
            Page page;
            PteTable t;
            boolean anon = v.file() == null;
            boolean shared = (v.flags() & VmFlags.VM_SHARED) != 0;
            boolean writable = ps.writable && (v.flags() & VmFlags.VM_WRITE) != 0 && (anon || shared);
            long pte = 0;
            if (anon) {
                page = SetupState.anonPage(k, vma, ps.addr, ps.value, ps.active);
                mine.put(ps.addr, page);
            } else {
                Inode inode = inodes.get(v.file());
                int index = (int) (((ps.addr - v.start()) >> 12) + v.pgoff());
                page = SetupState.cachedPage(k, inode, index);
                if (page == null) {
                    page = SetupState.cachePage(k, inode, index, ps.value, false);
                }
            }
            pte = Pte.mk(page.pfn, prot);
            if (writable) {
                pte = Pte.mkwrite(pte);
            }
            if (ps.dirty && writable) {
                pte = Pte.mkdirty(pte);
            }
            pte = ps.young ? Pte.mkyoung(pte) : Pte.mkold(pte);
            if (ps.pageDirty) {
                page.flags.init(page.flags.peek() | mmrace.kernel.mm.PageFlags.bit(mmrace.kernel.mm.PageFlags.PG_dirty));
            }
            if (ps.referenced) {
                page.flags.init(page.flags.peek() | mmrace.kernel.mm.PageFlags.bit(mmrace.kernel.mm.PageFlags.PG_referenced));
            }
            t = anon ? SetupState.mapPage(k, vma, ps.addr, page, pte, RssCounter.MM_ANONPAGES)
                    : SetupState.mapFilePage(k, vma, ps.addr, page, pte);
            if (ps.swapCache) {
                if (!anon) {
                    throw new IllegalArgumentException(p.name + ": swapCache needs an anonymous page at 0x"
                            + Long.toHexString(ps.addr));
                }
                SetupState.addToSwapCache(k, page);
            }
            for (int c : ps.warmOn) {
                CpuTlb tlb = k.tlb(cpus[c]);
                tlb.fillInSetup(mm, ps.addr, new CpuTlb.Entry(page.pfn, page.generation(), Pte.write(pte), Pte.dirty(pte)), t);
            }
        }
        return mine;
    }
}
