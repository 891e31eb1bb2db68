# error: 9:3: unknown entry point 'red'; valid names: compact, exit, fault, fork, gup, gupFast, gupFastOnly, hwWalk, iommuWalk, khugepaged, madviseDontneed, mmput, movePages, mremap, munmap, pteOffsetMapRcu, putUserPages, read, retractPageTables, shrink, swapoff, truncate, uffdioCopy, unlinkAndClose, write
scenario broken
process P {
  anon 0x0 4
}

cpu P {
  read 0x1000
  red 0x1000
}
run x86 default expect VERIFIED
