#pragma once

#include "frametable.h"
#include "mapping.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstring>

// The pagemap of chosen virtual ranges of one process, with what kpageflags and kpagecount say about
// the frames it found, as one PageMapReader::read() saw them. Compact: the entries stay the raw
// u64s the kernel wrote (8 bytes a page); frame data is stored once per distinct frame.
struct PageMapSnapshot
{
    // The entries of one virtual range that lies inside one mapping.
    struct Range
    {
        quint64 start = 0; // page-aligned virtual address
        quint64 pageCount = 0;
        qsizetype mapping = -1; // index into PageMapSnapshot::mappings
        QByteArray entries; // pageCount u64s in the kernel's byte order, as read from PID/pagemap

        quint64 rawEntry(quint64 page) const
        {
            quint64 raw = 0;
            std::memcpy(&raw, entries.constData() + page * sizeof raw, sizeof raw);
            return raw;
        }
    };

    int pid = 0;
    quint64 pageSize = 4096;
    QList<Mapping> mappings; // the maps the ranges were chosen from
    QList<Range> ranges; // ascending and disjoint; empty ranges are left out
    quint64 pageCount = 0; // sum of the ranges' pages
    quint64 presentCount = 0;

    FrameTable frames; // the present pages' frames; empty when PFNs are hidden or frame data unreadable
    // Without CAP_SYS_ADMIN the kernel reports every PFN as 0: present pages then have no frame.
    bool pfnsHidden = false;
    QString frameInfoError; // why frames is empty although pages are present; empty when it was read
    quint64 pfnEnd = 0; // one past the machine's highest PFN (FrameTable::pfnEnd); 0 when unknown

    bool faultsKnown = false; // PID/stat was read after the pagemap
    quint64 minflt = 0;
    quint64 majflt = 0;

    bool frameInfoUnavailable() const { return !frameInfoError.isEmpty(); }
};
