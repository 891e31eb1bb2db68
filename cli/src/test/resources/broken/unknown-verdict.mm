# error: 9:24: unknown verdict 'FINE'; valid names: BUG, VERIFIED, NO-BUG-FOUND
scenario broken
process P {
  anon 0x0 4
}
cpu P {
  read 0x1000
}
run x86 default expect FINE
