# error: 8:1: expected at least one 'run ARCH VARIANTS expect VERDICT' line
scenario broken
process P {
  anon 0x0 4
}
cpu P {
  read 0x1000
}
