# S004 (seed 004, 6.4 -> 6.6): retract_page_tables() vs UFFDIO_COPY.
# PENDING on main: written against branch mm-part2 (Task.retractPageTables, Task.uffdioCopy,
# ProcessSpec.emptyPteTable, the RetractPageTables variants); verified there.
#
# A private mapping of a shmem file, registered with userfaultfd (MISSING), an empty PTE
# table under its aligned pmd. UFFDIO_COPY, with mmap_lock for read, does anon_vma_prepare
# and then under the PTE lock installs an anonymous PTE in the file VMA without looking at
# the page cache. hugh-v1 (the patch in the seed) retracts the table with only the i_mmap
# read lock and a racy anon_vma pre-check: it can detach a table that holds the live anon
# PTE (check pgtable-detached-with-present-pte): BUG. v6.4 (mmap_write_trylock + re-check),
# 1d65b771bc08 (re-check anon_vma and uffd-wp under the PTE lock) and Jann's pte-none-check:
# VERIFIED.

scenario s004-retract-vs-uffdio-copy
summary "retract_page_tables without mmap lock vs UFFDIO_COPY into a private shmem VMA"
ref thread seeds/004_d1e271d9ff1b3798.txt
ref commit 1d65b771bc08 "mm/khugepaged: retract_page_tables() without mmap or vma lock"

shmem F 4 {
}

process P {
  vma 0x0 4 VM_READ|VM_WRITE|VM_MAYREAD|VM_MAYWRITE|VM_UFFD_MISSING F 0
  emptyPteTable 0x0
}

cpu P {
  uffdioCopy 0x1000 42
}

kthread {
  retractPageTables F 0
}

run x86 RetractPageTables=v6.4           expect VERIFIED
run x86 RetractPageTables=hugh-v1        expect BUG check pgtable-detached-with-present-pte
run x86 RetractPageTables=1d65b771bc08   expect VERIFIED
run x86 RetractPageTables=pte-none-check expect VERIFIED
