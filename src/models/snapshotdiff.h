#pragma once

#include "mapping.h"
#include "snapshot.h"

#include <QList>

#include <optional>

// What changed between two snapshots of one process, mapping by mapping. A mapping is the same
// one in both when its start address (its end, for a stack, which grows down), path and inode
// match; a different file at the same start is a removal plus an addition.
class SnapshotDiff
{
public:
    enum class Kind {
        Unchanged,
        Added,
        Removed,
        Grown,
        Shrunk,
        Changed, // same range, but Rss/Pss/Swap or attributes (permissions, deleted) differ
    };

    // Page by page, where both snapshots read the pagemap (Snapshot::Options::pages). A page
    // outside every range read counts as not present: only untouched mappings are left out.
    struct PageChanges
    {
        quint64 becamePresent = 0; // first touch, a fault-in, or swapped back in
        quint64 becameAbsent = 0; // unmapped, reclaimed or swapped out
        quint64 becameSoftDirty = 0; // written since the soft-dirty bits were cleared
        quint64 newFrame = 0; // present both times at different frames: copy-on-write, migration

        bool any() const { return becamePresent || becameAbsent || becameSoftDirty || newFrame; }
        PageChanges &operator+=(const PageChanges &other);
    };

    struct Row
    {
        Kind kind = Kind::Unchanged;
        std::optional<Mapping> before; // nullopt for Added
        std::optional<Mapping> after; // nullopt for Removed
        qint64 sizeDeltaKb = 0;
        qint64 rssDeltaKb = 0;
        qint64 pssDeltaKb = 0;
        qint64 swapDeltaKb = 0;
        std::optional<PageChanges> pages; // nullopt unless both snapshots have pages

        const Mapping &mapping() const { return after ? *after : *before; } // the current one if any
    };

    // Process-wide deltas from the rollups (or summed smaps); valid is false when either snapshot
    // has no values (maps-only).
    struct Totals
    {
        bool valid = false;
        qint64 rssDeltaKb = 0;
        qint64 pssDeltaKb = 0;
        qint64 swapDeltaKb = 0;
        std::optional<PageChanges> pages; // over all rows, unchanged ones included
    };

    SnapshotDiff() = default;
    // Unchanged rows are left out of rows() unless includeUnchanged; unionMappings() has them always.
    SnapshotDiff(const Snapshot &before, const Snapshot &after, bool includeUnchanged = false);

    const QList<Row> &rows() const { return m_rows; } // ascending start; Removed before Added at one start
    Totals totals() const { return m_totals; }

    // after's mappings plus the removed ones, ascending start, so a map can show every row.
    const QList<Mapping> &unionMappings() const { return m_union; }
    Kind kindOfUnionRow(int row) const { return m_unionKinds.at(row); }

private:
    void addRow(Row row, const Snapshot &before, const Snapshot &after, bool includeUnchanged);

    QList<Row> m_rows;
    Totals m_totals;
    QList<Mapping> m_union;
    QList<Kind> m_unionKinds; // index-aligned with m_union
    QList<PageChanges> m_unionPages; // index-aligned with m_union; zero without pages
};
