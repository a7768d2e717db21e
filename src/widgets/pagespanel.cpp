#include "pagespanel.h"

#include "commandbar.h"
#include "modelroles.h"
#include "pagemapview.h"
#include "physicalview.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

PagesPanel::PagesPanel(QWidget *parent)
    : QWidget(parent)
    , m_pageMap(new PageMapView(this))
    , m_physical(new PhysicalView(this))
    , m_table(new QTableView(this))
    , m_tableProxy(new QSortFilterProxyModel(this))
    , m_status(new QLabel(this))
    , m_softDirtyButton(new QPushButton(tr("Clear soft-dirty bits…"), this))
{
    auto *readSelected = new QPushButton(tr("Read pages of the selected &mapping"), this);
    auto *readWhole = new QPushButton(tr("Read pages of the &whole process"), this);
    auto *exportCsv = new QPushButton(tr("Export page table as CSV…"), this);
    m_softDirtyButton->setToolTip(tr("Writes 4 to /proc/PID/clear_refs of the process: it clears the soft-dirty bit "
                                     "of every page, so that pages the process writes afterwards show up as dirty. "
                                     "This changes the target's page tables; you will be asked first."));
    m_status->setWordWrap(true);
    m_status->setText(tr("Pages are read from /proc/PID/pagemap on request: pick a mapping on the map or in the table."));
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new CommandBar({readSelected, readWhole}, {m_softDirtyButton, exportCsv}, this);
    auto *views = new QSplitter(Qt::Horizontal, this);
    views->addWidget(m_pageMap);
    views->addWidget(m_physical);
    views->setStretchFactor(0, 3);
    views->setStretchFactor(1, 2);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(views);
    vertical->addWidget(m_table);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({3000, 1000}); // stretch factors alone leave the table most of a short pane
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(buttons);
    layout->addWidget(m_status);
    layout->addWidget(vertical);

    connect(readSelected, &QPushButton::clicked, this, &PagesPanel::readSelectedRequested);
    connect(readWhole, &QPushButton::clicked, this, &PagesPanel::readWholeProcessRequested);
    connect(m_softDirtyButton, &QPushButton::clicked, this, &PagesPanel::clearSoftDirtyRequested);
    connect(exportCsv, &QPushButton::clicked, this, &PagesPanel::exportCsvRequested);
}

void PagesPanel::setModels(PageModel *pages, QAbstractItemModel *pageTable)
{
    m_pageMap->setModel(pages);
    m_physical->setModel(pages);
    m_tableProxy->setSourceModel(pageTable);
    m_tableProxy->setSortRole(ModelRoles::RawValueRole);
    m_table->setModel(m_tableProxy);
    // A click on a page in the grid shows its row in the table (the source row is the page index).
    connect(m_pageMap, &PageMapView::pageSelected, this, [this](qint64 page) {
        const QModelIndex index = m_tableProxy->mapFromSource(m_tableProxy->sourceModel()->index(int(page), 0));
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    });
}

void PagesPanel::setStatus(const QString &text)
{
    m_status->setText(text);
}

void PagesPanel::setSoftDirtyAvailable(bool available)
{
    m_softDirtyButton->setEnabled(available);
}
