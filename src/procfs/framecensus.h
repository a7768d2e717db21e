#pragma once

#include "procsource.h"
#include "readcontrol.h"
#include "readoutcome.h"

#include <QString>

#include <vector>

// What every physical frame of the machine is used for, from /proc/kpageflags (root only), counted
// in buckets of consecutive PFNs so a view can draw the whole of RAM as one strip.
class FrameCensus
{
public:
    enum Class {
        Free, // in the buddy allocator
        Anonymous, // process memory without a file (includes KSM and swap-backed anonymous pages)
        PageCache, // file pages and shmem: on an LRU list, or mapped
        Slab, // kernel object caches
        PageTable,
        Reserved, // no struct page (a hole), reserved by firmware or the kernel, offline, poisoned
        Other, // kernel allocations that carry no flags, and anything not above
        ClassCount
    };

    // kpageflags is read in chunks of this many frames (8 MiB).
    static constexpr quint64 ChunkFrames = quint64(1) << 20;

    // Reads kpageflags for every frame, from PFN 0 to FrameTable::pfnEnd(), into bucketCount buckets
    // of equal width (the last may be narrower). Progress is in frames.
    static ReadOutcome<FrameCensus> read(const ProcSource &source, int bucketCount, const ReadControl &control = {});

    // The class of one frame by its own flags. The census also gives a compound page's tail frames
    // their head's class, and, on kernels that flag only the first frame of a free block, the rest
    // of the block the Free class (see framecensus.cpp).
    static Class classify(quint64 flags);
    static QString className(Class frameClass);

    quint64 pfnEnd() const { return m_pfnEnd; }
    int bucketCount() const { return m_bucketCount; }
    quint64 framesPerBucket() const { return m_framesPerBucket; }
    quint64 firstPfn(int bucket) const { return quint64(bucket) * m_framesPerBucket; }
    int bucketOfPfn(quint64 pfn) const { return int(pfn / m_framesPerBucket); }
    quint64 count(int bucket, Class frameClass) const { return m_counts[size_t(bucket) * ClassCount + frameClass]; }
    quint64 total(Class frameClass) const;
    quint64 framesCounted() const; // sum over all buckets and classes: pfnEnd unless a read was cut short

private:
    quint64 m_pfnEnd = 0;
    int m_bucketCount = 0;
    quint64 m_framesPerBucket = 1;
    std::vector<quint64> m_counts; // bucketCount * ClassCount, bucket-major
};
