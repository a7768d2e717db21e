#include "snapshotdiff.h"

#include "pageentry.h"
#include "pagemapsnapshot.h"

#include <algorithm>

namespace {
qint64 delta(quint64 before, quint64 after)
{
    return qint64(after) - qint64(before);
}

// A stack grows down: its end stays put while its start moves, so the end is what identifies it.
// Mappings never overlap, so ordering by this key is still address order.
quint64 anchorOf(const SmapsEntry &entry)
{
    const bool growsDown = entry.vmFlags.contains("gd") || entry.mapping.path == QLatin1String("[stack]");
    return growsDown ? entry.mapping.end : entry.mapping.start;
}

QList<SmapsEntry> sortedByAnchor(QList<SmapsEntry> entries)
{
    // The kernel prints in address order; hand-made or merged lists need not be.
    std::stable_sort(entries.begin(), entries.end(), [](const SmapsEntry &a, const SmapsEntry &b) { return anchorOf(a) < anchorOf(b); });
    return entries;
}

bool sameMapping(const SmapsEntry &a, const SmapsEntry &b)
{
    return anchorOf(a) == anchorOf(b) && a.mapping.path == b.mapping.path && a.mapping.inode == b.mapping.inode;
}

// The raw pagemap entry of the page at address, or nullopt when the snapshot read no range there.
std::optional<quint64> entryAt(const PageMapSnapshot &pages, quint64 address)
{
    const auto after = std::upper_bound(pages.ranges.cbegin(), pages.ranges.cend(), address,
                                        [](quint64 a, const PageMapSnapshot::Range &range) { return a < range.start; });
    if (after == pages.ranges.cbegin())
        return std::nullopt;
    const PageMapSnapshot::Range &range = *(after - 1);
    const quint64 page = (address - range.start) / pages.pageSize;
    if (page >= range.pageCount)
        return std::nullopt;
    return range.rawEntry(page);
}

// Calls visit(address, raw entry) for every page that pages read within [start, end).
template<typename Visit>
void forEachPage(const PageMapSnapshot &pages, quint64 start, quint64 end, Visit visit)
{
    for (const PageMapSnapshot::Range &range : pages.ranges) {
        const quint64 rangeEnd = range.start + range.pageCount * pages.pageSize;
        if (rangeEnd <= start || range.start >= end)
            continue;
        for (quint64 address = std::max(start, range.start); address < std::min(end, rangeEnd); address += pages.pageSize)
            visit(address, range.rawEntry((address - range.start) / pages.pageSize));
    }
}

void tally(quint64 rawBefore, quint64 rawAfter, SnapshotDiff::PageChanges *changes)
{
    const PageEntry before = PageEntry::decode(rawBefore);
    const PageEntry after = PageEntry::decode(rawAfter);
    changes->becamePresent += after.present && !before.present;
    changes->becameAbsent += before.present && !after.present;
    changes->becameSoftDirty += after.softDirty && !before.softDirty;
    // PFN 0 is what an unprivileged reader sees: no frame to compare.
    changes->newFrame += before.present && after.present && before.pfn != 0 && after.pfn != 0 && before.pfn != after.pfn;
}

// The pages of [start, end) in either snapshot; nullopt unless both read their pagemap.
std::optional<SnapshotDiff::PageChanges> pageChanges(const Snapshot &before, const Snapshot &after, quint64 start, quint64 end)
{
    if (!before.pages || !after.pages)
        return std::nullopt;
    SnapshotDiff::PageChanges changes;
    forEachPage(*after.pages, start, end,
                [&](quint64 address, quint64 raw) { tally(entryAt(*before.pages, address).value_or(0), raw, &changes); });
    forEachPage(*before.pages, start, end, [&](quint64 address, quint64 raw) {
        if (!entryAt(*after.pages, address)) // pages both read were counted above
            tally(raw, 0, &changes);
    });
    return changes;
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
    const QList<SmapsEntry> b = sortedByAnchor(before.mappings);
    const QList<SmapsEntry> a = sortedByAnchor(after.mappings);
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < b.size() || j < a.size()) {
        if (j == a.size() || (i < b.size() && anchorOf(b.at(i)) < anchorOf(a.at(j)))) {
            addRow(removed(b.at(i++)), before, after, includeUnchanged);
        } else if (i == b.size() || anchorOf(a.at(j)) < anchorOf(b.at(i))) {
            addRow(added(a.at(j++)), before, after, includeUnchanged);
        } else if (sameMapping(b.at(i), a.at(j))) {
            addRow(matched(b.at(i++), a.at(j++)), before, after, includeUnchanged);
        } else {
            addRow(removed(b.at(i++)), before, after, includeUnchanged);
            addRow(added(a.at(j++)), before, after, includeUnchanged);
        }
    }
    if (before.pages && after.pages) {
        m_totals.pages = PageChanges();
        for (qsizetype row = 0; row < m_union.size(); ++row)
            *m_totals.pages += m_unionPages.at(row);
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

void SnapshotDiff::addRow(Row row, const Snapshot &before, const Snapshot &after, bool includeUnchanged)
{
    // A mapping is one range in each snapshot it is in: the pages of both ranges are its pages.
    const quint64 start = std::min(row.before ? row.before->start : row.after->start, row.after ? row.after->start : row.before->start);
    const quint64 end = std::max(row.before ? row.before->end : row.after->end, row.after ? row.after->end : row.before->end);
    row.pages = pageChanges(before, after, start, end);
    if (row.kind == Kind::Unchanged && row.pages && row.pages->any())
        row.kind = Kind::Changed;
    m_union.append(row.mapping());
    m_unionKinds.append(row.kind);
    m_unionPages.append(row.pages.value_or(PageChanges()));
    if (row.kind != Kind::Unchanged || includeUnchanged)
        m_rows.append(row);
}

SnapshotDiff::PageChanges &SnapshotDiff::PageChanges::operator+=(const PageChanges &other)
{
    becamePresent += other.becamePresent;
    becameAbsent += other.becameAbsent;
    becameSoftDirty += other.becameSoftDirty;
    newFrame += other.newFrame;
    return *this;
}
