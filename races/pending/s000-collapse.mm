# S000 (seed 000, v5.6): khugepaged collapse_huge_page() vs reclaim, and vs fast GUP.
# PENDING: needs the khugepaged entry point, gupFast, and the collapse variants (mm-part2).
#
# collapse_huge_page(): mmap_lock for write, anon_vma_lock_write, pmdp_collapse_flush()
# detaches the PTE table, __collapse_huge_page_isolate() requires refcount == 1 (+1 swap
# cache) per page, then copies and frees the small pages and maps the huge page.
# Reclaim's try_to_unmap cannot see the detached table (Kirill's argument): VERIFIED in v5.6;
# the no-detach counterfactual corrupts _mapcount: BUG. Fast GUP walks with IRQs off; on x86
# the flush IPI waits for it so the refcount check sees the pin: VERIFIED; on arm64 the
# flush is a broadcast TLBI that does not wait: GUP pins a page no longer mapped: BUG, fixed
# by 70cbc3cc78a99 (re-check the pmd). collapse-ipi-sync (2ba99c5e0881) is open.

scenario s000-collapse
summary "khugepaged collapse vs reclaim and vs fast GUP"
ref thread seeds/000_a5cba99ccb951c19.txt
ref commit 70cbc3cc78a99 "mm: gup: fix the fast GUP race against THP collapse"
ref commit 2ba99c5e0881 "mm/khugepaged: fix GUP-fast interaction by sending IPI"
geometry 4 4

process P {
  anon 0x0 4
  present 0x0 1
  present 0x1000 2
  present 0x2000 3
  present 0x3000 4
}

kthread {
  khugepaged P 0x0
}

kthread lazy P {
  shrink 4
}

run x86   KhugepagedCollapse=v5.6        expect VERIFIED
run x86   KhugepagedCollapse=no-detach   expect BUG check mapcount
run x86   KhugepagedCollapse=yang-v2     expect VERIFIED
run x86   KhugepagedCollapse=no-pmd-lock expect VERIFIED
# collapse vs fast GUP (a second file would replace the reclaim CPU by: cpu P { pages = gupFast 0x1000 1 })
# run x86   KhugepagedCollapse=v5.6              expect VERIFIED
# run arm64 KhugepagedCollapse=v5.6              expect BUG
# run arm64 KhugepagedCollapse=gup-recheck-pmd   expect VERIFIED
# run arm64 KhugepagedCollapse=collapse-ipi-sync expect (open)
