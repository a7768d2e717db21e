#!/usr/bin/env python3
"""Writes the hand-built pagemap trees beside this script (see README.md). Run it again after
changing a table; tests/procfs/tst_pagemapreader.cpp and tests/models/tst_pagemodel.cpp hold the
expected values, read off these tables."""

import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
PAGE = 4096

# kpageflags bits (Documentation/admin-guide/mm/pagemap.rst), and KPF_RESERVED (unstable, 32).
LOCKED, ERROR, REFERENCED, UPTODATE, DIRTY, LRU, ACTIVE, SLAB, WRITEBACK, RECLAIM, BUDDY, MMAP, ANON, \
    SWAPCACHE, SWAPBACKED, COMPOUND_HEAD, COMPOUND_TAIL, HUGE, UNEVICTABLE, HWPOISON, NOPAGE, KSM, THP, \
    OFFLINE, ZERO_PAGE, IDLE, PGTABLE = range(27)
RESERVED = 32


def bits(*numbers):
    value = 0
    for n in numbers:
        value |= 1 << n
    return value


PRESENT, SWAPPED, FILE, GUARD, UFFD_WP, EXCLUSIVE, SOFT_DIRTY = 63, 62, 61, 58, 57, 56, 55


def present(pfn, *flags):
    return bits(PRESENT, *flags) | pfn


def swapped(swap_type, offset, *flags):
    return bits(SWAPPED, *flags) | (offset << 5) | swap_type


MAPS = """\
00010000-00020000 rw-p 00000000 00:00 0                                  [heap]
00020000-00024000 r--p 00000000 fd:01 1234                               /usr/lib/libfixture.so
00030000-00032000 rw-s 00000000 00:05 77                                 /dev/shm/fixture
00040000-00041000 ---p 00000000 00:00 0 
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
"""

# virtual page number -> pagemap entry; pages not listed read 0 (not present)
ANON_LRU = (ANON, SWAPBACKED, LRU, UPTODATE, MMAP)
PAGEMAP = {
    0x10: present(0x100, EXCLUSIVE, SOFT_DIRTY),
    0x11: present(0x101, EXCLUSIVE),
    0x13: swapped(1, 0x2a, SOFT_DIRTY),
    0x14: present(0x102),  # copy-on-write shared with a child: kpagecount 2
    0x15: present(0x200, EXCLUSIVE),  # THP head
    0x16: present(0x201, EXCLUSIVE),  # THP tail
    0x17: present(0x50),  # the zero page
    0x18: present(0x300),  # KSM
    0x19: present(0x103, EXCLUSIVE, UFFD_WP),
    0x1a: bits(GUARD),
    0x1b: swapped(31, 0x12345),
    0x20: present(0x400, FILE),
    0x21: present(0x401, FILE),
    0x30: present(0x402, FILE),  # shared anonymous (shmem)
}

# pfn -> (kpageflags, kpagecount)
FRAMES = {
    0x50: (bits(ZERO_PAGE, RESERVED), 0),
    0x100: (bits(*ANON_LRU, ACTIVE, DIRTY, REFERENCED), 1),
    0x101: (bits(*ANON_LRU), 1),
    0x102: (bits(*ANON_LRU), 2),
    0x103: (bits(*ANON_LRU), 1),
    0x200: (bits(*ANON_LRU, COMPOUND_HEAD, THP), 1),
    0x201: (bits(*ANON_LRU, COMPOUND_TAIL, THP), 1),
    0x300: (bits(*ANON_LRU, KSM), 3),
    0x400: (bits(LRU, ACTIVE, MMAP, UPTODATE, REFERENCED), 5),
    0x401: (bits(LRU, MMAP, UPTODATE), 7),
    0x402: (bits(SWAPBACKED, LRU, MMAP, UPTODATE, DIRTY), 2),
}
# Frames no process of the tree maps, for the census.
CENSUS_FRAMES = {}
for pfn in range(0x0, 0x10):
    CENSUS_FRAMES[pfn] = bits(RESERVED)
for pfn in range(0x10, 0x20):
    CENSUS_FRAMES[pfn] = bits(NOPAGE)
for pfn in range(0x500, 0x504):  # a kernel that flags every free frame
    CENSUS_FRAMES[pfn] = bits(BUDDY)
CENSUS_FRAMES[0x504] = bits(SLAB)  # ends the free run: 0x505.. are not free
CENSUS_FRAMES[0x510] = bits(SLAB, COMPOUND_HEAD)
for pfn in range(0x511, 0x514):  # slab tails flagged as tails only: slab by their head
    CENSUS_FRAMES[pfn] = bits(COMPOUND_TAIL)
CENSUS_FRAMES[0x520] = bits(PGTABLE)
CENSUS_FRAMES[0x521] = bits(PGTABLE)
CENSUS_FRAMES[0x530] = bits(HWPOISON)
CENSUS_FRAMES[0x531] = bits(OFFLINE)
CENSUS_FRAMES[0x600] = bits(BUDDY)  # order-9 block head flagged alone: 0x601..0x7ff are free too
PFN_END = 0x800

STAT = ("4242 (fixture) S 1 4242 4242 0 -1 4194304 1234 0 5 0 0 0 0 0 20 0 1 0 77947 2535424 305 "
        "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n")


def write(path, data, mode='wb'):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(data)


def u64s(table, count):
    out = bytearray(8 * count)
    for index, value in table.items():
        if index < count:
            struct.pack_into('<Q', out, 8 * index, value)
    return bytes(out)


def tree(name, pid, pagemap=None, pagemap_pages=0x41, frames=True, maps=MAPS):
    root = os.path.join(HERE, name)
    shutil.rmtree(root, ignore_errors=True)
    write(os.path.join(root, 'pagesize'), b'4096\n')
    write(os.path.join(root, str(pid), 'maps'), maps.encode())
    write(os.path.join(root, str(pid), 'stat'), STAT.replace('4242', str(pid)).encode())
    if pagemap is not None:
        write(os.path.join(root, str(pid), 'pagemap'), u64s(pagemap, pagemap_pages))
    if frames:
        flags = dict(CENSUS_FRAMES)
        flags.update({pfn: f for pfn, (f, _) in FRAMES.items()})
        write(os.path.join(root, 'kpageflags'), u64s(flags, PFN_END))
        write(os.path.join(root, 'kpagecount'), u64s({pfn: c for pfn, (_, c) in FRAMES.items()}, PFN_END))


PFN_MASK = (1 << 55) - 1


def hidden(entry):
    return entry & ~PFN_MASK if entry >> PRESENT & 1 else entry


tree('root', 4242, PAGEMAP)
# As an unprivileged reader sees it: PFNs 0, flags kept; kpageflags and kpagecount unreadable.
tree('hidden', 4243, {page: hidden(e) for page, e in PAGEMAP.items()}, frames=False)
# PFNs readable but no kpageflags (not recorded).
tree('noframes', 4244, PAGEMAP, frames=False)
# The pagemap ends inside [heap], at page 0x14: what a read sees once the process has exited.
tree('exited', 4245, PAGEMAP, pagemap_pages=0x14)
# 128 TiB asked for at once (all of x86-64 user space): refused before any pagemap read.
tree('huge', 4246, None, frames=False,
     maps="000000001000-7ffffffff000 ---p 00000000 00:00 0 \n")
