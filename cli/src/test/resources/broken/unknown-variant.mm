# error: 9:9: no variant ZapFlush=v9; valid variants: <VARIANTS>
scenario broken
process P {
  anon 0x0 4
}
cpu P {
  read 0x1000
}
run x86 ZapFlush=v9 expect VERIFIED
