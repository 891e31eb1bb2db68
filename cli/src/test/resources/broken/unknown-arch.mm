# error: 6:5: unknown arch 'power'; valid names: x86, arm64
scenario broken
process P {
  anon 0x0 4
}
run power default expect VERIFIED
cpu P {
  read 0x1000
}
