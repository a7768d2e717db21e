#pragma once

#include "mapping.h"
#include "segmentkind.h"
#include "smapsentry.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

// One row per mapping of one process, in address order. Loaded in two stages: setMaps() gives the
// picture at once, setSmaps() fills the smaps columns when the slower smaps read arrives.
class MappingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Fixed columns; after SegmentColumn come one column per smaps key (KernelPageSize .. Locked, in
    // SmapsEntry::Key order; Size is left out as it repeats SizeColumn), then UssColumn and the rest.
    enum Column {
        StartColumn,
        EndColumn,
        SizeColumn,
        PermissionsColumn,
        OffsetColumn,
        DeviceColumn,
        InodeColumn,
        PathColumn,
        SegmentColumn,
        FirstSmapsKeyColumn,
        UssColumn = FirstSmapsKeyColumn + SmapsEntry::KeyCount - SmapsEntry::KernelPageSize,
        ThpEligibleColumn,
        ProtectionKeyColumn,
        VmFlagsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    static int columnOfKey(SmapsEntry::Key key); // -1 for Size
    static std::optional<SmapsEntry::Key> keyOfColumn(int column);

    explicit MappingModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A new process or a new read of maps: resets the model; smaps columns stay empty until setSmaps().
    // classes is index-aligned with mappings (Segments::classify).
    void setMaps(const QList<Mapping> &mappings, const QList<SegmentClassification> &classes);
    // Fills the smaps columns (dataChanged) when entries match the rows by start/end. If the process
    // changed its mappings between the two reads, the smaps entries win: the model resets to them.
    void setSmaps(const QList<SmapsEntry> &entries);
    void clear();

    bool hasSmaps() const { return !m_smaps.isEmpty(); }
    int rowOfAddress(quint64 address) const; // row whose [start, end) holds address, or -1
    Mapping mappingAt(int row) const;
    SegmentClassification classificationAt(int row) const;
    std::optional<SmapsEntry> smapsAt(int row) const; // nullopt until smaps arrived
    QList<Mapping> mappings() const { return m_mappings; }

private:
    QVariant displayData(int row, int column) const;
    QVariant rawData(int row, int column) const;
    QVariant toolTipData(int row, int column) const;
    const SmapsEntry *smapsOfRow(int row) const;

    QList<Mapping> m_mappings; // ascending start
    QList<SegmentClassification> m_classes; // index-aligned with m_mappings
    QList<SmapsEntry> m_smaps; // empty, or index-aligned with m_mappings
};
