# error: 7:8: expected '}' to close the block
scenario broken
process P {
  anon 0x0 4
}
cpu P {
  read 0x1000
