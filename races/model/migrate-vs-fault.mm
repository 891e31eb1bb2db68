# Compaction migrating an anonymous page while another thread of its process writes and
# reads it, first through a warm TLB entry.
#
# kcompactd isolates the page from the LRU, then migrate_pages() -> __unmap_and_move() locks
# it, allocates the new page and try_to_unmap(TTU_MIGRATION) replaces the PTE, under the PTE
# lock, by a migration entry: ptep_clear_flush() first, so no CPU keeps a translation to the
# old page. migrate_page_move_mapping() finds only the isolation's reference, the contents
# and flags are copied, remove_migration_ptes() maps the new page, and the old one is freed.
# An access that meets the migration entry faults: do_swap_page() -> migration_entry_wait()
# drops its reference and sleeps on the page lock, then the fault is retried on the new page.
# Whatever the order, the store lands in the page that stays mapped and the load sees it, no
# page is freed while mapped or cached in a TLB, and every counter balances: VERIFIED on
# x86 (flush IPI) and arm64 (broadcast TLBI).
#
# The counterfactual installs the migration entry without the flush: the store goes through
# the stale translation into the old page, which migration then frees: BUG (stale-tlb).

scenario migrate-vs-fault
summary "migrate_pages of an anon page vs a store and a load through a warm TLB entry"
ref mm/migrate.c __unmap_and_move() migration_entry_wait()
ref mm/rmap.c try_to_unmap_one() TTU_MIGRATION

process P {
  anon 0x0 4
  present 0x1000 7 inTlbOf 1
}

kthread {
  n = compact
}

cpu P {
  w = write 0x1000 8
  r = read 0x1000
  assert r == 8 as data
}

check data value P 0x1000 == 8
check data mapped P 0x1000 == 1

run x86   default                                  expect VERIFIED executions 130
run arm64 default                                  expect VERIFIED executions 130
run x86   MigrateFlush=counterfactual-no-flush     expect BUG check stale-tlb
