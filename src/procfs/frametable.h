#pragma once

#include "frameinfo.h"
#include "procsource.h"
#include "readcontrol.h"
#include "readoutcome.h"

#include <vector>

// kpageflags and kpagecount of a set of physical frames, sorted by PFN. Both files are root-only
// and indexed by PFN (one u64 per frame), so frames are read in runs of nearby PFNs: one
// readRange per run and file, never one per frame.
class FrameTable
{
public:
    // PFNs at most this far apart share one read. A readRange costs an open, a pread and a close
    // (~4 us); the kernel takes ~50-100 ns an entry (a 6.18 VM), so 64 unneeded entries cost
    // about one more read. Measured on 512Ki scattered PFNs: gaps of 32-128 are fastest, 1 is 3x slower.
    static constexpr quint64 DefaultMaxGap = 64;
    // One read covers at most this many frames (8 MiB of entries), so memory stays bounded.
    static constexpr quint64 MaxRunFrames = quint64(1) << 20;

    // Reads both files for pfns (any order; duplicates and PFN 0, which is never a mapped frame,
    // are dropped). A PFN beyond the end of kpageflags has no entry. On failure the table is empty
    // and the outcome has the failing read's status and message.
    static ReadOutcome<FrameTable> read(const ProcSource &source, std::vector<quint64> pfns,
                                        quint64 maxGap = DefaultMaxGap, const ReadControl &control = {});
    // One past the highest PFN kpageflags describes (the kernel's max_pfn, holes included), found
    // by probing where its reads come back empty: procfs reports size 0 for the file.
    static ReadOutcome<quint64> pfnEnd(const ProcSource &source);

    qsizetype size() const { return qsizetype(m_pfns.size()); }
    bool isEmpty() const { return m_pfns.empty(); }
    const std::vector<quint64> &pfns() const { return m_pfns; } // ascending
    const FrameInfo &frameAt(qsizetype index) const { return m_frames[size_t(index)]; }
    const FrameInfo *find(quint64 pfn) const; // nullptr when not read

private:
    void indexBuckets();

    std::vector<quint64> m_pfns;
    std::vector<FrameInfo> m_frames; // index-aligned with m_pfns
    // find() is called for every page of a snapshot: a binary search over millions of PFNs misses
    // the cache at every step. PFNs >> m_shift pick a bucket, m_bucketStart[b] is its first index
    // in m_pfns (and m_bucketStart[b + 1] its end), so a search covers a few frames only.
    int m_shift = 0;
    std::vector<quint32> m_bucketStart;
};
