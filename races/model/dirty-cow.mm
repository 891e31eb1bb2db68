# CVE-2016-5195, "Dirty COW": a forced write through get_user_pages (ptrace, /proc/pid/mem)
# into a read-only private mapping of a file, racing with MADV_DONTNEED of the COW copy.
#
# In 4.8, after faultin_page() broke COW it dropped FOLL_WRITE, so the retried
# follow_page_pte() accepted any read-only PTE. If MADV_DONTNEED zaps the fresh COW copy in
# between, the retry faults the page-cache page back in read-only and GUP returns it: the
# forced write lands in the file's page cache (check gup-cow): BUG.
#
# 19be0eaffa3a (4.9) keeps FOLL_WRITE and sets FOLL_COW instead; can_follow_write_pte()
# accepts a read-only PTE only if it is dirty (a COW copy), so the retry faults again and
# gets a new private copy: VERIFIED.

scenario dirty-cow
summary "Forced GUP write vs MADV_DONTNEED of the COW copy (CVE-2016-5195)"
ref commit 19be0eaffa3a "mm: remove gup_flags FOLL_WRITE games from __get_user_pages()"

file F 4 {
  cached 1
}

process P {
  vma 0x0 4 VM_READ|VM_MAYREAD|VM_MAYWRITE F 0
}

cpu P {
  pages = gup 0x1000 1 FOLL_GET|FOLL_WRITE|FOLL_FORCE 42
  putUserPages pages FOLL_GET
}

cpu P {
  madviseDontneed 0x1000 0x1000
}

check file-intact cached F 1 == 101

run x86 GupFollowWrite=4.8  expect BUG check gup-cow
run x86 GupFollowWrite=v5.6 expect VERIFIED executions 578
