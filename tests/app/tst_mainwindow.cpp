#include "addressspaceview.h"
#include "bundleprocsource.h"
#include "mainwindow.h"
#include "mappingmodel.h"
#include "messagebanner.h"
#include "modelroles.h"
#include "processlistmodel.h"
#include "pagemapview.h"
#include "pagemodel.h"
#include "pagespanel.h"
#include "physicalview.h"
#include "rawprocview.h"
#include "liveprocsource.h"
#include "snapshotdiff.h"
#include "snapshotdiffmodel.h"
#include "snapshotpanel.h"
#include "treeprocsource.h"
#include "units.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QDialog>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTextBlock>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTest>

#include <unistd.h>

#include <cctype>

namespace {
class RefusingSource : public TreeProcSource
{
public:
    RefusingSource(const QString &root, const QString &refused)
        : TreeProcSource(root)
        , m_refused(refused)
    {
    }
    ReadResult readFile(const QString &relativePath, qint64 maxSize) const override
    {
        if (relativePath == m_refused)
            return ReadResult::failure(ReadResult::Status::PermissionDenied,
                                       absolutePath(relativePath) + QStringLiteral(": permission denied"));
        return TreeProcSource::readFile(relativePath, maxSize);
    }

private:
    QString m_refused;
};
}

// The first window, offscreen, on recorded procfs trees.
class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MemAtlasTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void selectingAProcessShowsItsMappings()
    {
        const QString root = QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash");
        MainWindow window(std::make_shared<TreeProcSource>(root));
        window.resize(1200, 800);
        window.show();

        auto *processView = window.findChild<QTableView *>(QStringLiteral("processView"));
        auto *mappingView = window.findChild<QTableView *>(QStringLiteral("mappingView"));
        QVERIFY(processView && mappingView);
        QTRY_COMPARE(processView->model()->rowCount(), 2);

        selectPid(processView, 12209);
        QCOMPARE(window.shownPid(), 12209);
        const int expectedRows = mapsLineCount(root + QStringLiteral("/12209/maps"));
        QTRY_COMPARE(mappingView->model()->rowCount(), expectedRows);

        // The [heap] row carries its path and segment kind.
        QAbstractItemModel *mappings = mappingView->model();
        int heapRow = -1;
        for (int row = 0; row < mappings->rowCount(); ++row) {
            if (mappings->index(row, MappingModel::PathColumn).data().toString() == QStringLiteral("[heap]"))
                heapRow = row;
        }
        QVERIFY(heapRow >= 0);
        QCOMPARE(mappings->index(heapRow, MappingModel::SegmentColumn).data().toString(), QStringLiteral("Heap"));
        // smaps arrives in a second stage and fills the Rss column.
        QTRY_VERIFY(!mappings->index(heapRow, MappingModel::columnOfKey(SmapsEntry::Rss)).data().toString().isEmpty());

        // The footer sums what the list shows; RES of the two recorded processes, from their status files.
        auto *totals = window.findChild<QLabel *>(QStringLiteral("processTotals"));
        QTRY_VERIFY(totals->text().contains(QStringLiteral("2 shown")));
        QVERIFY2(totals->text().contains(Units::formatKb(vmRss(root, 12209) + vmRss(root, 12215))), qPrintable(totals->text()));

        window.grab().save(QDir::tempPath() + QStringLiteral("/mematlas-mainwindow.png"));
    }

    void selectionIsSharedByTableAndRawText()
    {
        const QString root = QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash");
        MainWindow window(std::make_shared<TreeProcSource>(root), 12209);
        window.show();
        auto *mappingView = window.findChild<QTableView *>(QStringLiteral("mappingView"));
        auto *rawView = window.findChild<RawProcView *>(QStringLiteral("rawView"));
        QTRY_COMPARE(mappingView->model()->rowCount(), 43);
        QPlainTextEdit *maps = rawView->editor(RawProcView::Kind::Maps);
        QTRY_VERIFY(maps->document()->blockCount() >= 43);

        // Table → raw text: the 7th mapping ([heap] in this recording) is line 7 of maps.
        mappingView->selectRow(6);
        QCOMPARE(window.mappingSelection()->selectedRows().value(0).row(), 6);
        QTRY_VERIFY(!maps->extraSelections().isEmpty());
        QCOMPARE(maps->extraSelections().first().cursor.blockNumber(), 6);

        // Raw text → table: a click on a line of maps selects that mapping's row.
        const QString line20 = maps->document()->findBlockByNumber(20).text();
        const quint64 start = line20.section(QLatin1Char('-'), 0, 0).toULongLong(nullptr, 16);
        const quint64 end = line20.section(QLatin1Char('-'), 1).section(QLatin1Char(' '), 0, 0).toULongLong(nullptr, 16);
        Q_EMIT rawView->mappingClicked(start, end);
        QCOMPARE(window.mappingSelection()->selectedRows().value(0).row(), 20);
        const QModelIndexList tableRows = mappingView->selectionModel()->selectedRows(MappingModel::StartColumn);
        QCOMPARE(tableRows.size(), 1);
        QCOMPARE(tableRows.first().data(ModelRoles::RawValueRole).toULongLong(), start);
    }

    void vanishedProcessSaysSoAndKeepsTheTable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString source = QStringLiteral(MEMATLAS_TEST_DATA "/trees/sleep");
        copyTree(source, dir.path());
        MainWindow window(std::make_shared<TreeProcSource>(dir.path()));
        window.show();
        auto *processView = window.findChild<QTableView *>(QStringLiteral("processView"));
        auto *mappingView = window.findChild<QTableView *>(QStringLiteral("mappingView"));
        auto *banner = window.findChild<MessageBanner *>(QStringLiteral("banner"));
        QTRY_COMPARE(processView->model()->rowCount(), 1);
        selectPid(processView, 12069);
        const int rows = mapsLineCount(source + QStringLiteral("/12069/maps"));
        QTRY_COMPARE(mappingView->model()->rowCount(), rows);

        // The process goes away; the next refresh must say so and keep what was read.
        QVERIFY(QDir(dir.path() + QStringLiteral("/12069")).removeRecursively());
        window.findChild<QAction *>(QStringLiteral("actionRefresh"))->trigger();
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("12069")) && banner->text().contains(QStringLiteral("exited")),
                 qPrintable(banner->text()));
        QCOMPARE(mappingView->model()->rowCount(), rows);
    }

    void permissionRefusalNamesTheFile()
    {
        // Root reads mode-000 files, so the refusal comes from a source that refuses like procfs does
        // for another user's process.
        const QString root = QStringLiteral(MEMATLAS_TEST_DATA "/trees/sleep");
        MainWindow window(std::make_shared<RefusingSource>(root, QStringLiteral("12069/maps")));
        window.show();
        auto *processView = window.findChild<QTableView *>(QStringLiteral("processView"));
        auto *banner = window.findChild<MessageBanner *>(QStringLiteral("banner"));
        QTRY_COMPARE(processView->model()->rowCount(), 1);
        selectPid(processView, 12069);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(root + QStringLiteral("/12069/maps"))
                     && banner->text().contains(QStringLiteral("permission denied")),
                 qPrintable(banner->text()));
    }

    void opensABundleAndKeepsTheViewOnABadFile()
    {
        const QString tree = QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash");
        MainWindow window(std::make_shared<TreeProcSource>(tree));
        window.show();
        auto *processView = window.findChild<QTableView *>(QStringLiteral("processView"));
        auto *banner = window.findChild<MessageBanner *>(QStringLiteral("banner"));
        QTRY_COMPARE(processView->model()->rowCount(), 2);
        QVERIFY(window.windowTitle().contains(QStringLiteral("tree ")));

        // A file that is not a bundle: one clear message, the tree stays on screen.
        QTemporaryDir dir;
        const QString junk = dir.filePath(QStringLiteral("junk.mematlas"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a tar archive\n");
        file.close();
        QVERIFY(!window.openSource(junk));
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(junk), qPrintable(banner->text()));
        QTest::qWait(200);
        QCOMPARE(processView->model()->rowCount(), 2);

        // A real bundle: its processes, and the title says where and when it was taken.
        const QString bundle = QStringLiteral(MEMATLAS_TEST_DATA "/bundles/sleep-v1.mematlas");
        QVERIFY(window.openSource(bundle));
        QVERIFY2(window.windowTitle().contains(QStringLiteral("bundle")), qPrintable(window.windowTitle()));
        QTRY_COMPARE(processView->model()->rowCount(), 1);
        const int pid = processView->model()->index(0, ProcessListModel::PidColumn).data(ModelRoles::RawValueRole).toInt();
        selectPid(processView, pid);
        QString error;
        const auto source = BundleProcSource::open(bundle, &error);
        QVERIFY2(source, qPrintable(error));
        const int mapsLines = int(source->readFile(QStringLiteral("%1/maps").arg(pid)).data.count('\n'));
        QVERIFY(mapsLines > 0);
        auto *mappingView = window.findChild<QTableView *>(QStringLiteral("mappingView"));
        QTRY_COMPARE(mappingView->model()->rowCount(), mapsLines);
        QVERIFY(QSettings().value(QStringLiteral("session/recentSources")).toStringList().contains(bundle));
    }

    void comparesTwoSnapshotsOnTheMap()
    {
        QTemporaryDir dir;
        copyTree(QStringLiteral(MEMATLAS_TEST_DATA "/trees/sleep"), dir.path());
        MainWindow window(std::make_shared<TreeProcSource>(dir.path()), 12069);
        window.show();
        auto *mappingView = window.findChild<QTableView *>(QStringLiteral("mappingView"));
        auto *panel = window.findChild<SnapshotPanel *>(QStringLiteral("snapshotPanel"));
        auto *map = window.findChild<AddressSpaceView *>(QStringLiteral("mapView"));
        QTRY_COMPARE(window.shownPid(), 12069);
        const int rows = mapsLineCount(dir.filePath(QStringLiteral("12069/maps")));
        QTRY_COMPARE(mappingView->model()->rowCount(), rows);

        QAbstractItemModel *timeline = panel->timelineView()->model();
        Q_EMIT panel->takeSnapshotRequested();
        QTRY_COMPARE(timeline->rowCount(), 1);

        // The process loses its first mapping between the two snapshots.
        QFile smaps(dir.filePath(QStringLiteral("12069/smaps")));
        QVERIFY(smaps.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = smaps.readAll().split('\n');
        smaps.close();
        const qsizetype second = std::find_if(lines.begin() + 1, lines.end(), [](const QByteArray &line) {
                                     // Headers start with a lower-case hex address; keys with a capital.
                                     return !line.isEmpty() && (std::isdigit(uchar(line[0])) || (line[0] >= 'a' && line[0] <= 'f'));
                                 }) - lines.begin();
        const QByteArray removedStart = lines.first().split('-').first();
        lines.remove(0, second);
        QVERIFY(smaps.open(QIODevice::WriteOnly | QIODevice::Truncate));
        smaps.write(lines.join('\n'));
        smaps.close();
        Q_EMIT panel->takeSnapshotRequested();
        QTRY_COMPARE(timeline->rowCount(), 2);

        Q_EMIT panel->compareRequested(0, 1);
        QAbstractItemModel *diff = panel->diffView()->model();
        QCOMPARE(diff->rowCount(), 1);
        QCOMPARE(diff->index(0, 0).data(ModelRoles::ChangeKindRole).toInt(), int(SnapshotDiff::Kind::Removed));
        QCOMPARE(diff->index(0, SnapshotDiffModel::StartColumn).data(ModelRoles::RawValueRole).toULongLong(),
                 removedStart.toULongLong(nullptr, 16));
        // The map now shows both snapshots: the removed mapping is still a row to outline.
        QVERIFY(map->model() != mappingView->model());
        QCOMPARE(map->model()->rowCount(), rows);
        map->renderImage(QSize(700, 900)).save(QDir::tempPath() + QStringLiteral("/mematlas-diff-map.png"));
        Q_EMIT panel->endComparisonRequested();
        QCOMPARE(map->model()->rowCount(), rows);

        // Saved as one bundle and opened again: both snapshots come back, the process is shown,
        // and comparing them gives the same row.
        QVERIFY(panel->saveButton()->isEnabled());
        const QString saved = dir.filePath(QStringLiteral("timeline.mematlas"));
        QString error;
        QVERIFY2(window.saveTimelineTo(saved, false, &error), qPrintable(error));
        QVERIFY(!window.saveTimelineTo(saved, false, &error)); // never over an existing file unasked
        QVERIFY2(error.contains(saved), qPrintable(error));
        QVERIFY(window.openSource(saved));
        QTRY_COMPARE(window.shownPid(), 12069);
        QTRY_COMPARE(timeline->rowCount(), 2);
        QCOMPARE(window.findChild<QTabWidget *>(QStringLiteral("detailTabs"))->currentWidget(), panel);
        Q_EMIT panel->compareRequested(0, 1);
        QCOMPARE(diff->rowCount(), 1);
        QCOMPARE(diff->index(0, SnapshotDiffModel::StartColumn).data(ModelRoles::RawValueRole).toULongLong(),
                 removedStart.toULongLong(nullptr, 16));
    }

    void comparesSnapshotsOfALiveProcess()
    {
        // A real process grows its heap through brk (small mallocs) and maps a file between two
        // snapshots: the diff has the heap grown and the file added, with pages that became present.
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 not found");
        QTemporaryDir dir;
        const QString filePath = dir.filePath(QStringLiteral("mapped.bin"));
        QFile file(filePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(512 * 1024, 'x'));
        file.close();
        const QString script = QStringLiteral(
            "import ctypes, mmap, sys\n"
            "libc = ctypes.CDLL(None)\n"
            "libc.malloc.restype = ctypes.c_void_p\n"
            "keep = []\n"
            "for line in sys.stdin:\n"
            "    cmd = line.split()\n"
            "    if cmd and cmd[0] == 'grow':\n"
            "        for i in range(4096):\n"
            "            p = libc.malloc(1024)\n"
            "            ctypes.memset(p, 1, 1024)\n"
            "            keep.append(p)\n"
            "    elif cmd and cmd[0] == 'map':\n"
            "        f = open(cmd[1], 'rb')\n"
            "        m = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)\n"
            "        keep.append((f, m, m[0], m[65536]))\n"
            "    print('ok', flush=True)\n");
        QProcess child;
        child.start(python, {QStringLiteral("-c"), script});
        QVERIFY(child.waitForStarted());
        const auto command = [&](const QByteArray &line) {
            child.write(line + '\n');
            while (!child.canReadLine()) {
                if (!child.waitForReadyRead(10000))
                    return false;
            }
            return child.readLine().trimmed() == "ok";
        };
        QVERIFY(command("noop"));
        const int pid = int(child.processId());

        MainWindow window(std::make_shared<LiveProcSource>(), pid);
        window.resize(1500, 950);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.shownPid(), pid, 10000);
        auto *panel = window.findChild<SnapshotPanel *>(QStringLiteral("snapshotPanel"));
        QAbstractItemModel *timeline = panel->timelineView()->model();
        Q_EMIT panel->takeSnapshotRequested();
        QTRY_COMPARE_WITH_TIMEOUT(timeline->rowCount(), 1, 10000);
        QVERIFY(command("grow"));
        QVERIFY(command("map " + filePath.toUtf8()));
        Q_EMIT panel->takeSnapshotRequested();
        QTRY_COMPARE_WITH_TIMEOUT(timeline->rowCount(), 2, 10000);
        Q_EMIT panel->compareRequested(0, 1);

        QAbstractItemModel *diff = panel->diffView()->model();
        bool heapGrown = false;
        bool fileAdded = false;
        for (int row = 0; row < diff->rowCount(); ++row) {
            const QString path = diff->index(row, SnapshotDiffModel::PathColumn).data().toString();
            const int kind = diff->index(row, 0).data(ModelRoles::ChangeKindRole).toInt();
            const quint64 present = diff->index(row, SnapshotDiffModel::PagesPresentColumn).data(ModelRoles::RawValueRole).toULongLong();
            if (path == QStringLiteral("[heap]") && kind == int(SnapshotDiff::Kind::Grown) && present >= 1000)
                heapGrown = true;
            if (path == filePath && kind == int(SnapshotDiff::Kind::Added) && present >= 2)
                fileAdded = true;
        }
        QVERIFY(heapGrown);
        QVERIFY(fileAdded);
        const QString summary = panel->findChild<QLabel *>(QStringLiteral("diffSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral(" now present, ")), qPrintable(summary));
        // For a look at the outlines: the whole window on the Snapshots tab, and the map alone.
        window.findChild<QTabWidget *>(QStringLiteral("detailTabs"))->setCurrentWidget(panel);
        window.grab().save(QDir::tempPath() + QStringLiteral("/mematlas-live-diff.png"));
        window.findChild<AddressSpaceView *>(QStringLiteral("mapView"))
            ->renderImage(QSize(700, 1400))
            .save(QDir::tempPath() + QStringLiteral("/mematlas-live-diff-map.png"));
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(10000));
    }

    void pagesOfTheSelectedMapping_data()
    {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<int>("pid");
        QTest::addColumn<bool>("pfnsHidden");
        QTest::newRow("as root") << QStringLiteral("root") << 4242 << false;
        QTest::newRow("unprivileged") << QStringLiteral("hidden") << 4243 << true;
    }

    void pagesOfTheSelectedMapping()
    {
        QFETCH(QString, tree);
        QFETCH(int, pid);
        QFETCH(bool, pfnsHidden);
        // The pagemap fixtures hold what the page view reads; the process list also needs a status.
        QTemporaryDir dir;
        copyTree(QStringLiteral(MEMATLAS_TEST_DATA "/pagemap/") + tree, dir.path());
        QFile status(dir.filePath(QStringLiteral("%1/status").arg(pid)));
        QVERIFY(status.open(QIODevice::WriteOnly));
        status.write(QStringLiteral("Name:\tfixture\nPid:\t%1\nPPid:\t1\nUid:\t0\t0\t0\t0\nVmSize:\t  272 kB\n"
                                    "VmRSS:\t  40 kB\nRssFile:\t   8 kB\nRssShmem:\t   8 kB\n")
                         .arg(pid)
                         .toUtf8());
        status.close();

        MainWindow window(std::make_shared<TreeProcSource>(dir.path()), pid);
        window.show();
        QTRY_COMPARE(window.shownPid(), pid);
        auto *mappingView = window.findChild<QTableView *>(QStringLiteral("mappingView"));
        QTRY_COMPARE(mappingView->model()->rowCount(), 5);
        mappingView->selectRow(0); // [heap], 16 pages
        auto *panel = window.findChild<PagesPanel *>(QStringLiteral("pagesPanel"));
        Q_EMIT panel->readSelectedRequested();
        PageMapView *grid = panel->pageMapView();
        QTRY_COMPARE(grid->model()->pageCount(), qint64(16));
        QCOMPARE(grid->model()->virtualAddressOfPage(0), quint64(0x10000));
        QCOMPARE(panel->pageTableView()->model()->rowCount(), 16);
        QCOMPARE(grid->isBannerShown(), pfnsHidden);
        QCOMPARE(panel->physicalView()->isBannerShown(), pfnsHidden);
    }

    void whatAnUnprivilegedUserSees()
    {
        // packaging/test-unprivileged.sh runs the suite as nobody; as root there is nothing to see.
        if (geteuid() == 0)
            QSKIP("needs an unprivileged user (packaging/test-unprivileged.sh)");
        const int self = int(QCoreApplication::applicationPid());
        MainWindow window(std::make_shared<LiveProcSource>(), self);
        window.resize(1400, 900);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.shownPid(), self, 10000);

        // Other users' processes are listed with what anyone may read (status, stat), and the
        // smaps_rollup columns say why they are empty instead of showing zeros.
        auto *processView = window.findChild<QTableView *>(QStringLiteral("processView"));
        QAbstractItemModel *processes = processView->model();
        int initRow = -1;
        QTRY_VERIFY_WITH_TIMEOUT((initRow = rowOfPid(processes, 1)) >= 0, 10000);
        QCOMPARE(processes->index(initRow, ProcessListModel::UserColumn).data().toString(), QStringLiteral("root"));
        QVERIFY(processes->index(initRow, ProcessListModel::ResColumn).data(ModelRoles::RawValueRole).toULongLong() > 0);
        processView->scrollTo(processes->index(initRow, 0));
        QTRY_VERIFY_WITH_TIMEOUT(!processes->index(initRow, ProcessListModel::PssColumn).data(ModelRoles::RowErrorRole).isNull(), 10000);
        QVERIFY(processes->index(initRow, ProcessListModel::PssColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Not available")));

        // Its own pages: every flag but no frame numbers, said once at the top of each view.
        auto *panel = window.findChild<PagesPanel *>(QStringLiteral("pagesPanel"));
        Q_EMIT panel->readWholeProcessRequested();
        QTRY_VERIFY_WITH_TIMEOUT(panel->pageMapView()->model()->pageCount() > 0, 20000);
        for (const QString &banner : {panel->pageMapView()->bannerText(), panel->physicalView()->bannerText()}) {
            QVERIFY2(banner.contains(QStringLiteral("hidden")), qPrintable(banner));
            QCOMPARE(banner.count(QStringLiteral("root")), 1);
        }
        QCOMPARE(panel->physicalView()->linkCount(), qsizetype(0));
        window.grab().save(QDir::tempPath() + QStringLiteral("/mematlas-unprivileged-window.png"));
        // No dialog popped up along the way.
        for (QWidget *top : QApplication::topLevelWidgets())
            QVERIFY2(!(top->isVisible() && qobject_cast<QDialog *>(top)), qPrintable(top->windowTitle()));
    }

    void missingPidFromTheCommandLineIsSaid()
    {
        MainWindow window(std::make_shared<TreeProcSource>(QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash")), 424242);
        window.show();
        auto *banner = window.findChild<MessageBanner *>(QStringLiteral("banner"));
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("424242")) && banner->text().contains(QStringLiteral("does not exist")),
                 qPrintable(banner->text()));
        QCOMPARE(window.shownPid(), 0);
    }

    void settingsKeepTheLastProcess()
    {
        const QString root = QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash");
        {
            MainWindow window(std::make_shared<TreeProcSource>(root), 12215);
            window.show();
            QTRY_COMPARE(window.shownPid(), 12215);
            window.close();
        }
        MainWindow again(std::make_shared<TreeProcSource>(root));
        again.show();
        QTRY_COMPARE(again.shownPid(), 12215);
    }

private:
    static int rowOfPid(QAbstractItemModel *model, int pid)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, ProcessListModel::PidColumn).data(ModelRoles::RawValueRole).toInt() == pid)
                return row;
        }
        return -1;
    }

    static void selectPid(QTableView *view, int pid)
    {
        QAbstractItemModel *model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, ProcessListModel::PidColumn);
            if (index.data(ModelRoles::RawValueRole).toInt() == pid) {
                view->selectRow(row);
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("pid %1 not listed").arg(pid)));
    }

    static quint64 vmRss(const QString &root, int pid)
    {
        QFile file(root + QStringLiteral("/%1/status").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toULongLong();
        }
        return 0;
    }

    static int mapsLineCount(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        return int(file.readAll().count('\n'));
    }

    static void copyTree(const QString &from, const QString &to)
    {
        QDir source(from);
        const auto entries = source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System);
        for (const QFileInfo &entry : entries) {
            const QString target = to + QLatin1Char('/') + entry.fileName();
            if (entry.isSymLink())
                QFile::link(entry.symLinkTarget(), target);
            else if (entry.isDir()) {
                QDir().mkpath(target);
                copyTree(entry.filePath(), target);
            } else
                QFile::copy(entry.filePath(), target);
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
