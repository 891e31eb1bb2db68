# S001 (seed 001, 2.6.34-rc, Peter Zijlstra's page_remove_rmap diff), the anon row:
# Linus's objection.
#
# Peter's diff makes page_remove_rmap() store `page->mapping = NULL` once
# atomic_add_negative(-1, &page->_mapcount) says the last mapping is gone. The comment it
# deletes says why the kernel does not: "that might overwrite a racing page_add_anon_rmap
# which increments mapcount after us but sets mapping before us". Linus: "The _common_ case of
# page_remove_rmap() is from unmap/exit, which holds no locks on the page what-so-ever. So
# assuming the page could be reachable some other way (swap cache etc), I think the above is
# pretty scary." Rik had thought it could work for anonymous memory.
#
# Here the other way is the swap cache. P forked C while the page was swapped out, then P
# read it back in: the page is mapped by P and still in the swap cache, and C's PTE still
# holds the swap entry. CPU0 munmaps P's VMA (zap_pte_range -> page_remove_rmap, no page
# lock); CPU1, in C, touches the page: do_swap_page finds it in the swap cache, locks it and
# calls page_add_anon_rmap. If CPU0's atomic_add_negative takes _mapcount to -1 and CPU1's
# atomic_inc_and_test brings it back to 0 before CPU0's store, CPU0's NULL lands last
# (whether __page_set_anon_rmap skips its store for a page still PageAnon, as v5.6's does, or
# repeats it): C maps an anon page with page->mapping NULL, which rmap walks cannot find and
# PageAnon() calls a file page.
#
# Check anon-mapping (MappingChecks, always on): a mapped anonymous page (swap-backed, in no
# inode's page cache, _mapcount >= 0) has page->mapping = an anon_vma | PAGE_MAPPING_ANON.
#
# Verdicts, as SEED-RACES.md expects:
#  - clear-mapping (Peter's diff): BUG, anon-mapping, on every arch (even SC: the window is
#    between two atomics and a plain store, not a reordering).
#  - default (v5.6, the same as 2.6.34-rc here: the mapping is left stale): VERIFIED.

scenario s001-clear-mapping-anon
summary "page_remove_rmap clearing page->mapping (munmap) vs page_add_anon_rmap (do_swap_page of a forked child)"
ref thread seeds/001_ef766845e3b919ef.txt

process P {
  anon 0x0 4
  present 0x1000 7 swapCache readOnly clean
}

process C {
  childOf P
  anon 0x0 4
  swapEntryOf 0x1000 P
}

cpu P {
  munmap 0x0 0x4000
}

cpu C {
  r = read 0x1000
}

run x86   PageRemoveRmap=clear-mapping expect BUG check anon-mapping
run x86   default                      expect VERIFIED executions 39
run arm64 PageRemoveRmap=clear-mapping expect BUG check anon-mapping
run arm64 default                      expect VERIFIED executions 1594
