# A write fault that allocates a new anonymous page, racing with munmap of the VMA.
#
# The fault holds mmap_lock for read; munmap takes it for write (after detaching the VMAs,
# v5.6 downgrades to read while it zaps). Either the fault finds no VMA and the store gets
# SIGSEGV, or its page is installed first and munmap zaps and frees it. Nothing leaks and no
# page is freed while mapped: VERIFIED on both arches.

scenario write-fault-vs-munmap
summary "A write fault allocating a page vs munmap of its VMA"
ref mm/mmap.c __do_munmap(), mm/memory.c do_anonymous_page()

process P {
  anon 0x0 4
}

cpu P {
  r = write 0x1000 3
}

cpu P {
  munmap 0x0 0x4000
}

run x86   default expect VERIFIED executions 35
run arm64 default expect VERIFIED executions 82
