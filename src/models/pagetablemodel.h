#pragma once

#include "pagemodel.h"

#include <QAbstractTableModel>

// The detail table of the page view: one row per page of a PageModel, every cell formatted when
// asked, so millions of rows cost no more memory than the PageModel itself. PFN 0 is never shown as
// a frame: with PFNs hidden the PFN and physical address cells say "hidden".
class PageTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AddressColumn,
        StateColumn,
        PfnColumn,
        PhysicalAddressColumn,
        FlagsColumn, // pagemap bits: present, swapped, file/shared, exclusive, soft-dirty, uffd-wp, guard
        PageFlagsColumn, // kpageflags names
        MapCountColumn, // kpagecount
        SwapTypeColumn,
        SwapOffsetColumn,
        MappingColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit PageTableModel(PageModel *pages, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // All rows as CSV (a header line, then the display text of every cell), written through
    // QSaveFile: the file is replaced only when everything was written.
    bool exportCsv(const QString &path, QString *error) const;

private:
    QVariant rawData(const PageModel::Page &page, int column) const;
    QString text(const PageModel::Page &page, int column) const;

    PageModel *m_pages;
};
