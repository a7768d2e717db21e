#include "framecensus.h"

#include "frametable.h"
#include "kpageflags.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <numeric>

namespace {
// KPF_RESERVED: one of the kernel's unstable bits (include/linux/kernel-page-flags.h), the only
// place kpageflags says "reserved by firmware or the kernel".
constexpr int ReservedBit = 32;
// A free block is at most 2^10 frames (MAX_PAGE_ORDER 10 on every kernel since 2.6).
constexpr quint64 LargestFreeBlock = 1024;

constexpr bool has(quint64 flags, int bit)
{
    return flags & (quint64(1) << bit);
}

// classify(), plus what one frame's flags cannot say. Documentation/admin-guide/mm/pagemap.rst:
// BUDDY is set "for and only for the first page" of a free block, and SLAB only on a compound
// page's head; newer kernels (6.18 here) flag every frame. So a tail frame that classify() leaves
// at Other takes its head's class, and a flagless frame inside the largest block its BUDDY
// predecessor could head (its PFN's alignment bounds the order) is free.
class Classifier
{
public:
    FrameCensus::Class next(quint64 pfn, quint64 flags)
    {
        FrameCensus::Class frameClass = FrameCensus::classify(flags);
        if (has(flags, KPageFlags::CompoundHead))
            m_headClass = frameClass;
        else if (frameClass == FrameCensus::Other && has(flags, KPageFlags::CompoundTail))
            frameClass = m_headClass;

        if (has(flags, KPageFlags::Buddy)) {
            const quint64 alignment = pfn == 0 ? LargestFreeBlock : pfn & (~pfn + 1);
            m_freeBlockEnd = pfn + std::min(alignment, LargestFreeBlock);
        } else if (flags == 0 && pfn < m_freeBlockEnd) {
            frameClass = FrameCensus::Free;
        } else {
            m_freeBlockEnd = 0;
        }
        return frameClass;
    }

private:
    FrameCensus::Class m_headClass = FrameCensus::Other;
    quint64 m_freeBlockEnd = 0;
};
} // namespace

FrameCensus::Class FrameCensus::classify(quint64 flags)
{
    using namespace KPageFlags;
    if (has(flags, NoPage) || has(flags, ReservedBit) || has(flags, Offline) || has(flags, HwPoison))
        return Reserved;
    if (has(flags, Buddy))
        return Free;
    if (has(flags, KPageFlags::Slab))
        return Slab;
    if (has(flags, PgTable))
        return PageTable;
    if (has(flags, Anon))
        return Anonymous;
    if (has(flags, Lru) || has(flags, Mmap))
        return PageCache;
    return Other;
}

QString FrameCensus::className(Class frameClass)
{
    switch (frameClass) {
    case Free:
        return QCoreApplication::translate("FrameCensus", "free");
    case Anonymous:
        return QCoreApplication::translate("FrameCensus", "anonymous");
    case PageCache:
        return QCoreApplication::translate("FrameCensus", "page cache");
    case Slab:
        return QCoreApplication::translate("FrameCensus", "slab");
    case PageTable:
        return QCoreApplication::translate("FrameCensus", "page tables");
    case Reserved:
        return QCoreApplication::translate("FrameCensus", "reserved / no page");
    case Other:
        return QCoreApplication::translate("FrameCensus", "other kernel");
    case ClassCount:
        break;
    }
    return {};
}

ReadOutcome<FrameCensus> FrameCensus::read(const ProcSource &source, int bucketCount, const ReadControl &control)
{
    ReadOutcome<FrameCensus> outcome;
    const ReadOutcome<quint64> end = FrameTable::pfnEnd(source);
    if (!end.ok()) {
        outcome.status = end.status;
        outcome.error = end.error;
        return outcome;
    }
    FrameCensus &census = outcome.value;
    census.m_pfnEnd = end.value;
    census.m_bucketCount = std::max(1, bucketCount);
    const quint64 buckets = quint64(census.m_bucketCount);
    census.m_framesPerBucket = std::max<quint64>(1, (end.value + buckets - 1) / buckets);
    census.m_counts.assign(size_t(census.m_bucketCount) * ClassCount, 0);

    const QString path = QStringLiteral("kpageflags");
    Classifier classifier;
    for (quint64 first = 0; first < end.value; first += ChunkFrames) {
        if (control.isCancelled()) {
            outcome.cancelled = true;
            return outcome;
        }
        const quint64 frames = std::min(ChunkFrames, end.value - first);
        const ReadResult chunk = source.readRange(path, first * sizeof(quint64), frames * sizeof(quint64));
        if (!chunk.ok()) {
            outcome.status = chunk.status;
            outcome.error = chunk.message;
            return outcome;
        }
        const quint64 got = quint64(chunk.data.size()) / sizeof(quint64);
        for (quint64 i = 0; i < got; ++i) {
            quint64 flags = 0;
            std::memcpy(&flags, chunk.data.constData() + i * sizeof flags, sizeof flags);
            const quint64 pfn = first + i;
            ++census.m_counts[size_t(pfn / census.m_framesPerBucket) * ClassCount + classifier.next(pfn, flags)];
        }
        control.report(first + got, end.value);
        if (got < frames)
            break; // memory went offline since pfnEnd was probed: what is gone is not counted
    }
    return outcome;
}

quint64 FrameCensus::total(Class frameClass) const
{
    quint64 sum = 0;
    for (size_t i = frameClass; i < m_counts.size(); i += ClassCount)
        sum += m_counts[i];
    return sum;
}

quint64 FrameCensus::framesCounted() const
{
    return std::accumulate(m_counts.begin(), m_counts.end(), quint64(0));
}
