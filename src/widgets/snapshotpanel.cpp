#include "snapshotpanel.h"

#include "commandbar.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

SnapshotPanel::SnapshotPanel(QWidget *parent)
    : QWidget(parent)
    , m_takeButton(new QPushButton(tr("Take &snapshot"), this))
    , m_autoCheck(new QCheckBox(tr("every"), this))
    , m_autoSeconds(new QSpinBox(this))
    , m_timelineView(new QListView(this))
    , m_compareButton(new QPushButton(tr("&Compare the two selected"), this))
    , m_endButton(new QPushButton(tr("&Back to the live map"), this))
    , m_saveButton(new QPushButton(tr("Save timeline…"), this))
    , m_summary(new QLabel(this))
    , m_diffView(new QTableView(this))
{
    m_autoSeconds->setRange(1, 3600);
    m_autoSeconds->setValue(10);
    m_autoSeconds->setSuffix(tr(" s"));
    m_timelineView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setText(tr("Take two snapshots of the process, select both, and compare them: the map shows what "
                          "was added (green), removed (red outline) and changed (amber)."));
    m_diffView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_diffView->setSortingEnabled(true);
    m_diffView->verticalHeader()->hide();
    m_diffView->horizontalHeader()->setStretchLastSection(true);
    m_endButton->setEnabled(false);
    m_compareButton->setEnabled(false);

    auto *buttons = new CommandBar({m_takeButton, m_autoCheck, m_autoSeconds}, {m_compareButton, m_endButton, m_saveButton}, this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_timelineView);
    auto *diffPane = new QWidget(splitter);
    auto *diffLayout = new QVBoxLayout(diffPane);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addWidget(m_summary);
    diffLayout->addWidget(m_diffView);
    splitter->addWidget(diffPane);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(buttons);
    layout->addWidget(splitter);

    connect(m_takeButton, &QPushButton::clicked, this, &SnapshotPanel::takeSnapshotRequested);
    connect(m_saveButton, &QPushButton::clicked, this, &SnapshotPanel::saveTimelineRequested);
    m_saveButton->setToolTip(tr("Save every snapshot of the timeline in one bundle (.mematlas), to open later or elsewhere."));
    m_saveButton->setEnabled(false);
    const auto autoChanged = [this] { Q_EMIT autoSnapshotChanged(m_autoCheck->isChecked(), m_autoSeconds->value()); };
    connect(m_autoCheck, &QCheckBox::toggled, this, autoChanged);
    connect(m_autoSeconds, &QSpinBox::valueChanged, this, autoChanged);
    connect(m_compareButton, &QPushButton::clicked, this, [this] {
        QModelIndexList rows = m_timelineView->selectionModel()->selectedRows();
        if (rows.size() != 2)
            return;
        std::sort(rows.begin(), rows.end());
        m_endButton->setEnabled(true);
        Q_EMIT compareRequested(rows.at(0).row(), rows.at(1).row());
    });
    connect(m_endButton, &QPushButton::clicked, this, [this] {
        m_endButton->setEnabled(false);
        Q_EMIT endComparisonRequested();
    });
}

void SnapshotPanel::setTimelineModel(QAbstractItemModel *timeline)
{
    m_timelineView->setModel(timeline);
    connect(m_timelineView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SnapshotPanel::updateCompareButton);
    const auto updateSaveButton = [this, timeline] { m_saveButton->setEnabled(timeline->rowCount() > 0); };
    connect(timeline, &QAbstractItemModel::rowsInserted, this, updateSaveButton);
    connect(timeline, &QAbstractItemModel::modelReset, this, updateSaveButton);
    updateSaveButton();
}

void SnapshotPanel::setDiffModel(QAbstractItemModel *diff)
{
    m_diffView->setModel(diff);
}

void SnapshotPanel::setSummary(const QString &text)
{
    m_summary->setText(text);
}

bool SnapshotPanel::isAutoSnapshotOn() const
{
    return m_autoCheck->isChecked();
}

int SnapshotPanel::autoSnapshotSeconds() const
{
    return m_autoSeconds->value();
}

void SnapshotPanel::updateCompareButton()
{
    m_compareButton->setEnabled(m_timelineView->selectionModel()->selectedRows().size() == 2);
}
