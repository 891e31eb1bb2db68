# S003 (seed 003, 5.3): non-atomic __SetPageSwapBacked() vs fast GUP's atomic flag updates.
# PENDING: needs the LKMM memory model for arm64/power (today they run on SC, so the 5.3
# rows cannot fail there). The KSM-copy rows are in races/seeds/s003-ksm-copy-vs-gup-fast.mm.
#
# do_anonymous_page sets PG_swapbacked with a plain load/OR/store, then set_pte_at (plain).
# On arm64/power the PTE store can become visible first; fast GUP then sets PG_referenced
# (or PG_locked) atomically and the fault's plain store of flags overwrites it: BUG. x86-TSO
# keeps the stores in order: VERIFIED. smp_wmb or a store-release set_pte_at: VERIFIED. In
# 5.3's KSM-copy branch set_pte_at comes before the rmap on every arch: BUG even on x86;
# yu-v3 moves it after: VERIFIED.

scenario s003-swapbacked-vs-gup-fast
summary "__SetPageSwapBacked (non-atomic) in the anon fault vs fast GUP's SetPageReferenced"
ref thread seeds/003_9298a3d2e6599322.txt

process P {
  anon 0x0 4
}

cpu P {
  write 0x1000 1
}

cpu P {
  pages = gupFast 0x1000 1 FOLL_GET true
}

run x86   AnonFault=5.3             expect VERIFIED
run arm64 AnonFault=5.3             expect BUG check lost-flag-update
run power AnonFault=5.3             expect BUG check lost-flag-update
run arm64 AnonFault=smp_wmb         expect VERIFIED
run arm64 AnonFault=set_pte-release expect VERIFIED
