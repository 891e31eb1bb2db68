# S004 (seed 004): retract_page_tables() vs an IOMMU walking the CPU page tables, and vs
# lockless walkers (pte_offset_map under RCU).
# PENDING on main: written against branch mm-part2 (ProcessSpec.iommu, Task.iommuWalk,
# Task.pteOffsetMapRcu); verified there.
#
# The IOMMU walks the page tables by itself, caches translations and paging-structure
# entries, and hears of changes only through MMU notifiers. hugh-v1 retracts with no
# notifiers: the IOMMU walks or caches a table that is then freed (pgtable-freed-under-walker):
# BUG; 1d65b771bc08 brings the notifiers back: VERIFIED. A lockless pte_offset_map walker is
# safe under hugh-v1 because pte_free_defer waits for RCU: VERIFIED; with pte_free instead
# (counterfactual hugh-v1-pte-free) it reads a freed table: BUG.

scenario s004-retract-vs-walkers
summary "retract_page_tables vs an IOMMU walk and vs a lockless pte_offset_map walker"
ref thread seeds/004_d1e271d9ff1b3798.txt

shmem F 4 {
}

process P {
  vma 0x0 4 VM_READ|VM_WRITE|VM_MAYREAD|VM_MAYWRITE|VM_UFFD_MISSING F 0
  emptyPteTable 0x0
  iommu
}

kthread {
  a = iommuWalk P 0x1000
  b = iommuWalk P 0x1000
}

kthread {
  retractPageTables F 0
}

run x86 RetractPageTables=hugh-v1      expect BUG check pgtable-freed-under-walker
run x86 RetractPageTables=1d65b771bc08 expect VERIFIED


