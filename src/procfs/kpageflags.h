#pragma once

#include <QStringList>
#include <QtGlobal>

// /proc/kpageflags bits (stable ones, 0-26) and their names.
namespace KPageFlags {
enum Bit {
    Locked = 0, Error, Referenced, Uptodate, Dirty, Lru, Active, Slab, Writeback, Reclaim, Buddy,
    Mmap, Anon, SwapCache, SwapBacked, CompoundHead, CompoundTail, Huge, Unevictable, HwPoison,
    NoPage, Ksm, Thp, Offline, ZeroPage, Idle, PgTable, StableBitCount
};
const char *name(Bit bit); // "LOCKED", "BUDDY", ...
QStringList names(quint64 flags); // names of the set stable bits, in bit order
}
