#pragma once

#include "snapshot.h"

#include <QAbstractListModel>
#include <QList>

// The snapshots taken so far, oldest first, for picking the two sides of a diff.
class SnapshotTimeline : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit SnapshotTimeline(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void add(const Snapshot &snapshot); // appends a row
    void clear();
    const Snapshot &snapshotAt(int row) const { return m_snapshots.at(row); }

private:
    QList<Snapshot> m_snapshots;
};
