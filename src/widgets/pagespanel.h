#pragma once

#include <QWidget>

class PageMapView;
class PageModel;
class PhysicalView;
class QAbstractItemModel;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// The page-level views of one process side by side: the page grid, virtual → physical, and the
// page table. Reading pages and writing clear_refs belong to the owner; this panel asks for them.
class PagesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PagesPanel(QWidget *parent = nullptr);

    void setModels(PageModel *pages, QAbstractItemModel *pageTable);
    void setStatus(const QString &text);
    // Soft-dirty tracking writes to the target: offered only where that is possible (live, own pid).
    void setSoftDirtyAvailable(bool available);

    PageMapView *pageMapView() const { return m_pageMap; }
    PhysicalView *physicalView() const { return m_physical; }
    QTableView *pageTableView() const { return m_table; }

Q_SIGNALS:
    void readSelectedRequested();
    void readWholeProcessRequested();
    void clearSoftDirtyRequested();
    void exportCsvRequested();

private:
    PageMapView *m_pageMap;
    PhysicalView *m_physical;
    QTableView *m_table;
    QSortFilterProxyModel *m_tableProxy; // sorting by raw values (addresses, PFNs as numbers)
    QLabel *m_status;
    QPushButton *m_softDirtyButton;
};
