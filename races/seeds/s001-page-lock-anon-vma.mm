# S001 (seed 001, 2.6.34-rc, "page_lock_anon_vma() vs anon_vma free and reuse"):
#
# anon_vmas come from a SLAB_DESTROY_BY_RCU (now SLAB_TYPESAFE_BY_RCU) cache: a freed
# anon_vma's memory can be a new anon_vma at once. 2.6.34-rc's page_lock_anon_vma() takes
# rcu_read_lock, reads page->mapping, requires the ANON bit and page_mapped(), and then
# spin_lock()s the anon_vma, never looking again. Peter Zijlstra's diagram: while CPU0
# (reclaim: page_referenced -> rmap walk) is between the page_mapped() test and the lock,
# CPU1 removes the page's last mapping (here: munmap of the whole VMA; reclaim's isolation
# reference keeps the page itself alive) and the anon_vma is freed; in Peter's diagram a
# third CPU's fault then allocates a new anon_vma in the same memory. CPU0 locks and
# returns an anon_vma that is not page_A's, for a page that is no longer mapped.
#
# The scenario keeps two CPUs: the check below fails as soon as the lock is taken on an
# anon_vma that is freed (or reused: the slab may hand it out again at once), so the reusing
# fault adds nothing to the verdict but a third CPU's interleavings. The three-CPU form is
# s001-page-lock-anon-vma-reuse.mm (x86 rows only: its arm64 runs take over a minute each).
#
# Check rmap-anon-vma (PageLockAnonVmaForms): whenever page_lock_anon_vma() returns an
# anon_vma, it is page_rmapping(page) and the page is mapped.
#
# Verdicts, as SEED-RACES.md expects:
#  - 2.6.34-rc (with the 2.6.34 anon_vma: a spinlock per anon_vma, freed when its chain
#    list empties): BUG - the munmap fits between page_mapped() and spin_lock().
#  - peterz (re-read page->mapping after locking, retry if changed, smp_rmb, then
#    page_mapped): VERIFIED - a freed or reused anon_vma fails one of the re-checks.
#  - 2.6.36 (f18194275c39: lock anon_vma->root and re-check page_mapped after locking):
#    VERIFIED.
#  - v5.6 (page_lock_anon_vma_read: trylock of the root's rwsem, refcount, re-check of
#    page_mapped): VERIFIED.
#  - peterz-no-rmb on arm64 (open): the smp_rmb orders the re-read of page->mapping against
#    the page_mapped() read; it only matters if the two loads can be reordered, and the
#    kernel module maps arm64 to the memory model the engine has today (the weak models are
#    being written on branch weak-memory). The row records the verdict the model gives.
#  The alpha rows are in races/pending/ (no Alpha arch in the model yet); the clear-mapping
#  rows are s001-clear-mapping.mm (file page) and s001-clear-mapping-anon.mm (anon page).

scenario s001-page-lock-anon-vma
summary "page_lock_anon_vma() (reclaim's rmap walk) vs munmap freeing the anon_vma and a fault reusing it"
ref thread seeds/001_ef766845e3b919ef.txt
ref commit f18194275c39 "mm: fix hang on anon_vma->root->lock"

process P {
  anon 0x0 4
  present 0x1000 7 clean
}

kthread {
  shrink 1
}

cpu P {
  munmap 0x0 0x4000
}

run x86   PageLockAnonVma=2.6.34-rc,AnonVmaImpl=2.6.34 expect BUG check rmap-anon-vma
run arm64 PageLockAnonVma=2.6.34-rc,AnonVmaImpl=2.6.34 expect BUG check rmap-anon-vma
run x86   PageLockAnonVma=peterz,AnonVmaImpl=2.6.34    expect VERIFIED executions 1851
run x86   PageLockAnonVma=2.6.36,AnonVmaImpl=2.6.36    expect VERIFIED executions 2052
run x86   default                                      expect VERIFIED executions 2248
run arm64 PageLockAnonVma=peterz,AnonVmaImpl=2.6.34    expect VERIFIED executions 11939
run arm64 PageLockAnonVma=2.6.36,AnonVmaImpl=2.6.36    expect VERIFIED executions 17567
run arm64 default                                      expect VERIFIED executions 19318
run arm64 PageLockAnonVma=peterz-no-rmb,AnonVmaImpl=2.6.34 expect VERIFIED executions 11939
