#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "aboutdialog.h"
#include "addressspaceview.h"
#include "bundleprocsource.h"
#include "bundlewriter.h"
#include "headlessexport.h"
#include "liveprocsource.h"
#include "sourceopener.h"
#include "cursorhighlight.h"
#include "demopanel.h"
#include "demoprocess.h"
#include "freepanel.h"
#include "lessonlibrary.h"
#include "lessonspanel.h"
#include "mappingmodel.h"
#include "meminfosampler.h"
#include "memorychartwidget.h"
#include "modelroles.h"
#include "processfilterproxymodel.h"
#include "processlistmodel.h"
#include "presentationstyle.h"
#include "processlistrefresher.h"
#include "processmappingsloader.h"
#include "framecensus.h"
#include "pagemaploader.h"
#include "pagemodel.h"
#include "pagespanel.h"
#include "pagetablemodel.h"
#include "pagemapview.h"
#include "physicalview.h"
#include "rawprocview.h"
#include "segmentkind.h"
#include "segmentpalette.h"
#include "shortcutsdialog.h"
#include "snapshot.h"
#include "softdirty.h"
#include "snapshotdiff.h"
#include "snapshotdiffmodel.h"
#include "snapshotpanel.h"
#include "snapshottimeline.h"
#include "translations.h"
#include "units.h"

#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QGuiApplication>
#include <QScreen>
#include <QSysInfo>
#include <QTime>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QJsonObject>
#include <QProcess>
#include <QDateTime>
#include <QFileInfo>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace {
const auto GeometryKey = QStringLiteral("mainWindow/geometry");
const auto StateKey = QStringLiteral("mainWindow/state");
const auto SplitterKey = QStringLiteral("mainWindow/splitter");
const auto ProcessHeaderKey = QStringLiteral("processView/header");
const auto MappingHeaderKey = QStringLiteral("mappingView/header");
const auto LastPidKey = QStringLiteral("session/lastPid");
const auto AutoRefreshKey = QStringLiteral("session/autoRefresh");
const auto RecentKey = QStringLiteral("session/recentSources");
constexpr int MaxRecent = 8;
}

MainWindow::MainWindow(std::shared_ptr<const ProcSource> source, int initialPid, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_processModel(new ProcessListModel(this))
    , m_processProxy(new ProcessFilterProxyModel(this))
    , m_refresher(nullptr)
    , m_mappingModel(new MappingModel(this))
    , m_mappingProxy(new QSortFilterProxyModel(this))
    , m_mappingSelection(new QItemSelectionModel(m_mappingModel, this))
    , m_mappingsLoader(new ProcessMappingsLoader(this))
    , m_refreshTimer(new QTimer(this))
    , m_totalsTimer(new QTimer(this))
    , m_sampler(nullptr)
    , m_chartTimer(new QTimer(this))
    , m_timeline(new SnapshotTimeline(this))
    , m_diffModel(new SnapshotDiffModel(this))
    , m_diffMappingModel(new MappingModel(this))
    , m_snapshotTimer(new QTimer(this))
    , m_pageModel(new PageModel(this))
    , m_pageTableModel(new PageTableModel(m_pageModel, this))
    , m_pageLoader(new PageMapLoader(this))
{
    m_ui->setupUi(this);
    setUpViews();
    setUpTeaching(); // its docks exist before restoreState places them
    setUpMenus();
    restoreSettings();
    if (initialPid > 0) {
        m_pendingPid = initialPid;
        m_pendingPidFromCommandLine = true;
    }

    m_totalsTimer->setSingleShot(true);
    m_totalsTimer->setInterval(100); // rollups arrive one per process: sum once they have settled
    connect(m_totalsTimer, &QTimer::timeout, this, &MainWindow::updateTotals);
    connect(m_processProxy, &QAbstractItemModel::rowsInserted, m_totalsTimer, qOverload<>(&QTimer::start));
    connect(m_processProxy, &QAbstractItemModel::rowsRemoved, m_totalsTimer, qOverload<>(&QTimer::start));
    connect(m_processProxy, &QAbstractItemModel::modelReset, m_totalsTimer, qOverload<>(&QTimer::start));
    connect(m_processProxy, &QAbstractItemModel::dataChanged, m_totalsTimer, qOverload<>(&QTimer::start));

    connect(m_mappingsLoader, &ProcessMappingsLoader::mapsLoaded, this,
            [this](int pid, const QList<Mapping> &mappings, const QList<SegmentClassification> &classes) {
                if (pid != m_shownPid)
                    return;
                m_mappingModel->setMaps(mappings, classes);
                fitColumnsOnce(m_ui->mappingView, &m_mappingColumnsFitted);
                updateStatus();
                if (!m_pagesRegionWhenLoaded.isEmpty())
                    openPagesOfRegion(std::exchange(m_pagesRegionWhenLoaded, QString()));
                if (m_selectWhenLoaded != 0) {
                    for (int row = 0; row < mappings.size(); ++row) {
                        if (mappings.at(row).start <= m_selectWhenLoaded && m_selectWhenLoaded < mappings.at(row).end)
                            selectMappingRow(row);
                    }
                    m_selectWhenLoaded = 0;
                }
            });
    connect(m_mappingsLoader, &ProcessMappingsLoader::smapsLoaded, this,
            [this](int pid, const QList<SmapsEntry> &entries) {
                if (pid == m_shownPid)
                    m_mappingModel->setSmaps(entries);
            });
    connect(m_mappingsLoader, &ProcessMappingsLoader::rawTextLoaded, this,
            [this](int pid, const QString &fileName, const QByteArray &text) {
                static const QHash<QString, RawProcView::Kind> kinds{
                    {QStringLiteral("maps"), RawProcView::Kind::Maps},
                    {QStringLiteral("smaps"), RawProcView::Kind::Smaps},
                    {QStringLiteral("status"), RawProcView::Kind::Status},
                    {QStringLiteral("meminfo"), RawProcView::Kind::Meminfo}};
                if (pid == m_shownPid && kinds.contains(fileName))
                    m_ui->rawView->setText(kinds.value(fileName), QString::fromUtf8(text));
            });
    connect(m_mappingsLoader, &ProcessMappingsLoader::loadFailed, this,
            [this](int pid, ReadResult::Status status, const QString &message) {
                if (pid != m_shownPid)
                    return;
                if (status == ReadResult::Status::ProcessExited) {
                    m_shownExited = true;
                    m_ui->banner->showMessage(MessageBanner::Level::Warning,
                                              tr("Process %1 has exited. %2").arg(pid).arg(m_mappingModel->rowCount() > 0
                                                  ? tr("The table shows its mappings as last read.")
                                                  : tr("Its mappings could not be read.")));
                } else {
                    m_ui->banner->showMessage(MessageBanner::Level::Error, message);
                }
            });

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionOpen, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open snapshot bundle"), QString(),
                                                          tr("MemAtlas bundles (*.mematlas);;All files (*)"));
        if (!path.isEmpty())
            openSource(path);
    });
    connect(m_ui->actionOpenTree, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Open a directory laid out like /proc"));
        if (!path.isEmpty())
            openSource(path);
    });
    connect(m_ui->actionShowLive, &QAction::triggered, this, [this] { setSource(std::make_shared<LiveProcSource>()); });
    setAcceptDrops(true);
    updateRecentMenu();
    connect(m_ui->actionRefresh, &QAction::triggered, this, [this] {
        refresh();
        if (m_shownPid > 0 && !m_shownExited)
            m_mappingsLoader->load(m_source, m_shownPid);
    });
    connect(m_ui->actionFindProcess, &QAction::triggered, this, [this] {
        m_ui->searchEdit->setFocus();
        m_ui->searchEdit->selectAll();
    });
    connect(m_ui->actionAutoRefresh, &QAction::toggled, this, [this](bool on) {
        if (on)
            m_refreshTimer->start();
        else
            m_refreshTimer->stop();
    });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_processProxy, &ProcessFilterProxyModel::setSearchText);
    connect(m_ui->processView->verticalScrollBar(), &QScrollBar::valueChanged, this, &MainWindow::requestVisibleRollups);

    m_refreshTimer->setInterval(1000);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
    setSource(std::move(source));
}

void MainWindow::setSource(std::shared_ptr<const ProcSource> source)
{
    m_source = std::move(source);
    m_refreshTimer->stop();
    m_mappingsLoader->cancel();
    m_shownPid = 0;
    m_shownExited = false;
    endComparison();
    m_timeline->clear();
    clearPages();
    m_censusRequested = false;
    m_ui->pagesPanel->physicalView()->setCensus(nullptr);
    m_mappingModel->clear();
    m_ui->rawView->clear();
    m_ui->banner->clearMessage();
    m_ui->processTitle->setText(tr("Select a process to see its memory mappings."));
    m_processModel->setProcesses({}, 0);
    updateWindowTitle();

    // Readers hold their source: a new source gets new readers, and the old ones' results die with them.
    delete m_refresher;
    m_refresher = new ProcessListRefresher(m_source, this);
    connect(m_refresher, &ProcessListRefresher::processesRead, this,
            [this](const QList<ProcessInfo> &processes, quint64 memTotalKb) {
                m_processModel->setProcesses(processes, memTotalKb);
                fitColumnsOnce(m_ui->processView, &m_processColumnsFitted);
                onProcessesRead();
            });
    connect(m_refresher, &ProcessListRefresher::rollupRead, this, [this](int pid, const SmapsEntry &rollup) {
        m_processModel->setRollup(pid, rollup);
        m_totalsTimer->start();
    });
    connect(m_refresher, &ProcessListRefresher::rollupFailed, m_processModel, &ProcessListModel::setRollupError);

    delete m_sampler;
    m_history.clear();
    m_sampler = new MeminfoSampler(m_source, &m_history, this);
    m_sampler->setInterval(m_samplingIntervalMs);
    connect(m_sampler, &MeminfoSampler::sampled, this, [this] {
        m_ui->freePanel->setReport(m_sampler->lastReport());
        if (!m_chartTimer->isActive())
            m_chartTimer->start();
    });
    connect(m_sampler, &MeminfoSampler::errorChanged, this, [this](const QString &message) {
        if (!message.isEmpty())
            statusBar()->showMessage(message, 10'000);
    });
    followProcessInChart(0);

    // A saved timeline is of one process: show it, with its snapshots, once the list is read.
    if (const auto *bundle = dynamic_cast<const BundleProcSource *>(m_source.get()); bundle && !bundle->manifest().timeline.isEmpty())
        m_pendingPid = bundle->manifest().timeline.constLast().pid;

    // A copied tree or a recording does not change: read it once; the live system every second.
    const bool live = m_source->kind() == ProcSource::Kind::Live;
    m_ui->actionAutoRefresh->setEnabled(live);
    m_samplingMenu->setEnabled(live);
    if (!live) {
        QTimer::singleShot(1500, m_sampler, &MeminfoSampler::pause); // its meminfo is one sample
    } else if (m_ui->actionAutoRefresh->isChecked()) {
        m_refreshTimer->start();
    }
    refresh();
}

QString MainWindow::sourceDescription() const
{
    // A bundle's or tree's description is mostly its path; the live one is words to translate.
    return m_source->kind() == ProcSource::Kind::Live ? tr("live /proc") : m_source->description();
}

void MainWindow::updateWindowTitle()
{
    // Live data says from which machine; bundles and trees carry their origin in the description.
    const QString origin = m_source->kind() == ProcSource::Kind::Live
                             ? tr("%1 on %2").arg(sourceDescription(), QSysInfo::machineHostName())
                             : sourceDescription();
    setWindowTitle(tr("MemAtlas — %1").arg(origin));
}

bool MainWindow::openSource(const QString &path)
{
    QString error;
    std::shared_ptr<const ProcSource> source = SourceOpener::open(path, &error);
    if (!source) {
        // The view stays on what it showed: a bad file must not cost the user their place.
        m_ui->banner->showMessage(MessageBanner::Level::Error, tr("Could not open %1").arg(error));
        return false;
    }
    QSettings settings;
    QStringList recent = settings.value(RecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(RecentKey, QStringList(recent.mid(0, MaxRecent)));
    updateRecentMenu();
    setSource(std::move(source));
    return true;
}

void MainWindow::updateRecentMenu()
{
    m_ui->menuRecent->clear();
    const QStringList recent = QSettings().value(RecentKey).toStringList();
    for (const QString &path : recent)
        m_ui->menuRecent->addAction(path, this, [this, path] { openSource(path); });
    m_ui->menuRecent->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openSource(urls.first().toLocalFile());
}

MainWindow::~MainWindow()
{
    // Both use m_history, which as a member dies before the child objects do.
    delete m_sampler;
    m_ui->chartView->setHistory(nullptr);
}

void MainWindow::setUpViews()
{
    m_processProxy->setSourceModel(m_processModel);
    m_ui->processView->setModel(m_processProxy);
    m_ui->processView->sortByColumn(ProcessListModel::ResColumn, Qt::DescendingOrder);
    m_ui->processView->horizontalHeader()->setSectionsMovable(true);
    m_ui->processView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    connect(m_ui->processView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onProcessSelectionChanged);

    m_mappingProxy->setSourceModel(m_mappingModel);
    m_mappingProxy->setSortRole(ModelRoles::RawValueRole);
    m_ui->mappingView->setModel(m_mappingProxy);
    m_ui->mappingView->sortByColumn(-1, Qt::AscendingOrder); // address order, as maps prints it
    m_ui->mappingView->horizontalHeader()->setSectionsMovable(true);
    m_ui->mappingView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);

    // One selection for the map, the table and the raw text; the table sees it through its proxy.
    connect(m_ui->mappingView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_ui->mappingView->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            selectMappingRow(m_mappingProxy->mapToSource(rows.first()).row());
    });
    connect(m_mappingSelection, &QItemSelectionModel::selectionChanged, this, &MainWindow::onMappingSelectionChanged);
    connect(m_ui->rawView, &RawProcView::mappingClicked, this,
            [this](quint64 start, quint64) { selectMappingRow(m_mappingModel->rowOfAddress(start)); });

    m_ui->mapView->setModel(m_mappingModel);
    m_ui->mapView->setSelectionModel(m_mappingSelection);
    m_ui->detailSplitter->setStretchFactor(0, 2);
    m_ui->detailSplitter->setStretchFactor(1, 3);
    connect(m_ui->actionTrueScale, &QAction::toggled, this, [this](bool on) {
        m_ui->mapView->setScaleMode(on ? AddressSpaceView::ScaleMode::TrueScale : AddressSpaceView::ScaleMode::Compressed);
    });
    connect(m_ui->actionSegmentBrackets, &QAction::toggled, m_ui->mapView, &AddressSpaceView::setShowSegmentBrackets);
    connect(m_ui->actionSplitSchematic, &QAction::toggled, m_ui->mapView, &AddressSpaceView::setShowSplitSchematic);
    m_ui->mapView->setShowSegmentBrackets(m_ui->actionSegmentBrackets->isChecked());
    // +/- belong to the map when it has focus (it handles them itself); the menu offers them too.
    m_ui->actionZoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_ui->actionZoomOut->setShortcuts(QKeySequence::ZoomOut);
    connect(m_ui->actionZoomIn, &QAction::triggered, m_ui->mapView, &AddressSpaceView::zoomIn);
    connect(m_ui->actionZoomOut, &QAction::triggered, m_ui->mapView, &AddressSpaceView::zoomOut);
    connect(m_ui->actionZoomToSelection, &QAction::triggered, m_ui->mapView, &AddressSpaceView::zoomToSelection);
    connect(m_ui->actionFitProcess, &QAction::triggered, m_ui->mapView, &AddressSpaceView::fitProcess);
    connect(m_ui->actionExportMap, &QAction::triggered, this, &MainWindow::exportMap);
    connect(m_ui->actionExportChart, &QAction::triggered, this, &MainWindow::exportChart);
    connect(m_ui->actionExportPages, &QAction::triggered, this, &MainWindow::exportPages);
    setUpMemoryCharts();
    setUpSnapshots();
    setUpPages();

    m_ui->mainSplitter->setStretchFactor(0, 2);
    m_ui->mainSplitter->setStretchFactor(1, 3);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray())) {
        // First start: most of the screen, the map and the chart both need height.
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            resize(screen->availableSize() * 0.9);
    }
    if (!restoreState(settings.value(StateKey).toByteArray())) {
        // Room for PID … RES and for a readable chart. Docks take sizes only once the window is laid out.
        QTimer::singleShot(0, this, [this] {
            // (The process list's column runs the full height: at a quarter of the width it still
            // shows PID … RES, and on a 1400-px screen the map keeps room for its labels.)
            resizeDocks({m_ui->processDock}, {std::min(460, width() / 4)}, Qt::Horizontal);
            resizeDocks({m_ui->memoryDock}, {height() / 3}, Qt::Vertical);
        });
    }
    m_ui->mainSplitter->restoreState(settings.value(SplitterKey).toByteArray());
    // Saved column widths win; without them the first data decides (fitColumnsOnce).
    m_processColumnsFitted = m_ui->processView->horizontalHeader()->restoreState(settings.value(ProcessHeaderKey).toByteArray());
    m_mappingColumnsFitted = m_ui->mappingView->horizontalHeader()->restoreState(settings.value(MappingHeaderKey).toByteArray());
    m_ui->actionAutoRefresh->setChecked(settings.value(AutoRefreshKey, true).toBool());
    m_pendingPid = settings.value(LastPidKey, 0).toInt();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(SplitterKey, m_ui->mainSplitter->saveState());
    settings.setValue(ProcessHeaderKey, m_ui->processView->horizontalHeader()->saveState());
    settings.setValue(MappingHeaderKey, m_ui->mappingView->horizontalHeader()->saveState());
    settings.setValue(AutoRefreshKey, m_ui->actionAutoRefresh->isChecked());
    if (m_shownPid > 0)
        settings.setValue(LastPidKey, m_shownPid);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

bool MainWindow::isSettled() const
{
    return m_processModel->rowCount() > 0 && !m_refresher->isRefreshing() && m_pendingPid <= 0
        && !m_mappingsLoader->isLoading();
}

void MainWindow::refresh()
{
    m_refresher->refresh();
}

void MainWindow::onProcessesRead()
{
    if (m_pendingPid > 0 && m_processModel->rowOfPid(m_pendingPid) < 0 && m_pendingPidStarted) {
        // A process we just started: this list was read before it was there; the next one has it.
        QTimer::singleShot(0, this, &MainWindow::refresh);
    } else if (m_pendingPid > 0) {
        if (m_processModel->rowOfPid(m_pendingPid) >= 0)
            selectPid(m_pendingPid);
        else if (m_pendingPidFromCommandLine)
            m_ui->banner->showMessage(MessageBanner::Level::Warning,
                                      tr("Process %1 (--pid) does not exist in %2.").arg(m_pendingPid).arg(m_source->description()));
        m_pendingPid = 0;
        m_pendingPidFromCommandLine = false;
        m_pendingPidStarted = false;
    }
    if (m_shownPid > 0 && !m_shownExited && m_processModel->rowOfPid(m_shownPid) < 0) {
        m_shownExited = true;
        m_ui->chartView->addEventMarker(QDateTime::currentMSecsSinceEpoch(), tr("PID %1 exited").arg(m_shownPid));
        m_ui->banner->showMessage(MessageBanner::Level::Warning,
                                  tr("Process %1 exited at %2. The table shows its mappings as last read.")
                                      .arg(m_shownPid)
                                      .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
    }
    requestVisibleRollups();
    updateStatus();
}

// PSS, USS and Swap cost a page-table walk per process: read them only for rows on screen.
void MainWindow::requestVisibleRollups()
{
    QTableView *view = m_ui->processView;
    const int first = qMax(0, view->rowAt(0));
    int last = view->rowAt(view->viewport()->height() - 1);
    if (last < 0)
        last = m_processProxy->rowCount() - 1;
    const QList<int> pids = m_processProxy->pidsNeedingRollup(first, last);
    if (!pids.isEmpty())
        m_refresher->requestRollups(pids);
}

void MainWindow::onProcessSelectionChanged()
{
    const QModelIndexList rows = m_ui->processView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int pid = m_processProxy->data(rows.first(), ModelRoles::PidRole).toInt();
    if (pid != m_shownPid)
        showProcess(pid);
}

void MainWindow::showProcess(int pid)
{
    m_shownPid = pid;
    m_shownExited = false;
    m_ui->banner->clearMessage();
    m_mappingModel->clear();
    m_ui->rawView->clear();
    const int row = m_processModel->rowOfPid(pid);
    const QString command = row >= 0 ? m_processModel->processAt(row).commandLine() : QString();
    // The label may clip a long command line (it must not widen the window): the tooltip has it all.
    m_ui->processTitle->setText(tr("<b>PID %1</b> %2").arg(pid).arg(command.toHtmlEscaped()));
    m_ui->processTitle->setToolTip(command);
    m_mappingsLoader->load(m_source, pid);
    followProcessInChart(pid);
    // Snapshots and pages belong to one process.
    endComparison();
    m_timeline->clear();
    clearPages();
    loadRecordedTimeline(pid);
}

void MainWindow::loadRecordedTimeline(int pid)
{
    const auto *bundle = dynamic_cast<const BundleProcSource *>(m_source.get());
    if (!bundle)
        return;
    QStringList problems;
    const QList<BundleManifest::TimelineSnapshot> &recorded = bundle->manifest().timeline;
    for (int i = 0; i < recorded.size(); ++i) {
        if (recorded.at(i).pid != pid)
            continue;
        QString error;
        Snapshot::Options options;
        options.pages = true;
        std::optional<Snapshot> snapshot = Snapshot::take(*bundle->timelineSource(i), pid, options, &error);
        if (!snapshot) {
            problems << error;
            continue;
        }
        snapshot->wallTime = recorded.at(i).time.toLocalTime();
        m_timeline->add(*snapshot);
    }
    m_ui->banner->showLines(MessageBanner::Level::Error, problems);
    if (m_timeline->rowCount() > 0)
        m_ui->detailTabs->setCurrentWidget(m_ui->snapshotPanel);
}

void MainWindow::saveTimeline()
{
    if (m_timeline->rowCount() == 0)
        return;
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Save timeline"),
                                                        QStringLiteral("mematlas-timeline-%1.mematlas").arg(m_shownPid),
                                                        tr("MemAtlas bundle (*.mematlas)"));
    if (chosen.isEmpty())
        return;
    const QString path = chosen.endsWith(QLatin1String(".mematlas")) ? chosen : chosen + QStringLiteral(".mematlas");
    QString error;
    // The dialog asked about overwriting that name, not about one we extended.
    reportExport(tr("Save timeline"), path, saveTimelineTo(path, path == chosen, &error), error);
}

bool MainWindow::saveTimelineTo(const QString &path, bool overwrite, QString *error) const
{
    if (m_timeline->rowCount() == 0) {
        *error = tr("There are no snapshots to save.");
        return false;
    }
    BundleWriter writer(*m_source, QStringLiteral("mematlas %1").arg(QCoreApplication::applicationVersion()));
    for (int row = 0; row < m_timeline->rowCount(); ++row)
        writer.addTimelineSnapshot(m_timeline->snapshotAt(row).recorded());
    // The newest also as the bundle's own process, so it opens like any bundle.
    writer.addRecordedProcess(m_timeline->snapshotAt(m_timeline->rowCount() - 1).recorded());
    writer.addMeminfo();
    BundleWriter::WriteOptions options;
    options.overwrite = overwrite;
    return writer.write(path, options, error);
}

void MainWindow::clearPages()
{
    m_pageLoader->cancel();
    m_pageModel->setSnapshot(nullptr);
    m_ui->pagesPanel->setSoftDirtyAvailable(m_source->kind() == ProcSource::Kind::Live && m_shownPid > 0);
}

void MainWindow::followProcessInChart(int pid)
{
    for (const QString &series : m_ui->chartView->extraSeries()) {
        if (series.startsWith(QStringLiteral("pid ")))
            m_ui->chartView->removeSeries(series);
    }
    m_sampler->setProcess(pid);
    if (pid <= 0)
        return;
    // RSS beside PSS shows how much of the process's resident memory it shares with others.
    const QStringList series = MeminfoSampler::processSeriesNames(pid);
    for (int i = 0; i < qMin(2, int(series.size())); ++i)
        m_ui->chartView->addSeries(series.at(i));
}

void MainWindow::selectPid(int pid)
{
    const int sourceRow = m_processModel->rowOfPid(pid);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_processProxy->mapFromSource(m_processModel->index(sourceRow, 0));
    // Current as well as selected: a view that gets focus without a current row makes its first row
    // current and selected, which would show whatever process sorts first.
    m_ui->processView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->processView->scrollTo(index);
}

void MainWindow::setUpMemoryCharts()
{
    m_ui->chartView->setHistory(&m_history);
    m_ui->menuView->addAction(m_ui->memoryDock->toggleViewAction());
    m_ui->menuView->addAction(m_ui->processDock->toggleViewAction());
    m_ui->memorySplitter->setStretchFactor(0, 3);
    m_ui->memorySplitter->setStretchFactor(1, 1);

    // Sampling runs on its own thread; the chart redraws at most twice a second however fast it
    // samples (a redraw costs a few ms, a sample far less).
    m_chartTimer->setSingleShot(true);
    m_chartTimer->setInterval(500);
    connect(m_chartTimer, &QTimer::timeout, m_ui->chartView, &MemoryChartWidget::refresh);

    m_samplingMenu = m_ui->menuView->addMenu(tr("&Sampling interval"));
    auto *group = new QActionGroup(m_samplingMenu);
    for (const int ms : {100, 200, 500, 1000, 5000, 60'000}) {
        QAction *action = m_samplingMenu->addAction(ms < 1000 ? tr("%1 ms").arg(ms) : tr("%1 s").arg(ms / 1000));
        action->setCheckable(true);
        action->setChecked(ms == m_samplingIntervalMs);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, ms] {
            m_samplingIntervalMs = ms;
            m_sampler->setInterval(ms);
        });
    }
}

void MainWindow::setUpSnapshots()
{
    m_ui->snapshotPanel->setTimelineModel(m_timeline);
    m_ui->snapshotPanel->setDiffModel(m_diffModel);
    connect(m_ui->snapshotPanel, &SnapshotPanel::takeSnapshotRequested, this, &MainWindow::takeSnapshot);
    connect(m_ui->snapshotPanel, &SnapshotPanel::compareRequested, this, &MainWindow::compareSnapshots);
    connect(m_ui->snapshotPanel, &SnapshotPanel::endComparisonRequested, this, &MainWindow::endComparison);
    connect(m_ui->snapshotPanel, &SnapshotPanel::saveTimelineRequested, this, &MainWindow::saveTimeline);
    connect(m_ui->snapshotPanel, &SnapshotPanel::autoSnapshotChanged, this, [this](bool on, int seconds) {
        m_snapshotTimer->setInterval(seconds * 1000);
        if (on)
            m_snapshotTimer->start();
        else
            m_snapshotTimer->stop();
    });
    connect(m_snapshotTimer, &QTimer::timeout, this, &MainWindow::takeSnapshot);
}

void MainWindow::setUpPages()
{
    m_ui->pagesPanel->setModels(m_pageModel, m_pageTableModel);
    connect(m_ui->pagesPanel, &PagesPanel::readSelectedRequested, this, [this] {
        const QModelIndexList rows = m_mappingSelection->selectedRows();
        if (rows.isEmpty()) {
            m_ui->pagesPanel->setStatus(tr("Select a mapping first (on the map or in the Mappings table)."));
            return;
        }
        const Mapping mapping = m_mappingModel->mappingAt(rows.first().row());
        readPages({{mapping.start, mapping.end}});
    });
    connect(m_ui->pagesPanel, &PagesPanel::readWholeProcessRequested, this, [this] { readPages({}); });
    connect(m_ui->pagesPanel, &PagesPanel::exportCsvRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export page table"),
                                                          QStringLiteral("mematlas-pages-%1.csv").arg(m_shownPid),
                                                          tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty())
            reportExport(tr("Export page table"), path, m_pageTableModel->exportCsv(path, &error), error);
    });
    connect(m_ui->pagesPanel, &PagesPanel::clearSoftDirtyRequested, this, &MainWindow::clearSoftDirty);
    connect(m_pageLoader, &PageMapLoader::progress, this, [this](int pid, quint64 done, quint64 total) {
        if (pid == m_shownPid && total > 0)
            m_ui->pagesPanel->setStatus(tr("Reading pagemap of PID %1: %2 %").arg(pid).arg(done * 100 / total));
    });
    connect(m_pageLoader, &PageMapLoader::loaded, this, [this](int pid, std::shared_ptr<const PageMapSnapshot> snapshot) {
        if (pid != m_shownPid)
            return;
        m_pageModel->setSnapshot(snapshot);
        m_ui->pagesPanel->setStatus(tr("%n page(s) of PID %1, %2 present; minor faults %3, major faults %4.", nullptr,
                                       int(snapshot->pageCount))
                                        .arg(pid)
                                        .arg(snapshot->presentCount)
                                        .arg(snapshot->minflt)
                                        .arg(snapshot->majflt));
        readCensusOnce();
    });
    connect(m_pageLoader, &PageMapLoader::failed, this, [this](int pid, ReadResult::Status, const QString &message) {
        if (pid == m_shownPid)
            m_ui->pagesPanel->setStatus(message);
    });
}

void MainWindow::readPages(const QList<QPair<quint64, quint64>> &ranges)
{
    if (m_shownPid <= 0)
        return;
    m_pageRanges = ranges;
    m_ui->detailTabs->setCurrentWidget(m_ui->pagesPanel);
    m_pageLoader->load(m_source, m_shownPid, ranges);
}

// The machine-wide frame census (root only, ~0.5 s for 24 GiB) is read once per source, after the
// first pages, and only when frame flags are readable at all.
void MainWindow::readCensusOnce()
{
    if (m_censusRequested || !m_pageModel->frameInfoError().isEmpty())
        return;
    m_censusRequested = true;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const FrameCensus>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (auto census = watcher->result())
            m_ui->pagesPanel->physicalView()->setCensus(census);
    });
    watcher->setFuture(QtConcurrent::run([source = m_source]() -> std::shared_ptr<const FrameCensus> {
        ReadOutcome<FrameCensus> census = FrameCensus::read(*source, 4096);
        return census.ok() ? std::make_shared<const FrameCensus>(std::move(census.value)) : nullptr;
    }));
}

void MainWindow::clearSoftDirty()
{
    if (m_shownPid <= 0 || m_source->kind() != ProcSource::Kind::Live)
        return;
    const QString path = QStringLiteral("%1/%2/clear_refs").arg(m_source->rootPath()).arg(m_shownPid);
    const auto answer = QMessageBox::question(
        this, tr("Clear soft-dirty bits"),
        tr("This writes \"4\" to %1, which clears the soft-dirty bit of every page of process %2 (it changes the "
           "process's page tables, nothing else). Pages it writes from now on are marked dirty in the page view.\n\n"
           "Write to %1?")
            .arg(path)
            .arg(m_shownPid));
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (!SoftDirty::clear(*m_source, m_shownPid, &error)) {
        m_ui->pagesPanel->setStatus(error);
        return;
    }
    m_ui->pagesPanel->setStatus(tr("Soft-dirty bits of PID %1 cleared at %2: read the pages again to see what it writes.")
                                    .arg(m_shownPid)
                                    .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

void MainWindow::takeSnapshot()
{
    if (m_shownPid <= 0 || m_shownExited) {
        m_ui->banner->showMessage(MessageBanner::Level::Information,
                                  tr("Select a running process first: snapshots are of one process."));
        return;
    }
    // smaps walks the target's page tables: read it off the GUI thread.
    const int pid = m_shownPid;
    auto *watcher = new QFutureWatcher<std::pair<std::optional<Snapshot>, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, pid] {
        watcher->deleteLater();
        const auto [snapshot, error] = watcher->result();
        if (pid != m_shownPid)
            return;
        if (!snapshot) {
            m_ui->banner->showMessage(MessageBanner::Level::Error, error);
            return;
        }
        m_timeline->add(*snapshot);
        m_ui->chartView->addEventMarker(snapshot->wallTime.toMSecsSinceEpoch(), tr("snapshot %1").arg(m_timeline->rowCount()));
    });
    watcher->setFuture(QtConcurrent::run([source = m_source, pid] {
        QString error;
        Snapshot::Options options;
        options.pages = true; // for the pages that became present, dirty or copied in between
        std::optional<Snapshot> snapshot = Snapshot::take(*source, pid, options, &error);
        return std::make_pair(std::move(snapshot), error);
    }));
}

void MainWindow::compareSnapshots(int olderRow, int newerRow)
{
    const SnapshotDiff diff(m_timeline->snapshotAt(olderRow), m_timeline->snapshotAt(newerRow));
    m_diffModel->setDiff(diff);
    const SnapshotDiff::Totals totals = diff.totals();
    const auto signedKb = [](qint64 kb) -> QString { return (kb >= 0 ? QStringLiteral("+") : QStringLiteral("−")) + Units::formatKb(quint64(qAbs(kb))); };
    QString summary = totals.valid ? tr("%n change(s). RSS %1, PSS %2, swap %3.", nullptr, int(diff.rows().size()))
                                         .arg(signedKb(totals.rssDeltaKb), signedKb(totals.pssDeltaKb), signedKb(totals.swapDeltaKb))
                                   : tr("%n change(s). Sizes only: one snapshot could read maps but not smaps.", nullptr,
                                        int(diff.rows().size()));
    if (totals.pages)
        summary += QLatin1Char(' ')
                 + tr("Pages: %1 now present, %2 gone, %3 dirtied, %4 on a new frame.")
                       .arg(totals.pages->becamePresent)
                       .arg(totals.pages->becameAbsent)
                       .arg(totals.pages->becameSoftDirty)
                       .arg(totals.pages->newFrame);
    m_ui->snapshotPanel->setSummary(summary);

    // The map shows both snapshots at once: the newer mappings plus the removed ones, outlined by change.
    const QList<Mapping> &mappings = diff.unionMappings();
    m_diffMappingModel->setMaps(mappings, Segments::classify(mappings, m_source->readLink(QStringLiteral("%1/exe").arg(m_shownPid))));
    m_ui->mapView->setModel(m_diffMappingModel);
    const SegmentPalette palette(m_ui->mapView->palette());
    for (int row = 0; row < mappings.size(); ++row) {
        switch (diff.kindOfUnionRow(row)) {
        case SnapshotDiff::Kind::Added:
            m_ui->mapView->setRowOverlay(row, palette.diffAdded());
            break;
        case SnapshotDiff::Kind::Removed:
            m_ui->mapView->setRowOverlay(row, palette.diffRemoved());
            break;
        case SnapshotDiff::Kind::Grown:
        case SnapshotDiff::Kind::Shrunk:
        case SnapshotDiff::Kind::Changed:
            m_ui->mapView->setRowOverlay(row, palette.diffChanged());
            break;
        case SnapshotDiff::Kind::Unchanged:
            break;
        }
    }
}

void MainWindow::endComparison()
{
    if (m_ui->mapView->model() == m_mappingModel)
        return;
    m_ui->mapView->setModel(m_mappingModel);
    m_ui->mapView->setSelectionModel(m_mappingSelection);
    m_diffModel->setDiff(SnapshotDiff());
}

void MainWindow::exportChart()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QStringLiteral("mematlas-memory.png"),
                                                tr("PNG image (*.png);;SVG drawing (*.svg);;Samples as CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    bool written = false;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("csv")) {
        written = m_ui->chartView->exportCsv(path, &error);
    } else {
        QSize size;
        if (!askExportSize(tr("Export chart"), m_ui->chartView->size(), &size))
            return;
        written = suffix == QStringLiteral("svg") ? m_ui->chartView->exportSvg(path, size, &error)
                                                   : m_ui->chartView->exportPng(path, size, 2.0, &error);
    }
    reportExport(tr("Export chart"), path, written, error);
}

// The page grid and the virtual → physical picture go out together: FILE-pages.png, FILE-physical.png.
void MainWindow::exportPages()
{
    if (m_pageModel->pageCount() == 0) {
        m_ui->pagesPanel->setStatus(tr("Read some pages first: there is nothing to export."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export page views"),
                                                      QStringLiteral("mematlas-pages-%1.png").arg(m_shownPid),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QSize size;
    if (!askExportSize(tr("Export page views"), m_ui->pagesPanel->pageMapView()->size(), &size))
        return;
    const QFileInfo info(path);
    const bool svg = info.suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0;
    const QString stem = info.path() + QLatin1Char('/') + info.completeBaseName();
    const QString gridPath = stem + QStringLiteral("-pages.") + info.suffix();
    const QString physicalPath = stem + QStringLiteral("-physical.") + info.suffix();
    QString error;
    const PageMapView *grid = m_ui->pagesPanel->pageMapView();
    const PhysicalView *physical = m_ui->pagesPanel->physicalView();
    const bool written = svg ? grid->exportSvg(gridPath, size, &error) && physical->exportSvg(physicalPath, size, &error)
                             : grid->exportPng(gridPath, size, 2.0, &error) && physical->exportPng(physicalPath, size, 2.0, &error);
    reportExport(tr("Export page views"), gridPath + QStringLiteral(", ") + physicalPath, written, error);
}

bool MainWindow::askExportSize(const QString &title, QSize current, QSize *size)
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, title, tr("Size in pixels (width x height):"), QLineEdit::Normal,
                                               tr("%1x%2").arg(current.width()).arg(current.height()), &ok);
    if (!ok)
        return false;
    if (HeadlessExport::parseSize(text, size))
        return true;
    QMessageBox::warning(this, title, tr("\"%1\" is not a size such as 1200x900.").arg(text));
    return false;
}

void MainWindow::reportExport(const QString &title, const QString &path, bool written, const QString &error)
{
    if (written)
        statusBar()->showMessage(tr("Written to %1").arg(path), 5000);
    else
        QMessageBox::warning(this, title, error);
}

void MainWindow::exportMap()
{
    if (m_mappingModel->rowCount() == 0) {
        m_ui->banner->showMessage(MessageBanner::Level::Information, tr("Select a process first: there is no map to export."));
        return;
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Export map"),
                                                QStringLiteral("mematlas-map-%1.png").arg(m_shownPid),
                                                tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QSize size;
    if (!askExportSize(tr("Export map"), m_ui->mapView->size(), &size))
        return;
    QString error;
    // Slides want sharp lines: PNGs are rendered at twice the pixel density.
    const bool written = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)
                           ? m_ui->mapView->exportSvg(path, size, &error)
                           : m_ui->mapView->exportPng(path, size, 2.0, &error);
    reportExport(tr("Export map"), path, written, error);
}

void MainWindow::selectMappingRow(int row)
{
    if (row < 0 || row >= m_mappingModel->rowCount())
        return;
    const QModelIndex index = m_mappingModel->index(row, 0);
    if (m_mappingSelection->isRowSelected(row))
        return;
    m_mappingSelection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void MainWindow::onMappingSelectionChanged()
{
    const QModelIndexList rows = m_mappingSelection->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    const QModelIndex inTable = m_mappingProxy->mapFromSource(m_mappingModel->index(row, 0));
    if (!m_ui->mappingView->selectionModel()->isRowSelected(inTable.row())) {
        m_ui->mappingView->selectionModel()->setCurrentIndex(
            inTable, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_ui->mappingView->scrollTo(inTable);
    }
    const Mapping mapping = m_mappingModel->mappingAt(row);
    m_ui->rawView->highlightMapping(mapping.start, mapping.end);
    // With the page view in front, the pages follow the selection.
    if (m_ui->detailTabs->currentWidget() == m_ui->pagesPanel)
        readPages({{mapping.start, mapping.end}});
}

void MainWindow::updateTotals()
{
    const ProcessFilterProxyModel::Totals totals = m_processProxy->shownTotals();
    QString text = tr("Σ of %n shown: RES %1 · SHR %2 (not summable)", nullptr, totals.rows)
                       .arg(Units::formatKb(totals.resKb), Units::formatKb(totals.shrKb));
    if (totals.rowsWithPss > 0)
        text += tr(" · PSS %1 (of %2 read)").arg(Units::formatKb(totals.pssKb)).arg(totals.rowsWithPss);
    m_ui->processTotals->setText(text);
}

void MainWindow::fitColumnsOnce(QTableView *view, bool *fitted)
{
    if (*fitted || view->model()->rowCount() == 0)
        return;
    view->resizeColumnsToContents();
    // A long command line would push VIRT, RES and PSS out of a narrow dock; the tooltip has it whole.
    if (view == m_ui->processView) {
        const int commandWidth = fontMetrics().averageCharWidth() * 28;
        if (view->columnWidth(ProcessListModel::CommandColumn) > commandWidth)
            view->setColumnWidth(ProcessListModel::CommandColumn, commandWidth);
    }
    *fitted = true;
}

void MainWindow::updateStatus()
{
    QString text = tr("%1 — %n process(es)", nullptr, m_processModel->rowCount()).arg(sourceDescription());
    if (m_shownPid > 0)
        text += tr(" — PID %1: %n mapping(s)", nullptr, m_mappingModel->rowCount()).arg(m_shownPid);
    statusBar()->showMessage(text);
}

QDockWidget *MainWindow::addPanelDock(const QString &title, const QString &objectName, QWidget *panel)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // saveState() finds docks by name
    dock->setWidget(panel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    return dock;
}

void MainWindow::setUpTeaching()
{
    m_demo = new DemoProcess(DemoProcess::findProgram(), this);
    m_demoPanel = new DemoPanel(m_demo, this);
    m_lessonsPanel = new LessonsPanel(this);
    const LessonLibrary lessons = LessonLibrary::loadStandard();
    m_lessonsPanel->setLessons(lessons.lessons(), lessons.errors());
    m_lessonsDock = addPanelDock(tr("Lessons"), QStringLiteral("lessonsDock"), m_lessonsPanel);
    m_demoDock = addPanelDock(tr("Demo process"), QStringLiteral("demoDock"), m_demoPanel);
    // The left column, full height: the lesson's text above, where it stays in view, and the demo it
    // drives below, in a tab beside the process list. A third column for them (they were at the right)
    // made the window 2,000 px wide and left the map and the page views no room.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    splitDockWidget(m_lessonsDock, m_ui->processDock, Qt::Vertical);
    tabifyDockWidget(m_ui->processDock, m_demoDock);
    // A first start shows the memory picture; the teaching docks are one menu entry away.
    m_lessonsDock->hide();
    m_demoDock->hide();
    connect(m_lessonsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_lessonsDock->isFloating())
            resizeDocks({m_lessonsDock}, {height() * 2 / 5}, Qt::Vertical);
    });
    m_cursorHighlight = new CursorHighlight(this);
    // The map forgets its outlines when its model resets (smaps read after a changed maps does).
    connect(m_mappingModel, &QAbstractItemModel::modelReset, this, &MainWindow::applyRegionHighlight);

    connect(m_lessonsPanel, &LessonsPanel::showView, this, &MainWindow::showView);
    connect(m_lessonsPanel, &LessonsPanel::highlightRegions, this, &MainWindow::highlightRegions);
    connect(m_lessonsPanel, &LessonsPanel::openPages, this, &MainWindow::openPagesOfRegion);
    connect(m_lessonsPanel, &LessonsPanel::selectSeries, this, &MainWindow::emphasizeSeries);
    connect(m_lessonsPanel, &LessonsPanel::runDemo, this, &MainWindow::runDemoCommand);
    connect(m_lessonsPanel, &LessonsPanel::setTrueScale, m_ui->actionTrueScale, &QAction::setChecked);
    connect(m_lessonsPanel, &LessonsPanel::showSchematic32, m_ui->actionSplitSchematic, &QAction::setChecked);
    connect(m_lessonsPanel, &LessonsPanel::showSegmentBrackets, m_ui->actionSegmentBrackets, &QAction::setChecked);

    // The demo runs on this machine: show it live, and follow what each command does to it.
    connect(m_demoPanel, &DemoPanel::demoStarted, this, [this](qint64 pid) {
        if (m_source->kind() != ProcSource::Kind::Live)
            setSource(std::make_shared<LiveProcSource>());
        m_pendingPid = int(pid);
        m_pendingPidStarted = true;
        refresh();
    });
    connect(m_demo, &DemoProcess::replied, this, &MainWindow::followDemo);
    connect(m_demoPanel, &DemoPanel::regionOfInterest, this, [this](quint64 start, quint64 end) {
        if (m_shownPid != int(m_demo->pid()) || start >= end)
            return;
        m_selectWhenLoaded = start;
        readPages({{start, end}});
    });
}

bool MainWindow::openLesson(const QString &id)
{
    if (!m_lessonsPanel->startLesson(id))
        return false;
    m_lessonsDock->show();
    m_lessonsDock->raise();
    return true;
}

void MainWindow::followDemo()
{
    const int pid = int(m_demo->pid());
    if (pid <= 0 || (m_shownPid != pid && m_shownPid != int(m_demo->childPid())))
        return;
    refresh(); // the list's fault counters
    m_mappingsLoader->load(m_source, m_shownPid);
    if (m_pageModel->pageCount() > 0)
        m_pageLoader->load(m_source, m_shownPid, m_pageRanges);
}

void MainWindow::runDemoCommand(const QString &command)
{
    // In front of the process list it shares a tab with: the demo's answer explains the step.
    m_demoDock->show();
    m_demoDock->raise();
    if (m_demo->isRunning()) {
        m_demo->send(command);
        return;
    }
    auto *once = new QObject(this);
    connect(m_demo, &DemoProcess::started, once, [this, once, command] {
        delete once;
        m_demo->send(command);
    });
    connect(m_demo, &DemoProcess::failed, once, [once] { delete once; });
    m_demo->start();
}

void MainWindow::showView(const QString &view)
{
    if (view == QLatin1String("map")) {
        m_ui->mapView->setFocus();
    } else if (view == QLatin1String("mappings")) {
        m_ui->detailTabs->setCurrentWidget(m_ui->mappingsTab);
    } else if (view == QLatin1String("raw")) {
        m_ui->detailTabs->setCurrentWidget(m_ui->rawView);
    } else if (view == QLatin1String("pages") || view == QLatin1String("physical") || view == QLatin1String("pagetable")) {
        m_ui->detailTabs->setCurrentWidget(m_ui->pagesPanel);
    } else if (view == QLatin1String("snapshots")) {
        m_ui->detailTabs->setCurrentWidget(m_ui->snapshotPanel);
    } else if (view == QLatin1String("chart") || view == QLatin1String("free")) {
        m_ui->memoryDock->show();
        m_ui->memoryDock->raise();
    } else if (view == QLatin1String("processes")) {
        m_ui->processDock->show();
        m_ui->processDock->raise();
        m_ui->processView->setFocus();
    }
}

void MainWindow::highlightRegions(const QStringList &regions)
{
    m_highlightedRegions = regions;
    showDemoIfNothingShown();
    applyRegionHighlight();
}

// A lesson points at the shown process; with none shown, the demo is what it is about.
void MainWindow::showDemoIfNothingShown()
{
    if (m_shownPid <= 0 && !m_demo->isRunning())
        runDemoCommand(QStringLiteral("status"));
}

void MainWindow::applyRegionHighlight()
{
    if (m_ui->mapView->model() != m_mappingModel)
        return; // a comparison's outlines are on the map
    m_ui->mapView->clearRowOverlays();
    const QColor outline = palette().color(QPalette::Highlight);
    for (int row = 0; row < m_mappingModel->rowCount(); ++row) {
        const auto kind = SegmentKind(m_mappingModel->index(row, 0).data(ModelRoles::SegmentKindRole).toInt());
        if (m_highlightedRegions.contains(Segments::id(kind)))
            m_ui->mapView->setRowOverlay(row, outline);
    }
}

void MainWindow::openPagesOfRegion(const QString &region)
{
    if (m_mappingModel->rowCount() == 0) {
        // Read once the maps are there (a demo just started, a process just selected).
        m_pagesRegionWhenLoaded = region;
        showDemoIfNothingShown();
        return;
    }
    QList<QPair<quint64, quint64>> ranges;
    for (int row = 0; row < m_mappingModel->rowCount(); ++row) {
        const auto kind = SegmentKind(m_mappingModel->index(row, 0).data(ModelRoles::SegmentKindRole).toInt());
        if (Segments::id(kind) == region) {
            const Mapping mapping = m_mappingModel->mappingAt(row);
            ranges.append({mapping.start, mapping.end});
        }
    }
    if (ranges.isEmpty()) {
        QString name = region;
        for (int kind = 0; kind < int(SegmentKind::Count); ++kind) {
            if (Segments::id(SegmentKind(kind)) == region)
                name = Segments::name(SegmentKind(kind));
        }
        m_ui->pagesPanel->setStatus(tr("This process has no mapping of the kind \"%1\" to read pages of.").arg(name));
        m_ui->detailTabs->setCurrentWidget(m_ui->pagesPanel);
        return;
    }
    readPages(ranges);
}

void MainWindow::emphasizeSeries(const QString &series)
{
    m_ui->memoryDock->show();
    m_ui->chartView->emphasizeSeries(series);
}

void MainWindow::setUpMenus()
{
    QMenu *teach = menuBar()->addMenu(tr("&Teach"));
    QAction *lessons = m_lessonsDock->toggleViewAction();
    lessons->setText(tr("&Lessons"));
    lessons->setShortcut(QKeySequence(Qt::Key_F1));
    teach->addAction(lessons);
    QAction *demo = m_demoDock->toggleViewAction();
    demo->setText(tr("&Demo process"));
    teach->addAction(demo);
    teach->addSeparator();
    m_presentationAction = teach->addAction(tr("&Presentation mode"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentationAction->setToolTip(tr("Full screen, larger text, high contrast and a ring around the pointer"));
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);

    QMenu *language = m_ui->menuView->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(language);
    const QString chosen = Translations::chosen();
    for (const QString &code : QStringList{QString()} + Translations::languages()) {
        QAction *action = language->addAction(code.isEmpty() ? tr("System default") : Translations::nativeName(code));
        action->setCheckable(true);
        action->setChecked(code == chosen);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] { ShortcutsDialog(this, this).exec(); });
    help->addAction(tr("&About MemAtlas"), this, [this] { AboutDialog(this).exec(); });
}

void MainWindow::chooseLanguage(const QString &language)
{
    Translations::setChosen(language);
    // Every view builds its texts once: a language takes effect in a fresh window.
    const auto answer = QMessageBox::question(this, tr("Language"),
                                              tr("The language changes when MemAtlas starts again. Restart now?"));
    if (answer != QMessageBox::Yes)
        return;
    QStringList arguments = QCoreApplication::arguments().mid(1);
    const qsizetype at = arguments.indexOf(QStringLiteral("--language"));
    if (at >= 0)
        arguments.remove(at, std::min<qsizetype>(2, arguments.size() - at));
    if (m_shownPid > 0 && !arguments.contains(QStringLiteral("--pid")))
        arguments << QStringLiteral("--pid") << QString::number(m_shownPid);
    if (QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments))
        close();
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    m_presentationAction->setChecked(on);
    if (on) {
        m_normalFont = QApplication::font();
        m_normalPalette = QApplication::palette();
        m_normalWindowState = windowState();
        QApplication::setFont(PresentationStyle::font(m_normalFont));
        QApplication::setPalette(PresentationStyle::palette());
        showFullScreen();
    } else {
        QApplication::setFont(m_normalFont);
        QApplication::setPalette(m_normalPalette);
        setWindowState(m_normalWindowState);
    }
    m_cursorHighlight->setActive(on);
}
