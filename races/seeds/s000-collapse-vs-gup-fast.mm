# S000 (seed 000, v5.6): khugepaged collapse_huge_page() vs fast GUP.
# PENDING on main: written against branch mm-part2 (Task.gupFast, Task.khugepaged, the
# CollapseAnon and GupFastRecheck variants); verified there. Move to races/seeds/ when it lands.
#
# Fast GUP walks with IRQs off: READ_ONCE of the pmd, then the pte, try_get_compound_head,
# re-check the pte. On x86 pmdp_collapse_flush's TLB flush is an IPI that cannot be acked
# while GUP has IRQs off, so the collapse's refcount check in __collapse_huge_page_isolate
# sees the pin: VERIFIED. On arm64 the flush is a broadcast TLBI that waits for nobody: GUP
# takes its reference after the refcount check and returns a page the collapse has replaced
# (check gup-page-mapped, 70cbc3cc78a99's diagram): BUG. 70cbc3cc78a99 re-checks the pmd:
# VERIFIED. 2ba99c5e0881's tlb_remove_table_sync_one() (an IPI after the flush) was open in
# SEED-RACES.md: the model says VERIFIED — the IPI waits for the IRQs-off walk as on x86.

scenario s000-collapse-vs-gup-fast
summary "khugepaged collapse_huge_page vs get_user_pages_fast"
ref thread seeds/000_a5cba99ccb951c19.txt
ref commit 70cbc3cc78a99 "mm: gup: fix the fast GUP race against THP collapse"
ref commit 2ba99c5e0881 "mm/khugepaged: fix GUP-fast interaction by sending IPI"
geometry 4 4

process P {
  anon 0x0 4
  present 0x0 7 young
  present 0x1000 8
}

cpu P {
  pages = gupFast 0x1000 1 FOLL_GET false
}

kthread {
  khugepaged P 0x0
}

run x86   CollapseAnon=v5.6,GupFastRecheck=v5.6              expect VERIFIED
run arm64 CollapseAnon=v5.6,GupFastRecheck=v5.6              expect BUG check gup-page-mapped
run arm64 CollapseAnon=v5.6,GupFastRecheck=gup-recheck-pmd   expect VERIFIED
run arm64 CollapseAnon=collapse-ipi-sync,GupFastRecheck=v5.6 expect VERIFIED
