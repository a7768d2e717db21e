#include "pageentry.h"

namespace {

constexpr quint64 bit(int n)
{
    return quint64(1) << n;
}

constexpr quint64 pfnMask = bit(55) - 1; // bits 0-54
constexpr quint64 swapTypeMask = bit(5) - 1; // bits 0-4
constexpr int swapOffsetShift = 5; // bits 5-54

} // namespace

PageEntry PageEntry::decode(quint64 raw)
{
    PageEntry entry;
    entry.raw = raw;
    entry.present = raw & bit(63);
    entry.swapped = raw & bit(62);
    entry.fileOrSharedAnon = raw & bit(61);
    entry.guardRegion = raw & bit(58);
    entry.uffdWriteProtected = raw & bit(57);
    entry.exclusive = raw & bit(56);
    entry.softDirty = raw & bit(55);
    // Bits 0-54 mean a frame number for a present page and a swap location for a swapped one;
    // the kernel never sets both flags, and present wins if garbage does.
    if (entry.present) {
        entry.pfn = raw & pfnMask;
    } else if (entry.swapped) {
        entry.swapType = quint32(raw & swapTypeMask);
        entry.swapOffset = (raw & pfnMask) >> swapOffsetShift;
    }
    return entry;
}
