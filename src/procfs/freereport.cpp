#include "freereport.h"

namespace {

// Counters come from different moments inside the kernel (and containers fake some): a difference
// that would go below zero is reported as zero rather than wrapping.
quint64 minus(quint64 a, quint64 b)
{
    return a > b ? a - b : 0;
}

} // namespace

FreeReport FreeReport::fromMeminfo(const Meminfo &meminfo)
{
    FreeReport report;
    report.total = meminfo.valueOr("MemTotal", 0);
    report.free = meminfo.valueOr("MemFree", 0);
    report.shared = meminfo.valueOr("Shmem", 0);
    report.buffers = meminfo.valueOr("Buffers", 0);
    report.cache = meminfo.valueOr("Cached", 0) + meminfo.valueOr("SReclaimable", 0);
    report.buffCache = report.buffers + report.cache;

    // As procps-ng does: no MemAvailable (before 3.14), a zero one, or one above MemTotal (seen in
    // LXC containers) falls back to MemFree.
    const std::optional<quint64> available = meminfo.value("MemAvailable");
    report.availableEstimated = !available || *available == 0 || *available > report.total;
    report.available = report.availableEstimated ? report.free : *available;
    report.used = minus(report.total, report.available);
    report.usedLegacy = minus(report.total, report.free + report.buffers + report.cache);

    report.swapTotal = meminfo.valueOr("SwapTotal", 0);
    report.swapFree = meminfo.valueOr("SwapFree", 0);
    report.swapUsed = minus(report.swapTotal, report.swapFree);
    return report;
}
