# S000 (seed 000, v5.6): khugepaged collapse_huge_page() vs reclaim.
# PENDING on main: written against branch mm-part2's entry points (Task.khugepaged, the
# CollapseAnon variants, PageSpec.referenced); verified there (see the report). Move to
# races/seeds/ when mm-part2 lands.
#
# collapse_huge_page() takes mmap_lock for write and the anon_vma lock for write, and
# pmdp_collapse_flush() clears the pmd under the pmd lock: the PTE table is detached from
# the mm before __collapse_huge_page_isolate() and the copy. Reclaim's try_to_unmap walks the
# rmap and page_vma_mapped_walk stops at a pmd that is not present, so it never sees the
# detached table (Kirill's argument against Yang's claim): VERIFIED on x86 and arm64.
# no-detach (counterfactual: the pmd is left in place) lets reclaim unmap a PTE that the
# collapse then unmaps again: _mapcount goes wrong: BUG. The model catches it at the first
# symptom, page_remove_rmap()'s VM_BUG_ON_PAGE(page_mapcount(page) < 0) (check vm-bug-on). yang-v2 ("don't have to put being
# freed page back to lru": remove the rmap first, no putback when unmapped): VERIFIED.
# no-pmd-lock (Yang's question: pmdp_collapse_flush without the pmd lock): VERIFIED, since
# mmap_lock write and anon_vma write exclude faults, reclaim and rmap walks.

scenario s000-collapse-vs-reclaim
summary "khugepaged collapse_huge_page vs reclaim's try_to_unmap"
ref thread seeds/000_a5cba99ccb951c19.txt
geometry 4 4

process P {
  anon 0x0 4
  present 0x1000 8 referenced
}

kthread {
  khugepaged P 0x0
}

kthread {
  shrink 1
}

run x86   CollapseAnon=v5.6        expect VERIFIED
run arm64 CollapseAnon=v5.6        expect VERIFIED
run x86   CollapseAnon=no-detach   expect BUG check vm-bug-on
run x86   CollapseAnon=yang-v2     expect VERIFIED
run x86   CollapseAnon=no-pmd-lock expect VERIFIED
