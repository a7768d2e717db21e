#include "snapshotdiff.h"

#include <algorithm>

namespace {
qint64 delta(quint64 before, quint64 after)
{
    return qint64(after) - qint64(before);
}

QList<SmapsEntry> sortedByStart(QList<SmapsEntry> entries)
{
    // The kernel prints in address order; hand-made or merged lists need not be.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const SmapsEntry &a, const SmapsEntry &b) { return a.mapping.start < b.mapping.start; });
    return entries;
}

bool sameMapping(const Mapping &a, const Mapping &b)
{
    return a.start == b.start && a.path == b.path && a.inode == b.inode;
}

SnapshotDiff::Row added(const SmapsEntry &entry)
{
    SnapshotDiff::Row row;
    row.kind = SnapshotDiff::Kind::Added;
    row.after = entry.mapping;
    row.sizeDeltaKb = qint64(entry.mapping.size() / 1024);
    row.rssDeltaKb = qint64(entry.value(SmapsEntry::Rss));
    row.pssDeltaKb = qint64(entry.value(SmapsEntry::Pss));
    row.swapDeltaKb = qint64(entry.value(SmapsEntry::Swap));
    return row;
}

SnapshotDiff::Row removed(const SmapsEntry &entry)
{
    SnapshotDiff::Row row;
    row.kind = SnapshotDiff::Kind::Removed;
    row.before = entry.mapping;
    row.sizeDeltaKb = -qint64(entry.mapping.size() / 1024);
    row.rssDeltaKb = -qint64(entry.value(SmapsEntry::Rss));
    row.pssDeltaKb = -qint64(entry.value(SmapsEntry::Pss));
    row.swapDeltaKb = -qint64(entry.value(SmapsEntry::Swap));
    return row;
}

SnapshotDiff::Row matched(const SmapsEntry &before, const SmapsEntry &after)
{
    SnapshotDiff::Row row;
    row.before = before.mapping;
    row.after = after.mapping;
    row.sizeDeltaKb = delta(before.mapping.size(), after.mapping.size()) / 1024;
    row.rssDeltaKb = delta(before.value(SmapsEntry::Rss), after.value(SmapsEntry::Rss));
    row.pssDeltaKb = delta(before.value(SmapsEntry::Pss), after.value(SmapsEntry::Pss));
    row.swapDeltaKb = delta(before.value(SmapsEntry::Swap), after.value(SmapsEntry::Swap));
    if (after.mapping.size() > before.mapping.size())
        row.kind = SnapshotDiff::Kind::Grown;
    else if (after.mapping.size() < before.mapping.size())
        row.kind = SnapshotDiff::Kind::Shrunk;
    else if (row.rssDeltaKb != 0 || row.pssDeltaKb != 0 || row.swapDeltaKb != 0 || before.mapping != after.mapping)
        row.kind = SnapshotDiff::Kind::Changed;
    else
        row.kind = SnapshotDiff::Kind::Unchanged;
    return row;
}
}

SnapshotDiff::SnapshotDiff(const Snapshot &before, const Snapshot &after, bool includeUnchanged)
{
    const QList<SmapsEntry> b = sortedByStart(before.mappings);
    const QList<SmapsEntry> a = sortedByStart(after.mappings);
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < b.size() || j < a.size()) {
        if (j == a.size() || (i < b.size() && b.at(i).mapping.start < a.at(j).mapping.start)) {
            addRow(removed(b.at(i++)), includeUnchanged);
        } else if (i == b.size() || a.at(j).mapping.start < b.at(i).mapping.start) {
            addRow(added(a.at(j++)), includeUnchanged);
        } else if (sameMapping(b.at(i).mapping, a.at(j).mapping)) {
            addRow(matched(b.at(i++), a.at(j++)), includeUnchanged);
        } else {
            addRow(removed(b.at(i++)), includeUnchanged);
            addRow(added(a.at(j++)), includeUnchanged);
        }
    }

    // total() is nullopt for a whole snapshot or for none of its keys, so one check covers all three.
    if (before.total(SmapsEntry::Rss) && after.total(SmapsEntry::Rss)) {
        const auto totalDelta = [&](SmapsEntry::Key key) { return delta(*before.total(key), *after.total(key)); };
        m_totals.valid = true;
        m_totals.rssDeltaKb = totalDelta(SmapsEntry::Rss);
        m_totals.pssDeltaKb = totalDelta(SmapsEntry::Pss);
        m_totals.swapDeltaKb = totalDelta(SmapsEntry::Swap);
    }
}

void SnapshotDiff::addRow(const Row &row, bool includeUnchanged)
{
    m_union.append(row.mapping());
    m_unionKinds.append(row.kind);
    if (row.kind != Kind::Unchanged || includeUnchanged)
        m_rows.append(row);
}
