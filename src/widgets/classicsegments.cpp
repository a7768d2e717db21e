#include "classicsegments.h"

#include <algorithm>

namespace {
bool isExecutableKind(SegmentKind kind)
{
    return kind == SegmentKind::Code || kind == SegmentKind::ReadOnlyData || kind == SegmentKind::Data
        || kind == SegmentKind::Bss;
}

// Widens extent to hold item index i.
void include(ClassicSegments::Extent &extent, int i)
{
    if (extent.first < 0)
        extent.first = i;
    extent.last = i;
}
}

ClassicSegments ClassicSegments::find(std::span<const MapItem> items, quint64 userEnd)
{
    ClassicSegments result;
    quint64 executableEnd = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const MapItem &item = items[i];
        const int index = int(i);
        switch (item.kind) {
        case SegmentKind::Code:
        case SegmentKind::ReadOnlyData:
            include(result.extents[ReadOnly], index);
            break;
        case SegmentKind::Data:
        case SegmentKind::Bss:
            include(result.extents[Data], index);
            break;
        case SegmentKind::Heap:
            include(result.extents[Heap], index);
            break;
        case SegmentKind::Stack:
            include(result.extents[Stack], index);
            break;
        default:
            break;
        }
        if (isExecutableKind(item.kind))
            executableEnd = std::max(executableEnd, item.end);
    }

    // The mmap area: what lies above the heap (or the executable) and below the stack.
    const Extent heap = result.extents[Heap];
    const Extent stack = result.extents[Stack];
    const quint64 floor = heap.isValid() ? items[std::size_t(heap.last)].end : executableEnd;
    const quint64 ceiling = stack.isValid() ? items[std::size_t(stack.first)].start : userEnd;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const MapItem &item = items[i];
        if (item.start >= floor && item.end <= ceiling && !isExecutableKind(item.kind)
            && item.kind != SegmentKind::Heap && item.kind != SegmentKind::Stack)
            include(result.extents[Mappings], int(i));
    }

    if (heap.isValid())
        result.growth.append({ Heap, heap.last, true });
    const Extent mappings = result.extents[Mappings];
    if (mappings.isValid()) {
        // Top-down layout puts the mmap base just below the stack gap (at most 5/6 of the space,
        // normally far less); the legacy layout starts at a third of the space and grows up.
        const quint64 distance = ceiling - items[std::size_t(mappings.last)].end;
        if (distance < userEnd / 4)
            result.growth.append({ Mappings, mappings.first, false });
        else
            result.growth.append({ Mappings, mappings.last, true });
    }
    if (stack.isValid())
        result.growth.append({ Stack, stack.first, false });
    return result;
}

QList<bool> ClassicSegments::wideGapsAbove(qsizetype itemCount) const
{
    QList<bool> wide(itemCount, false);
    for (const Growth &g : growth) {
        const int above = g.up ? g.item : g.item - 1; // the gap below an item is above its neighbour
        if (above >= 0 && above < itemCount)
            wide[above] = true;
    }
    return wide;
}
