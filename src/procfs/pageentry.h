#pragma once

#include <QtGlobal>

// One decoded /proc/PID/pagemap entry (a little-endian u64 per virtual page).
struct PageEntry
{
    quint64 raw = 0;
    bool present = false; // bit 63
    bool swapped = false; // bit 62
    bool fileOrSharedAnon = false; // bit 61
    bool guardRegion = false; // bit 58 (6.15+)
    bool uffdWriteProtected = false; // bit 57
    bool exclusive = false; // bit 56 (4.2+)
    bool softDirty = false; // bit 55
    quint64 pfn = 0; // bits 0-54 when present; 0 without CAP_SYS_ADMIN: not a real frame then
    quint32 swapType = 0; // bits 0-4 when swapped
    quint64 swapOffset = 0; // bits 5-54 when swapped

    static PageEntry decode(quint64 raw);
};
