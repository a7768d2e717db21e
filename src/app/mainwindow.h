#pragma once

#include "memoryhistory.h"
#include "procsource.h"

#include <QFont>
#include <QMainWindow>
#include <QPalette>

#include <memory>

class CursorHighlight;
class DemoPanel;
class DemoProcess;
class LessonsPanel;
class MappingModel;
class QDockWidget;
class MeminfoSampler;
class PageMapLoader;
class PageModel;
class PageTableModel;
class SnapshotDiffModel;
class SnapshotTimeline;
class ProcessFilterProxyModel;
class ProcessListModel;
class ProcessListRefresher;
class ProcessMappingsLoader;
class QItemSelectionModel;
class QMenu;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace Ui {
class MainWindow;
}

// The process list on the left, the selected process's mappings on the right. Reading happens off
// the GUI thread (ProcessListRefresher, ProcessMappingsLoader); this class only wires views to them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // initialPid > 0 selects that process once the list has been read (--pid).
    explicit MainWindow(std::shared_ptr<const ProcSource> source, int initialPid = 0, QWidget *parent = nullptr);
    ~MainWindow() override;

    QItemSelectionModel *mappingSelection() const { return m_mappingSelection; }

    int shownPid() const { return m_shownPid; }
    // The process list has been read and nothing is loading: what the window shows is complete.
    bool isSettled() const;
    // Shows another source (a bundle, a tree, the live system); the views start over.
    void setSource(std::shared_ptr<const ProcSource> source);
    // Opens a bundle or a procfs tree; on failure says why in the banner and keeps the current view.
    bool openSource(const QString &path);
    // The Snapshots tab's timeline as one bundle; *error says why not. The GUI asks for path first.
    bool saveTimelineTo(const QString &path, bool overwrite, QString *error) const;

    // Teaching: the lessons and the demo process they drive, and the look for a projector.
    LessonsPanel *lessonsPanel() const { return m_lessonsPanel; }
    DemoProcess *demoProcess() const { return m_demo; }
    void setPresentationMode(bool on);
    // Shows the Lessons dock at lesson id's first step; false (and nothing shown) for an unknown id.
    bool openLesson(const QString &id);
    bool isPresentationMode() const { return m_presenting; }

public Q_SLOTS:
    // What a lesson step asks of the views (LessonTargets names).
    void showView(const QString &view);
    void highlightRegions(const QStringList &regions); // Segments::id()s on the map; empty: none
    void openPagesOfRegion(const QString &region);
    void emphasizeSeries(const QString &series);
    void runDemoCommand(const QString &command); // starts the demo first when needed

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setUpViews();
    void restoreSettings();
    void saveSettings() const;
    void refresh();
    void onProcessesRead();
    void requestVisibleRollups();
    void onProcessSelectionChanged();
    void showProcess(int pid);
    void selectPid(int pid);
    void updateStatus();
    void updateWindowTitle();
    QString sourceDescription() const; // for the title and status bar, in the interface's language
    void updateRecentMenu();
    void updateTotals();
    void exportMap();
    void exportChart();
    void exportPages();
    void setUpSnapshots();
    void takeSnapshot();
    void compareSnapshots(int olderRow, int newerRow);
    void endComparison();
    void saveTimeline();
    void loadRecordedTimeline(int pid); // a bundle's saved timeline of pid, into the Snapshots tab
    void setUpPages();
    void setUpTeaching();
    void setUpMenus(); // Teach, language and Help
    QDockWidget *addPanelDock(const QString &title, const QString &objectName, QWidget *panel);
    void applyRegionHighlight();
    void showDemoIfNothingShown();
    void followDemo();
    void chooseLanguage(const QString &language);
    void readPages(const QList<QPair<quint64, quint64>> &ranges);
    void readCensusOnce();
    void clearSoftDirty();
    void clearPages();
    void setUpMemoryCharts();
    void followProcessInChart(int pid);
    bool askExportSize(const QString &title, QSize current, QSize *size);
    void reportExport(const QString &title, const QString &path, bool written, const QString &error);
    void selectMappingRow(int row);
    void onMappingSelectionChanged();
    void fitColumnsOnce(QTableView *view, bool *fitted);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::shared_ptr<const ProcSource> m_source;
    ProcessListModel *m_processModel;
    ProcessFilterProxyModel *m_processProxy;
    ProcessListRefresher *m_refresher;
    MappingModel *m_mappingModel;
    QSortFilterProxyModel *m_mappingProxy;
    QItemSelectionModel *m_mappingSelection; // shared by map, table and raw text, on m_mappingModel
    ProcessMappingsLoader *m_mappingsLoader;
    QTimer *m_refreshTimer;
    QTimer *m_totalsTimer;
    MemoryHistory m_history; // before the sampler, which appends to it
    MeminfoSampler *m_sampler;
    QTimer *m_chartTimer;
    QMenu *m_samplingMenu = nullptr;
    SnapshotTimeline *m_timeline;
    SnapshotDiffModel *m_diffModel;
    MappingModel *m_diffMappingModel; // the map's model while two snapshots are compared
    QTimer *m_snapshotTimer;
    PageModel *m_pageModel;
    PageTableModel *m_pageTableModel;
    PageMapLoader *m_pageLoader;
    bool m_censusRequested = false;
    int m_samplingIntervalMs = 1000;
    int m_pendingPid = 0; // to select once the list has it (--pid or the last session's)
    bool m_pendingPidFromCommandLine = false; // a --pid that is not there deserves a message
    bool m_pendingPidStarted = false; // the demo, started by us: wait for it to be listed
    int m_shownPid = 0;
    bool m_shownExited = false;
    bool m_processColumnsFitted = false;
    bool m_mappingColumnsFitted = false;
    QList<QPair<quint64, quint64>> m_pageRanges; // of the last page read, to read again as the demo acts
    quint64 m_selectWhenLoaded = 0; // an address whose mapping to select once the maps are read
    QStringList m_highlightedRegions;
    QString m_pagesRegionWhenLoaded; // a lesson's page read waiting for the maps
    DemoProcess *m_demo = nullptr;
    DemoPanel *m_demoPanel = nullptr;
    LessonsPanel *m_lessonsPanel = nullptr;
    QDockWidget *m_lessonsDock = nullptr;
    QDockWidget *m_demoDock = nullptr;
    CursorHighlight *m_cursorHighlight = nullptr;
    QAction *m_presentationAction = nullptr;
    bool m_presenting = false;
    QFont m_normalFont;
    QPalette m_normalPalette;
    Qt::WindowStates m_normalWindowState;
};
