#include "kpageflags.h"

namespace {

// Indexed by KPageFlags::Bit, as include/uapi/linux/kernel-page-flags.h names them.
constexpr const char *flagNames[KPageFlags::StableBitCount] = {
    "LOCKED", "ERROR", "REFERENCED", "UPTODATE", "DIRTY", "LRU", "ACTIVE", "SLAB", "WRITEBACK",
    "RECLAIM", "BUDDY", "MMAP", "ANON", "SWAPCACHE", "SWAPBACKED", "COMPOUND_HEAD", "COMPOUND_TAIL",
    "HUGE", "UNEVICTABLE", "HWPOISON", "NOPAGE", "KSM", "THP", "OFFLINE", "ZERO_PAGE", "IDLE", "PGTABLE",
};

} // namespace

const char *KPageFlags::name(Bit bit)
{
    if (bit < 0 || bit >= StableBitCount)
        return "";
    return flagNames[bit];
}

QStringList KPageFlags::names(quint64 flags)
{
    QStringList result;
    for (int bit = 0; bit < StableBitCount; ++bit) {
        if (flags & (quint64(1) << bit))
            result.append(QLatin1String(flagNames[bit]));
    }
    return result;
}
