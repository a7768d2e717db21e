#pragma once

#include "meminfo.h"

// The numbers of `free -k`, computed two ways because tools disagree and users notice.
struct FreeReport
{
    quint64 total = 0;
    quint64 used = 0; // procps-ng 4.0.1+: total - available
    quint64 usedLegacy = 0; // procps-ng < 4: total - free - buffers - cache
    quint64 free = 0;
    quint64 shared = 0; // Shmem
    quint64 buffers = 0;
    quint64 cache = 0; // Cached + SReclaimable
    quint64 buffCache = 0; // Buffers + Cached + SReclaimable
    quint64 available = 0; // MemAvailable, or free on kernels before 3.14
    bool availableEstimated = false; // no MemAvailable: free used instead
    quint64 swapTotal = 0;
    quint64 swapUsed = 0;
    quint64 swapFree = 0;

    static FreeReport fromMeminfo(const Meminfo &meminfo);
};
