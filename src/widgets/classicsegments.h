#pragma once

#include "segmentkind.h"

#include <QList>
#include <QtGlobal>

#include <array>
#include <span>

// One mapping as the address-space view keeps it: sorted by start, row is the model row.
struct MapItem
{
    quint64 start = 0;
    quint64 end = 0; // exclusive
    SegmentKind kind = SegmentKind::Other;
    int row = -1;
};

// Where the five user segments of the classic textbook picture lie in one process (read-only,
// data, heap, the file-mapping/mmap area, stack), and which edges grow: the heap grows up from its
// top (brk); the mmap area grows down from its bottom in the default top-down layout (up from its
// top in the legacy bottom-up one); the stack grows down from its bottom.
struct ClassicSegments
{
    enum Segment { ReadOnly, Data, Heap, Mappings, Stack, SegmentCount };
    struct Extent
    {
        int first = -1; // lowest item index, -1 when the process has no such segment
        int last = -1; // highest item index
        bool isValid() const { return first >= 0; }
    };
    struct Growth
    {
        Segment segment = Heap;
        int item = -1; // the item whose edge grows
        bool up = true; // toward higher addresses (from the item's top), else down from its bottom
    };

    std::array<Extent, SegmentCount> extents;
    QList<Growth> growth;

    // items: sorted by start; userEnd: exclusive end of user space.
    static ClassicSegments find(std::span<const MapItem> items, quint64 userEnd);
    // Per item: whether the free stretch directly above it is one a segment grows into.
    QList<bool> wideGapsAbove(qsizetype itemCount) const;
};
