# Compaction migrating an anonymous page that get_user_pages_fast() has pinned (an O_DIRECT
# buffer, say): the thread pins the page, then drops the pin.
#
# A pinned page must not move: the device or the kernel writes through the pin, and a write
# after the copy would be lost. migrate_page_move_mapping() therefore requires the page's
# count to be what the migration accounts for (1: the isolation's reference; the mappings
# were all turned into migration entries) and fails with -EAGAIN otherwise; remove_migration_ptes()
# then restores the old page and it is put back. A pin taken after the PTE became a
# migration entry is dropped again by gup_fast's re-check of the PTE: VERIFIED (check
# gup-page-mapped: migration never maps a new page where GUP still holds the old one).
#
# The counterfactual migrates the page whatever its count: the pin is left on the old page
# while the new one is mapped: BUG (gup-page-mapped).
#
# On x86 the migration's TLB flush is an IPI to the pinning CPU, which cannot be handled while
# fast GUP has IRQs off; the BUG needs the handler to run after the pin and before the unpin.

scenario migrate-vs-gup
summary "migrate_pages vs a get_user_pages_fast pin on the page"
ref mm/migrate.c migrate_page_move_mapping() expected_page_refs()

process P {
  anon 0x0 4
  present 0x1000 7
}

kthread {
  n = compact
}

cpu P {
  pages = gupFast 0x1000 1 FOLL_GET false
  putUserPages pages FOLL_GET
}

run x86   default                                                  expect VERIFIED executions 2637
run arm64 default                                                  expect VERIFIED executions 2277
run x86   MigrateRefcount=counterfactual-no-refcount-check         expect BUG check gup-page-mapped
