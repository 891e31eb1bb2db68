# error: 4:20: unknown PageSpec verb 'warm'; valid names: active, clean, inTlbOf, pageDirty, readOnly, referenced, staleSwapCache, swapCache, young
scenario broken
process P {
  present 0x1000 7 warm
}
cpu P {
  read 0x1000
}
run x86 default expect VERIFIED
