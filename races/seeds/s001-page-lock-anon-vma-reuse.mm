# S001 (seed 001), the fuller form of Peter Zijlstra's diagram: the same race as
# s001-page-lock-anon-vma.mm plus a third CPU, an unrelated process Q whose first write
# fault allocates an anon_vma - from the SLAB_TYPESAFE_BY_RCU cache, so possibly in the
# memory of the anon_vma that munmap just freed. (Peter's fourth CPU, re-faulting page_A,
# does not change what page_lock_anon_vma returns and is left out.)
#
# Verdicts are those of the two-CPU file, for the same reasons: 2.6.34-rc returns an
# anon_vma that is not page_rmapping(page) - freed, or already Q's (check rmap-anon-vma,
# which compares the anon_vma's allocation, not just its address): BUG; peterz, 2.6.36 and
# v5.6 re-check after locking: VERIFIED. The BUG shown is the one with the fewest
# preemptions, which need not include Q's reuse; every interleaving with the reuse is
# explored too. Only x86 rows: with three CPUs the arm64 VERIFIED runs take over a minute
# each (the arm64 twins are in the two-CPU file).

scenario s001-page-lock-anon-vma-reuse
summary "Peter's four-CPU diagram: page_lock_anon_vma vs munmap freeing the anon_vma vs a fault reusing its memory"
ref thread seeds/001_ef766845e3b919ef.txt
ref commit f18194275c39 "mm: fix hang on anon_vma->root->lock"

process P {
  anon 0x0 4
  present 0x1000 7 clean
}

process Q {
  anon 0x0 4
}

kthread {
  shrink 1
}

cpu P {
  munmap 0x0 0x4000
}

cpu Q {
  write 0x1000 5
}

run x86   PageLockAnonVma=2.6.34-rc,AnonVmaImpl=2.6.34 expect BUG check rmap-anon-vma
run x86   PageLockAnonVma=peterz,AnonVmaImpl=2.6.34    expect VERIFIED executions 223473
run x86   PageLockAnonVma=2.6.36,AnonVmaImpl=2.6.36    expect VERIFIED executions 249098
run x86   default                                      expect VERIFIED executions 271678
