# Reclaim swapping out an anonymous page while a thread of its process reads it through a
# warm TLB entry.
#
# try_to_unmap_one() clears the PTE and defers the flush (set_tlb_ubc_flush_pending);
# shrink_page_list() calls try_to_unmap_flush() before free_unref_page_list(), so the page
# is never freed while a TLB still maps it; the read returns 7 either way: VERIFIED.
# The counterfactual skips that batched flush before the free: BUG (stale-tlb) on x86.

scenario reclaim-vs-read
summary "Reclaim of an anon page vs a read through a warm TLB entry"
ref mm/rmap.c try_to_unmap_flush()

process P {
  anon 0x0 4
  present 0x1000 7 clean inTlbOf 1
}

kthread lazy P {
  shrink 4
}

cpu P {
  r = read 0x1000
  assert r == 7 as data
}

run x86   default                                             expect VERIFIED executions 13
run arm64 default                                             expect VERIFIED executions 273
run x86   ReclaimFlush=counterfactual-no-flush-before-free    expect BUG check stale-tlb
