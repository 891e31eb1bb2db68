# error: 7:13: expected a number or a constant (<CONSTANTS>) (argument 2 of munmap, which takes munmap(long, long))
scenario broken
process P {
  anon 0x0 4
}
cpu P {
  munmap 0x0
}
run x86 default expect VERIFIED
