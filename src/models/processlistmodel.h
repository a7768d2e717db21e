#pragma once

#include "processinfo.h"
#include "smapsentry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <optional>

// One row per process, like top, plus PSS/USS/Swap from smaps_rollup for the rows someone looks at.
// Rows are kept in pid order; a new snapshot is applied as a diff so views keep selection and scroll.
class ProcessListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PidColumn,
        UserColumn,
        CommandColumn,
        VirtColumn,
        ResColumn,
        ShrColumn,
        MemPercentColumn,
        PssColumn,
        UssColumn,
        SwapColumn,
        MinorFaultsColumn,
        MajorFaultsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ProcessListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Applies a new snapshot: removes gone pids, updates surviving rows, inserts new ones. Never resets.
    // Rollups already read stay shown but count as stale until read again.
    void setProcesses(const QList<ProcessInfo> &processes, quint64 memTotalKb);
    // Results of reading PID/smaps_rollup; ignored for pids not (or no longer) in the model.
    void setRollup(int pid, const SmapsEntry &rollup);
    void setRollupError(int pid, const QString &why);

    // Whether the row's rollup should be (re)read: missing or older than the current snapshot. Never
    // for kernel threads (no user memory) or after an error (permission denied stays denied).
    bool needsRollup(int row) const;
    // Pids of rows firstRow..lastRow (clamped) that need a rollup.
    QList<int> pidsNeedingRollup(int firstRow, int lastRow) const;

    int rowOfPid(int pid) const; // -1 if absent
    ProcessInfo processAt(int row) const;
    std::optional<SmapsEntry> rollupAt(int row) const;
    quint64 memTotalKb() const { return m_memTotalKb; }

private:
    struct Row
    {
        ProcessInfo info;
        std::optional<SmapsEntry> rollup;
        quint64 rollupGeneration = 0; // m_generation when the rollup was set
        QString rollupError;
    };

    QVariant displayData(const Row &row, int column) const;
    QVariant rawData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;
    static std::optional<quint64> kbValue(const Row &row, int column);
    static bool updateRow(Row &row, const ProcessInfo &info);
    void emitRowsChanged(int firstRow, int lastRow);

    QList<Row> m_rows; // ascending pid
    quint64 m_memTotalKb = 0;
    quint64 m_generation = 0; // counts setProcesses calls, to tell stale rollups
};
