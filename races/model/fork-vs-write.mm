# fork() write-protecting the parent's anonymous page for COW while another thread of the
# parent writes it through a writable TLB entry.
#
# copy_page_range() write-protects the parent's PTE, and dup_mmap() calls
# flush_tlb_mm(oldmm) before releasing mmap_lock: once the child exists, no CPU can store
# through the old writable translation, so the child's copy stays what the parent had at
# fork time (cow-isolation, checked at the end while the child still exists): VERIFIED. Without the flush the store goes into the page
# shared with the child: BUG.
#
# Only two executions: CPU1's store goes through its TLB entry without a fault or a lock, so
# the one conflict DPOR must order is that store against the flush of CPU1's TLB (x86: the
# flush IPI; arm64: the broadcast TLBI). After the flush, the store faults and breaks COW
# inside the same execution.

scenario fork-vs-write
summary "fork's COW write-protect vs a store through a writable TLB entry"
ref kernel/fork.c dup_mmap() flush_tlb_mm()

process P {
  anon 0x0 4
  present 0x1000 7 inTlbOf 1
}

cpu P {
  fork C
}

cpu P {
  write 0x1000 9
}

run x86   default                                 expect VERIFIED executions 3
run arm64 default                                 expect VERIFIED executions 2
run x86   ForkFlush=counterfactual-no-flush-tlb-mm expect BUG check cow-isolation
