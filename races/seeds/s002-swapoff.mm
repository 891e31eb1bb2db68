# S002 (seed 002): swapoff vs do_swap_page.
#
# Before eb085574a752, do_swap_page uses the swap_info structures with no reference; swapoff
# frees them: BUG. get_swap_device() (a reference checked against SWP_VALID with RCU-sched
# before v4.20) holds swapoff off: VERIFIED.

scenario s002-swapoff
summary "swapoff freeing swap structures vs do_swap_page"
ref thread seeds/002_724bcb3cc4354858.txt
ref commit eb085574a752 "mm, swap: fix race between swapoff and some swap operations"
rcu pre-4.20

process P {
  anon 0x0 4
  swapped 0x1000 7
}

cpu P {
  r = read 0x1000
}

kthread {
  swapoff
}

run x86 SwapDevice=pre-eb085574a752 expect BUG check kasan
run x86 SwapDevice=get_swap_device   expect VERIFIED
