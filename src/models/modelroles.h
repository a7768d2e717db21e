#pragma once

#include <Qt>

// Roles shared by all our models. Stored values stay raw (kB, addresses); formatting for display
// ("1.5 MiB") happens in DisplayRole only, so sorting and export use the raw values.
namespace ModelRoles {
enum Role {
    RawValueRole = Qt::UserRole + 1, // the number or text behind a cell, used for sorting (quint64 kB, address)
    UnitRole, // "kB", "pages", "address", or empty
    AddressRangeRole, // QVariant of a QPair<quint64, quint64> [start, end) for mapping rows
    SegmentKindRole, // int(SegmentKind) for mapping rows
    PidRole, // int pid for process rows
    RowErrorRole, // QString: why a row's extra values (PSS, ...) are missing
    ChangeKindRole, // int(SnapshotDiff::Kind) for snapshot diff rows
};

// Text reads from the left, numbers line up on the right: the alignment every table column gets.
inline int columnAlignment(bool textColumn)
{
    return textColumn ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
}
}
