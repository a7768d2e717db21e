#include "snapshotdiffmodel.h"

#include "modelroles.h"
#include "units.h"

#include <QLocale>
#include <QPair>

namespace {
bool isTextColumn(int column)
{
    return column == SnapshotDiffModel::ChangeColumn || column == SnapshotDiffModel::PathColumn;
}

bool isKbColumn(int column)
{
    return column >= SnapshotDiffModel::SizeBeforeColumn && column <= SnapshotDiffModel::SwapDeltaColumn;
}

bool isPageColumn(int column)
{
    return column >= SnapshotDiffModel::PagesPresentColumn && column < SnapshotDiffModel::ColumnCount;
}

std::optional<quint64> pageCount(const SnapshotDiff::Row &row, int column)
{
    if (!row.pages)
        return std::nullopt;
    switch (column) {
    case SnapshotDiffModel::PagesPresentColumn:
        return row.pages->becamePresent;
    case SnapshotDiffModel::PagesGoneColumn:
        return row.pages->becameAbsent;
    case SnapshotDiffModel::PagesDirtiedColumn:
        return row.pages->becameSoftDirty;
    case SnapshotDiffModel::PagesNewFrameColumn:
        return row.pages->newFrame;
    default:
        return std::nullopt;
    }
}

// Deltas always carry a sign so growth and shrinkage read apart at a glance.
QString formatDelta(qint64 kb)
{
    if (kb == 0)
        return Units::formatKb(0);
    return (kb > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + Units::formatKb(quint64(qAbs(kb)));
}

std::optional<quint64> sizeKb(const std::optional<Mapping> &mapping)
{
    if (!mapping)
        return std::nullopt;
    return mapping->size() / 1024;
}
}

SnapshotDiffModel::SnapshotDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int SnapshotDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diff.rows().size());
}

int SnapshotDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SnapshotDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SnapshotDiff::Row &row = m_diff.rows().at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::TextAlignmentRole:
        return ModelRoles::columnAlignment(isTextColumn(column));
    case ModelRoles::RawValueRole:
        return rawData(row, column);
    case ModelRoles::UnitRole:
        if (column == StartColumn || column == EndColumn)
            return QStringLiteral("address");
        return isKbColumn(column) ? QStringLiteral("kB") : isPageColumn(column) ? QStringLiteral("pages") : QString();
    case ModelRoles::AddressRangeRole:
        return QVariant::fromValue(qMakePair(row.mapping().start, row.mapping().end));
    case ModelRoles::ChangeKindRole:
        return int(row.kind);
    default:
        return {};
    }
}

QVariant SnapshotDiffModel::displayData(const SnapshotDiff::Row &row, int column) const
{
    switch (column) {
    case ChangeColumn:
        return changeName(row.kind);
    case StartColumn:
        return Units::formatAddress(row.mapping().start);
    case EndColumn:
        return Units::formatAddress(row.mapping().end);
    case PathColumn:
        return row.mapping().path;
    case SizeBeforeColumn:
    case SizeAfterColumn: {
        const auto kb = sizeKb(column == SizeBeforeColumn ? row.before : row.after);
        return kb ? Units::formatKb(*kb) : QString();
    }
    case SizeDeltaColumn:
        return formatDelta(row.sizeDeltaKb);
    case RssDeltaColumn:
        return formatDelta(row.rssDeltaKb);
    case PssDeltaColumn:
        return formatDelta(row.pssDeltaKb);
    case SwapDeltaColumn:
        return formatDelta(row.swapDeltaKb);
    default: {
        const std::optional<quint64> pages = pageCount(row, column);
        return pages ? QLocale().toString(*pages) : QString();
    }
    }
}

QVariant SnapshotDiffModel::rawData(const SnapshotDiff::Row &row, int column) const
{
    switch (column) {
    case ChangeColumn:
        return int(row.kind);
    case StartColumn:
        return row.mapping().start;
    case EndColumn:
        return row.mapping().end;
    case PathColumn:
        return row.mapping().path;
    case SizeBeforeColumn:
    case SizeAfterColumn: {
        const auto kb = sizeKb(column == SizeBeforeColumn ? row.before : row.after);
        return kb ? QVariant(*kb) : QVariant();
    }
    case SizeDeltaColumn:
        return row.sizeDeltaKb;
    case RssDeltaColumn:
        return row.rssDeltaKb;
    case PssDeltaColumn:
        return row.pssDeltaKb;
    case SwapDeltaColumn:
        return row.swapDeltaKb;
    default: {
        const std::optional<quint64> pages = pageCount(row, column);
        return pages ? QVariant(*pages) : QVariant();
    }
    }
}

QVariant SnapshotDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return ModelRoles::columnAlignment(isTextColumn(section));
    if (role == Qt::ToolTipRole && isPageColumn(section))
        return pageColumnToolTip(section);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChangeColumn:
        return tr("Change");
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case PathColumn:
        return tr("Path");
    case SizeBeforeColumn:
        return tr("Size before");
    case SizeAfterColumn:
        return tr("Size after");
    case SizeDeltaColumn:
        return tr("\u0394Size");
    case RssDeltaColumn:
        return tr("\u0394Rss");
    case PssDeltaColumn:
        return tr("\u0394Pss");
    case SwapDeltaColumn:
        return tr("\u0394Swap");
    case PagesPresentColumn:
        return tr("Pages now present");
    case PagesGoneColumn:
        return tr("Pages gone");
    case PagesDirtiedColumn:
        return tr("Pages dirtied");
    case PagesNewFrameColumn:
        return tr("Pages on a new frame");
    default:
        return {};
    }
}

QString SnapshotDiffModel::pageColumnToolTip(int column)
{
    const QString needsPages = tr("Empty unless both snapshots read the pagemap.");
    switch (column) {
    case PagesPresentColumn:
        return tr("Pages not in memory in the older snapshot and present in the newer one: touched for the first "
                  "time, faulted in from a file, or swapped back in.")
            + QLatin1Char(' ') + needsPages;
    case PagesGoneColumn:
        return tr("Pages present in the older snapshot and not in the newer one: unmapped, reclaimed or swapped out.")
            + QLatin1Char(' ') + needsPages;
    case PagesDirtiedColumn:
        return tr("Pages whose soft-dirty bit was set in between: written since the bits were last cleared. "
                  "Always 0 on kernels without soft-dirty tracking.")
            + QLatin1Char(' ') + needsPages;
    case PagesNewFrameColumn:
        return tr("Pages present both times but in a different physical frame: copy-on-write after fork, "
                  "page migration or compaction. Needs root to see frame numbers.")
            + QLatin1Char(' ') + needsPages;
    default:
        return QString();
    }
}

void SnapshotDiffModel::setDiff(const SnapshotDiff &diff)
{
    beginResetModel();
    m_diff = diff;
    endResetModel();
}

QString SnapshotDiffModel::changeName(SnapshotDiff::Kind kind)
{
    switch (kind) {
    case SnapshotDiff::Kind::Unchanged:
        return tr("Unchanged");
    case SnapshotDiff::Kind::Added:
        return tr("Added");
    case SnapshotDiff::Kind::Removed:
        return tr("Removed");
    case SnapshotDiff::Kind::Grown:
        return tr("Grown");
    case SnapshotDiff::Kind::Shrunk:
        return tr("Shrunk");
    case SnapshotDiff::Kind::Changed:
        return tr("Changed");
    }
    return {};
}
