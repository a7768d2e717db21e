#pragma once

#include "snapshotdiff.h"

#include <QAbstractTableModel>

// One row per changed mapping of a SnapshotDiff, in address order.
class SnapshotDiffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ChangeColumn,
        StartColumn,
        EndColumn,
        PathColumn,
        SizeBeforeColumn,
        SizeAfterColumn,
        SizeDeltaColumn,
        RssDeltaColumn,
        PssDeltaColumn,
        SwapDeltaColumn,
        // Page counts, where both snapshots read the pagemap; empty otherwise.
        PagesPresentColumn, // became present
        PagesGoneColumn, // stopped being present
        PagesDirtiedColumn, // became soft-dirty
        PagesNewFrameColumn, // present both times, at different frames
        ColumnCount
    };
    Q_ENUM(Column)

    explicit SnapshotDiffModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setDiff(const SnapshotDiff &diff); // resets the model
    const SnapshotDiff &diff() const { return m_diff; }

    static QString changeName(SnapshotDiff::Kind kind); // "Added", "Grown", ...
    static QString pageColumnToolTip(int column); // what a page column counts

private:
    QVariant displayData(const SnapshotDiff::Row &row, int column) const;
    QVariant rawData(const SnapshotDiff::Row &row, int column) const;

    SnapshotDiff m_diff;
};
