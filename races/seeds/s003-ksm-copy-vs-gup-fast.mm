# S003 (seed 003, 5.3), the swap-in half: in 5.3's do_swap_page, when ksm_might_need_to_copy()
# returns a copy of a swap-cache page (here: a swap-cache page with a stale page->index), the
# code maps the copy with set_pte_at() BEFORE page_add_new_anon_rmap() runs its non-atomic
# __SetPageSwapBacked(). Fast GUP on another CPU can find the new PTE, take a reference and
# set PG_referenced / take PG_locked atomically in that window; the plain load/OR/store of
# page->flags then writes the old flags back and the atomic update is lost. No reordering is
# needed, so it fails under SC, on every arch. Yu Zhao's v3 (thread 003) moves set_pte_at()
# after the rmap, as every other path already does: VERIFIED.
#
# The anonymous-fault half (the PTE store overtaking the flags store on arm64/power) is in
# s003-swapbacked-vs-gup-fast.mm, explored under x86-TSO and LKMM.

scenario s003-ksm-copy-vs-gup-fast
summary "5.3 do_swap_page KSM-copy branch maps the page before __SetPageSwapBacked vs fast GUP"
ref thread seeds/003_9298a3d2e6599322.txt

process P {
  anon 0x0 4
  swapped 0x1000 5 staleSwapCache
}

cpu P {
  v = read 0x1000
}

cpu P {
  pages = gupFast 0x1000 1 FOLL_GET true
}

run x86   SwapInKsmCopy=5.3    expect BUG check lost-flag-update
run arm64 SwapInKsmCopy=5.3    expect BUG check lost-flag-update
run power SwapInKsmCopy=5.3    expect BUG check lost-flag-update
run x86   SwapInKsmCopy=yu-v3  expect VERIFIED
run arm64 SwapInKsmCopy=yu-v3  expect VERIFIED
