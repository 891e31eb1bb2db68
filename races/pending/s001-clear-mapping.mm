# S001 (seed 001): Peter's diff making page_remove_rmap() set page->mapping = NULL.
# PENDING: needs a `clear-mapping` variant of page_remove_rmap and a check that a mapped
# page (file: in the page cache; anon: mapped) has a non-NULL mapping.
#
# File page: a page-cache page loses its address_space: BUG. Anon page racing with
# page_add_anon_rmap from swap-in, no page lock on the unmap side: a mapped anon page with a
# NULL mapping (Linus's objection): BUG. Baseline (mapping left stale): VERIFIED for both.

scenario s001-clear-mapping
summary "page_remove_rmap clearing page->mapping vs the page cache and vs swap-in"
ref thread seeds/001_ef766845e3b919ef.txt

file F 4 {
  cached 1
}

process P {
  fileShared 0x0 4 F 0
  present 0x1000 0
}

cpu P {
  munmap 0x0 0x4000
}

check mapping-kept cached F 1 == 101

run x86 PageRemoveRmap=clear-mapping expect BUG
run x86 default                      expect VERIFIED
