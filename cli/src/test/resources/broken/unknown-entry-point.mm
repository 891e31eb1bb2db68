# error: 9:3: unknown entry point 'red'; valid names: exit, fault, fork, gup, hwWalk, madviseDontneed, mmput, mremap, munmap, putUserPages, read, shrink, truncate, unlinkAndClose, write
scenario broken
process P {
  anon 0x0 4
}

cpu P {
  read 0x1000
  red 0x1000
}
run x86 default expect VERIFIED
