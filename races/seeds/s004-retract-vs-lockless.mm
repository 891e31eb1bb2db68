# S004 (seed 004): retract_page_tables() vs a lockless walker (pte_offset_map under RCU, as
# fast GUP and others walk). PENDING on main: written against branch mm-part2.
#
# hugh-v1 frees the retracted table with pte_free_defer (after an RCU grace period), so a
# walker inside rcu_read_lock never reads a freed table: VERIFIED. The counterfactual
# hugh-v1-pte-free frees it at once: BUG (pgtable-freed-under-walker).

scenario s004-retract-vs-lockless
summary "retract_page_tables vs a lockless pte_offset_map walker"
ref thread seeds/004_d1e271d9ff1b3798.txt

shmem F 4 {
}

process P {
  vma 0x0 4 VM_READ|VM_WRITE|VM_MAYREAD|VM_MAYWRITE|VM_UFFD_MISSING F 0
  emptyPteTable 0x0
}

kthread {
  pte = pteOffsetMapRcu P 0x1000
}

kthread {
  retractPageTables F 0
}

run x86 RetractPageTables=hugh-v1-pte-free expect BUG check pgtable-freed-under-walker
run x86 RetractPageTables=hugh-v1          expect VERIFIED
