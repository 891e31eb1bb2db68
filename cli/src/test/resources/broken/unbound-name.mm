# error: 8:16: expected a name bound earlier to a List for putUserPages (putUserPages(List, int)), found 'pages'
scenario broken
process P {
  anon 0x0 4
}
cpu P {
  read 0x1000
  putUserPages pages FOLL_GET
}
run x86 default expect VERIFIED
