# S002 (seed 002), the functional half: Mel's 69d763fc6d3a reads page->mapping under
# trylock_page, but returns early for a dirty page whose mapping is NULL, so such pages
# (anonymous, not in the swap cache) are never isolated for migration: the check
# isolate-dirty-no-mapping fails. 145e1a71e090 lets them through again. The 4.15 code
# isolates them (it reads no mapping for them): VERIFIED for this check.

scenario s002-isolate-dirty-no-mapping
summary "a dirty page with no mapping must still be isolated for migration"
ref thread seeds/002_724bcb3cc4354858.txt
ref commit 69d763fc6d3a "mm: pin address_space before dereferencing it while isolating an LRU page"
rcu pre-4.20

process P {
  anon 0x0 4
  present 0x1000 7 pageDirty
}

kthread {
  n = compact
}

run x86 IsolateDirty=4.15                                expect VERIFIED
run x86 IsolateDirty=69d763fc6d3a                        expect BUG check isolate-dirty-no-mapping
run x86 IsolateDirty=69d763fc6d3a+145e1a71e090           expect VERIFIED
