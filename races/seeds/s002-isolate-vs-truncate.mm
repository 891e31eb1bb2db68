# S002 (seed 002, 4.15): compaction's LRU isolation vs truncation and inode free.
# Compaction holds lru_lock with IRQs off and no page reference, lock or rcu_read_lock; for
# a dirty page it reads page_mapping(page)->a_ops->migratepage. Truncation clears
# page->mapping and the inode (holding the address_space) is then freed through call_rcu.
# Before v4.20 a normal grace period does not wait for IRQs-off regions: use-after-free,
# BUG. Mel's 69d763fc6d3a reads the mapping under trylock_page: VERIFIED for KASAN but
# mapping-less dirty pages are never isolated (functional check BUG) until 145e1a71e090.
# call_rcu_sched (Huang Ying): VERIFIED. v4.20+ consolidated RCU (open in SEED-RACES): the
# model says VERIFIED — from v4.20 the IRQs-off region of isolate_migratepages_block is a
# reader for the normal grace period, so the inode's call_rcu free waits for it.
# The page is pinned by someone else so truncation's put_page is not the last reference.
# The functional check (a dirty page with no mapping is isolated) is in
# s002-isolate-dirty-no-mapping.mm.

scenario s002-isolate-vs-truncate
summary "isolate_migratepages_block reading page->mapping vs truncate + inode free"
ref thread seeds/002_724bcb3cc4354858.txt
ref commit 69d763fc6d3a "mm: pin address_space before dereferencing it while isolating an LRU page"
ref commit 145e1a71e090 "mm: migrate: fix the return value of migrate_pages()"
rcu pre-4.20

file F 1 {
  cachedDirty 0
  pinned 0
}

kthread {
  truncate F 0
  unlinkAndClose F
}

kthread {
  compact
}

run x86 IsolateDirty=4.15                                         expect BUG check kasan
run x86 IsolateDirty=69d763fc6d3a                                 expect VERIFIED
run x86 IsolateDirty=69d763fc6d3a+145e1a71e090                    expect VERIFIED
run x86 IsolateDirty=4.15,DestroyInode=call_rcu_sched             expect VERIFIED
run x86 IsolateDirty=4.15                                         expect VERIFIED rcu consolidated
