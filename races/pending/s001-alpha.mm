# S001 (seed 001): dependent loads through the pointer read from page->mapping, on Alpha.
# PENDING: needs an `alpha` arch (LKMM without dependency ordering) and a variant choosing
# smp_read_barrier_depends (or READ_ONCE >= 4.15) in page_lock_anon_vma.
#
# A freshly published anon_vma (page_add_anon_rmap stores page->mapping after initialising
# it) can be read through the pointer with its old contents on Alpha unless a dependency
# barrier separates the two loads: BUG without, VERIFIED with.

scenario s001-alpha
summary "Alpha: fields of a freshly published anon_vma read through page->mapping"
ref thread seeds/001_ef766845e3b919ef.txt

process P {
  anon 0x0 4
}

cpu P {
  write 0x1000 5
}

kthread {
  shrink 1
}

run alpha PageLockAnonVma=2.6.34-rc                         expect BUG
run alpha PageLockAnonVma=2.6.34-rc,ReadBarrierDepends=yes  expect VERIFIED
