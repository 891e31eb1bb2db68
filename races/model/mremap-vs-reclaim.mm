# Jann Horn's mremap race (eb66ae030829, 4.20): mremap moves a clean PTE and, in 4.19,
# flushes the TLB for the old address only after dropping the PTE locks.
#
# In the window, reclaim finds the page at its new address through the rmap, unmaps it
# (arm64 flushes only the new address), and frees it; CPU1 still translates the old
# address through its TLB into the freed page: stale-tlb, BUG on arm64 with 4.19.
# From eb66ae030829 the flush happens under the PTE locks whenever a present PTE moved, so
# reclaim cannot get at the page before the old translation is gone: VERIFIED.

scenario mremap-vs-reclaim
summary "mremap moving a clean PTE, flushing late, vs reclaim freeing the page"
ref commit eb66ae030829 "mremap: properly flush TLB before releasing the page"

process P {
  anon 0x0 4
  present 0x1000 7 clean inTlbOf 1
}

cpu P {
  mremap 0x1000 0x1000 0x9000
}

cpu P {
  read 0x1000
}

kthread lazy P {
  shrink 1
}

run arm64 MremapFlush=4.19 expect BUG check stale-tlb
run arm64 MremapFlush=v5.6 expect VERIFIED executions 1405
