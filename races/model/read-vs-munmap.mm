# A user load racing with munmap(2) of its page, the load's translation already in the TLB.
#
# zap_pte_range() clears the PTE and gathers the page in an mmu_gather; tlb_finish_mmu()
# flushes the TLB (x86: an IPI to CPU0; arm64: a broadcast TLBI) and only then frees the
# page. So CPU0 either reads 7 through its TLB before the flush, or faults afterwards and
# gets SIGSEGV: VERIFIED on both arches.
#
# The counterfactual twin frees the gathered pages before the flush: CPU0 can still load
# through its TLB entry from a page that is already back in the allocator, and the
# stale-tlb check fires: BUG on both arches.

scenario read-vs-munmap
summary "A load through a warm TLB entry vs munmap: flush before free"
ref mm/mmu_gather.c tlb_flush_mmu()

process P {
  anon 0x0 4
  present 0x1000 7 inTlbOf 0
}

cpu P {
  r = read 0x1000
}

cpu P {
  munmap 0x0 0x4000
}

run x86   default                                   expect VERIFIED executions 12
run arm64 default                                   expect VERIFIED executions 45
run x86   ZapFlush=counterfactual-free-before-flush expect BUG check stale-tlb
run arm64 ZapFlush=counterfactual-free-before-flush expect BUG check stale-tlb
