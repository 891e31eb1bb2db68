# S003 (seed 003, 5.3): non-atomic __SetPageSwapBacked() in the anonymous fault vs fast GUP's
# atomic flag updates, explored under each architecture's weak memory model.
#
# do_anonymous_page(), under the PTE lock: page_add_new_anon_rmap() sets PG_swapbacked with
# __SetPageSwapBacked() (a plain load, OR, plain store of page->flags), then set_pte_at()
# publishes the page (WRITE_ONCE of the PTE, no barrier). Fast GUP on another CPU reads the PTE
# with IRQs off, takes a reference (atomic_add_unless, fully ordered), re-reads the PTE, then
# SetPageReferenced() (set_bit) and lock_page() (test_and_set_bit_lock). On arm64 and power
# nothing orders the flags store before the PTE store: GUP can see the new PTE while its set_bit
# still reads the flags from before PG_swapbacked; coherence then puts GUP's update before the
# fault's plain store, which writes the old flags back: PG_referenced is lost (the thread's
# worry was PG_locked lost = two lock owners). x86-TSO keeps stores in order: VERIFIED. Yu Zhao's
# v3 adds smp_wmb() before set_pte_at(); Peter Zijlstra suggested making set_pte_at() a
# store-release: with either, LKMM's plain-coherence rule (the flags store is w-post-bounded by
# the barrier and visible to GUP's atomic) forbids the lost update: VERIFIED.
#
# Why the settings: `config weakMemory 1` explores under x86-TSO (x86) and LKMM (arm64, power)
# instead of interleavings. `config pagevecSize 15` is the kernel's PAGEVEC_SIZE: the new page
# waits in the per-CPU lru_add_pvec holding the reference lru_cache_add() took. With a pagevec
# of 1 (the catalog's usual setting) the fault would drain it at once, and the put_page() of
# that drain is a fully ordered atomic_dec_and_test() after the flags store: GUP's fully
# ordered reference grab reading its value would then order GUP after the flags store and hide
# the race that the real 5.3 code has.
#
# The KSM-copy half (set_pte_at() before the rmap, a bug even under SC) is in
# s003-ksm-copy-vs-gup-fast.mm.

scenario s003-swapbacked-vs-gup-fast
summary "__SetPageSwapBacked (non-atomic) in the anon fault vs fast GUP's SetPageReferenced"
ref thread seeds/003_9298a3d2e6599322.txt

config weakMemory 1
config pagevecSize 15

process P {
  anon 0x0 4
}

cpu P {
  write 0x1000 1
}

cpu P {
  pages = gupFast 0x1000 1 FOLL_GET true
}

run x86   AnonFault=5.3             expect VERIFIED
run arm64 AnonFault=5.3             expect BUG check lost-flag-update
run power AnonFault=5.3             expect BUG check lost-flag-update
run arm64 AnonFault=smp_wmb         expect VERIFIED
run power AnonFault=smp_wmb         expect VERIFIED
run arm64 AnonFault=set_pte-release expect VERIFIED
run power AnonFault=set_pte-release expect VERIFIED
