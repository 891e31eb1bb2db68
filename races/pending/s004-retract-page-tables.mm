# S004 (seed 004, 6.4 -> 6.6): retract_page_tables() without mmap or VMA lock.
# PENDING: needs khugepagedCollapseFile (collapse_file -> retract_page_tables), uffdioCopy,
# userfaultfd-registered VMAs (VM_UFFD_MISSING exists as a flag), an IOMMU bound to a process,
# lockless pte_offset_map walkers, and the variants v6.4 / hugh-v1 / 1d65b771bc08 /
# pte-none-check.
#
# UFFDIO_COPY installs an anonymous PTE in a private file VMA without looking at the page
# cache; hugh-v1 retracts the (supposedly empty) table with only the i_mmap read lock and a
# racy anon_vma pre-check, detaching a table that holds a live anon PTE: the anon page leaks
# (BUG). 6.6's 1d65b771bc08 re-checks anon_vma and userfaultfd_wp under the PTE lock and
# restores the notifiers: VERIFIED; Jann's pte-none-check: VERIFIED; v6.4 (mmap_write_trylock
# + re-check): VERIFIED. The IOMMU, told only through MMU notifiers, walks a freed table under
# hugh-v1: BUG. pte_free instead of pte_free_defer lets lockless walkers read a freed table.

scenario s004-retract-page-tables
summary "retract_page_tables vs UFFDIO_COPY, an IOMMU walk, and lockless walkers"
ref thread seeds/004_d1e271d9ff1b3798.txt
ref commit 1d65b771bc08 "mm/khugepaged: retract_page_tables() without mmap or vma lock"
geometry 4 4

shmem S 4 {
  cached 0
}

process P {
  vma 0x0 4 VM_READ|VM_WRITE|VM_MAYREAD|VM_MAYWRITE|VM_UFFD_MISSING S 0
}

process Q {
  fileShared 0x0 4 S 0
}

kthread {
  khugepagedCollapseFile S 0
}

cpu P {
  uffdioCopy 0x1000 42
}

run x86 RetractPageTables=v6.4          expect VERIFIED
run x86 RetractPageTables=hugh-v1       expect BUG check rss
run x86 RetractPageTables=1d65b771bc08  expect VERIFIED
run x86 RetractPageTables=pte-none-check expect VERIFIED
