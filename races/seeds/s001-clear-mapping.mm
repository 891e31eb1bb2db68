# S001 (seed 001, 2.6.34-rc, Peter Zijlstra's page_remove_rmap diff), the file-page row:
#
# While chasing the anon_vma bug of seed 001, Peter proposed that page_remove_rmap(), once
# atomic_add_negative(-1, &page->_mapcount) says the last mapping is gone, also do
# `page->mapping = NULL` (a plain store), dropping the comment that explains why the kernel
# leaves it stale. Rik van Riel at once: "That would be a bug for file pages :)". A page-cache
# page's page->mapping is its address_space, and it stays in the page cache after the last
# PTE goes; only truncation (__delete_from_page_cache, under the page lock and the i_pages
# lock) may clear it, and it takes the page out of the tree at the same time.
#
# No race is needed: munmap of the only mapping (or reclaim's try_to_unmap) leaves a cached
# page whose mapping is NULL. The kthread is reclaim looking at the page cache: with the
# diff, shrink_page_list finds page_mapping() NULL and never frees the page; without it, the
# page keeps its mapping in every interleaving.
# A fault of another process on the page would fare worse: filemap_fault's "Did it get
# truncated?" test fails on every retry, the fault never ends (a step-limit finding; not a run
# here, as its diagram is the 100000-event loop).
#
# Check page-cache-mapping (MappingChecks, always on): a page in a live inode's page cache
# has page->mapping == that inode's address_space.
#
# Verdicts, as SEED-RACES.md expects:
#  - clear-mapping (Peter's diff): BUG, page-cache-mapping, on every arch.
#  - default (v5.6, the same as 2.6.34-rc here: the mapping is left stale): VERIFIED.
# The anon row (Linus's objection) is s001-clear-mapping-anon.mm.

scenario s001-clear-mapping
summary "page_remove_rmap clearing page->mapping (munmap, reclaim's try_to_unmap) vs the page cache"
ref thread seeds/001_ef766845e3b919ef.txt

file F 4 {
  cached 1
}

process P {
  fileShared 0x0 4 F 0
  present 0x1000 101 clean
}

cpu P {
  munmap 0x0 0x4000
}

kthread {
  shrink 1
}

run x86   PageRemoveRmap=clear-mapping expect BUG check page-cache-mapping
run x86   default                      expect VERIFIED executions 217
run arm64 PageRemoveRmap=clear-mapping expect BUG check page-cache-mapping
run arm64 default                      expect VERIFIED executions 1133
