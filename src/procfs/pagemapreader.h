#pragma once

#include "pagemapsnapshot.h"
#include "procsource.h"
#include "readcontrol.h"
#include "readoutcome.h"

#include <QList>
#include <QPair>

// Reads PID/pagemap for chosen virtual ranges through a ProcSource, then kpageflags and kpagecount
// for the frames found and the fault counters of PID/stat. Only mapped ranges are read (maps is
// read first); ranges in the kernel half ([vsyscall]) are skipped, as pagemap cannot read them.
// Plain and synchronous: run it off the GUI thread (PageMapLoader does).
class PageMapReader
{
public:
    // Requests above this many pages are refused: 64 Mi pages are 512 MiB of entries and 256 GiB
    // of address space at 4 KiB, far more than any view draws, while "everything" of a process
    // with a huge reservation (sanitizer shadow, a JVM heap) can be 128 TiB.
    static constexpr quint64 DefaultMaxPages = quint64(64) << 20;
    // One readRange of pagemap: 8 MiB, one Mi entries (4 GiB of address space at 4 KiB).
    static constexpr quint64 DefaultChunkBytes = quint64(8) << 20;

    explicit PageMapReader(const ProcSource &source);

    void setMaxPages(quint64 pages) { m_maxPages = pages; }
    void setChunkBytes(quint64 bytes); // rounded down to whole entries, at least one
    void setFrameGap(quint64 frames) { m_frameGap = frames; } // FrameTable::read's maxGap
    void setReadFrames(bool read) { m_readFrames = read; } // false: pagemap and stat only
    // Progress is in pages of pagemap read; cancel is polled between chunks.
    void setControl(ReadControl control) { m_control = std::move(control); }

    // ranges are [start, end) virtual addresses, widened to whole pages and cut to the mappings;
    // empty means every mapping. A process that exits during the read ends it with ProcessExited.
    // On failure the value keeps the mappings but no ranges (half a read would not add up).
    ReadOutcome<PageMapSnapshot> read(int pid, const QList<QPair<quint64, quint64>> &ranges) const;

private:
    bool hasExited(int pid) const; // gone, or a zombie
    void readFrames(PageMapSnapshot *snapshot, std::vector<quint64> pfns, ReadOutcome<PageMapSnapshot> *outcome) const;

    const ProcSource &m_source;
    quint64 m_maxPages = DefaultMaxPages;
    quint64 m_chunkEntries = DefaultChunkBytes / sizeof(quint64);
    quint64 m_frameGap = FrameTable::DefaultMaxGap;
    bool m_readFrames = true;
    ReadControl m_control;
};
