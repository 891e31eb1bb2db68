# error: 6:5: unknown arch 'sparc'; valid names: x86, arm64, power, s390, alpha
scenario broken
process P {
  anon 0x0 4
}
run sparc default expect VERIFIED
cpu P {
  read 0x1000
}
