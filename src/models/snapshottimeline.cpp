#include "snapshottimeline.h"

#include "modelroles.h"
#include "units.h"

#include <QLocale>

SnapshotTimeline::SnapshotTimeline(QObject *parent)
    : QAbstractListModel(parent)
{
}

int SnapshotTimeline::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshots.size());
}

QVariant SnapshotTimeline::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Snapshot &snapshot = m_snapshots.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const auto rss = snapshot.total(SmapsEntry::Rss);
        return tr("%1 \u2014 %2 mappings, RSS %3")
            .arg(snapshot.wallTime.toString(QStringLiteral("HH:mm:ss")))
            .arg(snapshot.mappings.size())
            .arg(rss ? Units::formatKb(*rss) : tr("unknown"));
    }
    case Qt::ToolTipRole:
        return tr("Process %1: %2\nTaken %3")
            .arg(snapshot.pid)
            .arg(snapshot.command, QLocale().toString(snapshot.wallTime, QLocale::LongFormat));
    case ModelRoles::PidRole:
        return snapshot.pid;
    default:
        return {};
    }
}

void SnapshotTimeline::add(const Snapshot &snapshot)
{
    const int row = int(m_snapshots.size());
    beginInsertRows({}, row, row);
    m_snapshots.append(snapshot);
    endInsertRows();
}

void SnapshotTimeline::clear()
{
    beginResetModel();
    m_snapshots.clear();
    endResetModel();
}
