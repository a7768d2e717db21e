#include "liveprocsource.h"
#include "bundleprocsource.h"
#include "bundlewriter.h"
#include "modelroles.h"
#include "pagemapsnapshot.h"
#include "snapshot.h"
#include "snapshotdiff.h"
#include "snapshotdiffmodel.h"
#include "snapshottimeline.h"
#include "treeprocsource.h"
#include "units.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Kind = SnapshotDiff::Kind;

SmapsEntry entry(quint64 start, quint64 end, quint64 inode, const QString &path, quint64 rss, quint64 pss = 0,
                 quint64 swap = 0)
{
    SmapsEntry e;
    e.mapping.start = start;
    e.mapping.end = end;
    e.mapping.readable = true;
    e.mapping.inode = inode;
    e.mapping.path = path;
    e.set(SmapsEntry::Size, (end - start) / 1024);
    e.set(SmapsEntry::Rss, rss);
    e.set(SmapsEntry::Pss, pss);
    e.set(SmapsEntry::Swap, swap);
    return e;
}

SmapsEntry rollup(quint64 rss, quint64 pss, quint64 swap)
{
    SmapsEntry e;
    e.set(SmapsEntry::Rss, rss);
    e.set(SmapsEntry::Pss, pss);
    e.set(SmapsEntry::Swap, swap);
    return e;
}

const QString libc = QStringLiteral("/usr/lib/libc.so.6");
const QString heap = QStringLiteral("[heap]");
const QString dataFile = QStringLiteral("/data/old.bin");

// Before/after of one process: libc unchanged, the heap grown by 132 KiB, a file unmapped, an
// anonymous mapping whose Rss grew (and Swap fell), and a new anonymous 1 MiB mapping.
Snapshot before()
{
    Snapshot s;
    s.pid = 42;
    s.hasSmaps = true;
    s.mappings = {entry(0x1000, 0x3000, 10, libc, 8, 2),
                  entry(0x10000, 0x31000, 0, heap, 100, 100),
                  entry(0x40000000, 0x40010000, 20, dataFile, 64, 32),
                  entry(0x50000000, 0x50100000, 0, QString(), 10, 10, 8)};
    s.rollup = rollup(1000, 500, 8);
    return s;
}

Snapshot after()
{
    Snapshot s;
    s.pid = 42;
    s.hasSmaps = true;
    s.mappings = {entry(0x1000, 0x3000, 10, libc, 8, 2),
                  entry(0x10000, 0x52000, 0, heap, 200, 200),
                  entry(0x50000000, 0x50100000, 0, QString(), 50, 50, 0),
                  entry(0x60000000, 0x60100000, 0, QString(), 256, 256)};
    s.rollup = rollup(1300, 700, 0);
    return s;
}

const QString fixtureRoot = QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash");

constexpr quint64 PresentBit = quint64(1) << 63;
constexpr quint64 SoftDirtyBit = quint64(1) << 55;

// Pages of one range, entries given in order; the snapshot keeps the kernel's raw bytes.
std::shared_ptr<const PageMapSnapshot> pagesOf(QList<QPair<quint64, QList<quint64>>> ranges)
{
    auto pages = std::make_shared<PageMapSnapshot>();
    pages->pid = 42;
    pages->pageSize = 4096;
    for (const auto &[start, entries] : ranges) {
        PageMapSnapshot::Range range;
        range.start = start;
        range.pageCount = quint64(entries.size());
        range.entries = QByteArray(reinterpret_cast<const char *>(entries.constData()), entries.size() * 8);
        pages->ranges.append(range);
        pages->pageCount += range.pageCount;
    }
    return pages;
}
}

class TestSnapshotDiff : public QObject
{
    Q_OBJECT

private slots:
    void rowsHaveExactKindsAndDeltas()
    {
        const SnapshotDiff diff(before(), after());
        const QList<SnapshotDiff::Row> &rows = diff.rows();
        QCOMPARE(rows.size(), 4);

        QCOMPARE(rows[0].kind, Kind::Grown);
        QCOMPARE(rows[0].mapping().path, heap);
        QCOMPARE(rows[0].before->end, 0x31000u);
        QCOMPARE(rows[0].after->end, 0x52000u);
        QCOMPARE(rows[0].sizeDeltaKb, 132);
        QCOMPARE(rows[0].rssDeltaKb, 100);
        QCOMPARE(rows[0].pssDeltaKb, 100);
        QCOMPARE(rows[0].swapDeltaKb, 0);

        QCOMPARE(rows[1].kind, Kind::Removed);
        QCOMPARE(rows[1].before->path, dataFile);
        QVERIFY(!rows[1].after);
        QCOMPARE(rows[1].sizeDeltaKb, -64);
        QCOMPARE(rows[1].rssDeltaKb, -64);
        QCOMPARE(rows[1].pssDeltaKb, -32);

        QCOMPARE(rows[2].kind, Kind::Changed);
        QCOMPARE(rows[2].mapping().start, 0x50000000u);
        QCOMPARE(rows[2].sizeDeltaKb, 0);
        QCOMPARE(rows[2].rssDeltaKb, 40);
        QCOMPARE(rows[2].pssDeltaKb, 40);
        QCOMPARE(rows[2].swapDeltaKb, -8);

        QCOMPARE(rows[3].kind, Kind::Added);
        QVERIFY(!rows[3].before);
        QVERIFY(rows[3].after->isAnonymous());
        QCOMPARE(rows[3].sizeDeltaKb, 1024);
        QCOMPARE(rows[3].rssDeltaKb, 256);

        const SnapshotDiff all(before(), after(), true);
        QCOMPARE(all.rows().size(), 5);
        QCOMPARE(all.rows().first().kind, Kind::Unchanged);
        QCOMPARE(all.rows().first().mapping().path, libc);
    }

    void totalsComeFromRollups()
    {
        const SnapshotDiff::Totals totals = SnapshotDiff(before(), after()).totals();
        QVERIFY(totals.valid);
        QCOMPARE(totals.rssDeltaKb, 300);
        QCOMPARE(totals.pssDeltaKb, 200);
        QCOMPARE(totals.swapDeltaKb, -8);

        // Without rollups the smaps values are summed: 182 -> 514 kB.
        Snapshot b = before();
        Snapshot a = after();
        b.rollup.reset();
        a.rollup.reset();
        QCOMPARE(SnapshotDiff(b, a).totals().rssDeltaKb, 514 - 182);

        // Maps-only snapshots have no values to compare.
        b.hasSmaps = false;
        QVERIFY(!SnapshotDiff(b, a).totals().valid);
    }

    void differentFileAtSameStartIsRemovedAndAdded()
    {
        Snapshot b = before();
        Snapshot a = before();
        a.mappings[2].mapping.path = QStringLiteral("/data/new.bin");
        a.mappings[2].mapping.inode = 21;
        const SnapshotDiff diff(b, a);
        QCOMPARE(diff.rows().size(), 2);
        QCOMPARE(diff.rows()[0].kind, Kind::Removed);
        QCOMPARE(diff.rows()[0].before->path, dataFile);
        QCOMPARE(diff.rows()[1].kind, Kind::Added);
        QCOMPARE(diff.rows()[1].after->path, QStringLiteral("/data/new.bin"));
    }

    void shrunkAndPermissionChange()
    {
        Snapshot b = before();
        Snapshot a = before();
        a.mappings[1].mapping.end = 0x20000;
        a.mappings[0].mapping.writable = true;
        const SnapshotDiff diff(b, a);
        QCOMPARE(diff.rows().size(), 2);
        QCOMPARE(diff.rows()[0].kind, Kind::Changed);
        QCOMPARE(diff.rows()[1].kind, Kind::Shrunk);
        QCOMPARE(diff.rows()[1].sizeDeltaKb, -68);
    }

    void unionHasRemovedMappingsInOrder()
    {
        const SnapshotDiff diff(before(), after());
        const QList<Mapping> &mappings = diff.unionMappings();
        QCOMPARE(mappings.size(), 5);
        const QList<quint64> starts = {0x1000, 0x10000, 0x40000000, 0x50000000, 0x60000000};
        const QList<Kind> kinds = {Kind::Unchanged, Kind::Grown, Kind::Removed, Kind::Changed, Kind::Added};
        for (int i = 0; i < mappings.size(); ++i) {
            QCOMPARE(mappings[i].start, starts[i]);
            QCOMPARE(diff.kindOfUnionRow(i), kinds[i]);
        }
        QCOMPARE(mappings[1].end, 0x52000u); // the grown heap's current extent
        QCOMPARE(mappings[2].path, dataFile);
    }

    void diffModel()
    {
        SnapshotDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setDiff(SnapshotDiff(before(), after()));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(SnapshotDiffModel::ColumnCount));

        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, SnapshotDiffModel::ChangeColumn).toString(), QStringLiteral("Grown"));
        QCOMPARE(cell(0, SnapshotDiffModel::ChangeColumn, ModelRoles::ChangeKindRole).toInt(), int(Kind::Grown));
        QCOMPARE(cell(0, SnapshotDiffModel::SizeBeforeColumn, ModelRoles::RawValueRole).toULongLong(), 132u);
        QCOMPARE(cell(0, SnapshotDiffModel::SizeAfterColumn, ModelRoles::RawValueRole).toULongLong(), 264u);
        QCOMPARE(cell(0, SnapshotDiffModel::SizeDeltaColumn, ModelRoles::RawValueRole).toLongLong(), 132);
        QCOMPARE(cell(0, SnapshotDiffModel::SizeDeltaColumn).toString(), QStringLiteral("+132 KiB"));
        QCOMPARE(cell(1, SnapshotDiffModel::PathColumn).toString(), dataFile);
        QCOMPARE(cell(1, SnapshotDiffModel::RssDeltaColumn, ModelRoles::RawValueRole).toLongLong(), -64);
        QCOMPARE(cell(1, SnapshotDiffModel::RssDeltaColumn).toString(), QStringLiteral("\u221264 KiB"));
        QVERIFY(cell(1, SnapshotDiffModel::SizeAfterColumn).toString().isEmpty());
        QCOMPARE(cell(2, SnapshotDiffModel::SwapDeltaColumn, ModelRoles::RawValueRole).toLongLong(), -8);
        const auto range = cell(1, SnapshotDiffModel::StartColumn, ModelRoles::AddressRangeRole).value<QPair<quint64, quint64>>();
        QCOMPARE(range.first, 0x40000000u);
        QCOMPARE(range.second, 0x40010000u);
        QCOMPARE(cell(3, SnapshotDiffModel::StartColumn).toString(), QStringLiteral("0x000060000000"));
        QCOMPARE(model.headerData(SnapshotDiffModel::RssDeltaColumn, Qt::Horizontal).toString(), QStringLiteral("\u0394Rss"));
        QCOMPARE(SnapshotDiffModel::changeName(Kind::Removed), QStringLiteral("Removed"));
    }

    void timeline()
    {
        SnapshotTimeline timeline;
        QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Snapshot first = before();
        first.wallTime = QDateTime(QDate(2026, 1, 2), QTime(13, 4, 5));
        timeline.add(first);
        Snapshot mapsOnly = after();
        mapsOnly.hasSmaps = false;
        mapsOnly.rollup.reset();
        mapsOnly.wallTime = QDateTime(QDate(2026, 1, 2), QTime(13, 5, 0));
        timeline.add(mapsOnly);
        QCOMPARE(timeline.rowCount(), 2);
        QCOMPARE(timeline.data(timeline.index(0)).toString(), QStringLiteral("13:04:05 \u2014 4 mappings, RSS ") + Units::formatKb(1000));
        QCOMPARE(timeline.data(timeline.index(1)).toString(), QStringLiteral("13:05:00 \u2014 4 mappings, RSS unknown"));
        QCOMPARE(timeline.data(timeline.index(1), ModelRoles::PidRole).toInt(), 42);
        QCOMPARE(timeline.snapshotAt(1).wallTime.time(), QTime(13, 5, 0));
        timeline.clear();
        QCOMPARE(timeline.rowCount(), 0);
    }

    void takeFromFixtureTree()
    {
        const TreeProcSource source(fixtureRoot);
        QString error;
        const auto snapshot = Snapshot::take(source, 12209, &error);
        QVERIFY2(snapshot, qPrintable(error));
        QVERIFY(error.isEmpty());

        QFile maps(fixtureRoot + QStringLiteral("/12209/maps"));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const qsizetype lines = maps.readAll().count('\n');
        QCOMPARE(snapshot->mappings.size(), lines);
        QVERIFY(snapshot->hasSmaps);
        QCOMPARE(snapshot->pid, 12209);
        QVERIFY(snapshot->wallTime.isValid());
        QVERIFY(!snapshot->command.isEmpty());

        QFile rollupFile(fixtureRoot + QStringLiteral("/12209/smaps_rollup"));
        QVERIFY(rollupFile.open(QIODevice::ReadOnly));
        quint64 rss = 0;
        for (const QByteArray &line : rollupFile.readAll().split('\n')) {
            if (line.startsWith("Rss:"))
                rss = line.mid(4).trimmed().split(' ').first().toULongLong();
        }
        QVERIFY(rss > 0);
        QVERIFY(snapshot->rollup);
        QCOMPARE(snapshot->rollup->value(SmapsEntry::Rss), rss);
        QCOMPARE(snapshot->total(SmapsEntry::Rss), rss);

        // The same snapshot twice differs in nothing.
        QVERIFY(SnapshotDiff(*snapshot, *snapshot).rows().isEmpty());
    }

    void takeFallsBackToMaps()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("7")));
        QVERIFY(QFile::copy(fixtureRoot + QStringLiteral("/12209/maps"), dir.filePath(QStringLiteral("7/maps"))));
        QString error;
        const auto snapshot = Snapshot::take(TreeProcSource(dir.path()), 7, &error);
        QVERIFY2(snapshot, qPrintable(error));
        QVERIFY(!snapshot->hasSmaps);
        QVERIFY(!snapshot->rollup);
        QCOMPARE(snapshot->mappings.size(), 43);
        QVERIFY(!snapshot->total(SmapsEntry::Rss));
    }

    void takeOfMissingPidFails()
    {
        const TreeProcSource source(fixtureRoot);
        QString error;
        QVERIFY(!Snapshot::take(source, 987654, &error));
        QVERIFY2(error.contains(QStringLiteral("987654")), qPrintable(error));
    }

    void grownStackIsOneGrownRow()
    {
        // The stack's start moves down as it grows; its end stays: one Grown row, not Removed + Added.
        Snapshot older = before();
        Snapshot newer = before();
        older.mappings.append(entry(0x7ffd0000, 0x7fff0000, 0, QStringLiteral("[stack]"), 12));
        newer.mappings.append(entry(0x7ff00000, 0x7fff0000, 0, QStringLiteral("[stack]"), 900));
        const SnapshotDiff diff(older, newer);
        QCOMPARE(diff.rows().size(), 1);
        const SnapshotDiff::Row &row = diff.rows().first();
        QCOMPARE(row.kind, Kind::Grown);
        QCOMPARE(row.before->start, quint64(0x7ffd0000));
        QCOMPARE(row.after->start, quint64(0x7ff00000));
        QCOMPARE(row.sizeDeltaKb, qint64((0x7ffd0000 - 0x7ff00000) / 1024));
        QCOMPARE(diff.unionMappings().size(), older.mappings.size());
    }

    void pageChangesAreCountedPerMapping()
    {
        Snapshot older = before();
        Snapshot newer = after();
        // No pages on one side: no page counts at all, rather than zeros that would look measured.
        QVERIFY(!SnapshotDiff(older, newer).totals().pages);

        // libc: page 0 present at frame 7 in both, page 1 moves from frame 8 to frame 9 (copy-on-write).
        // heap: 3 pages read before (present, present, absent), 4 after: page 0 newly soft-dirty,
        // page 1 gone, pages 2 and 3 newly present. The unmapped file had 2 present pages.
        older.pages = pagesOf({{0x1000, {PresentBit | 7, PresentBit | 8}},
                               {0x10000, {PresentBit | 20, PresentBit | 21, 0}},
                               {0x40000000, {PresentBit | 30, PresentBit | 31}}});
        newer.pages = pagesOf({{0x1000, {PresentBit | 7, PresentBit | 9}},
                               {0x10000, {PresentBit | SoftDirtyBit | 20, 0, PresentBit | 22, PresentBit | 23}},
                               {0x60000000, {PresentBit | 40}}});
        const SnapshotDiff diff(older, newer, true);
        QHash<quint64, SnapshotDiff::PageChanges> byStart;
        for (const SnapshotDiff::Row &row : diff.rows()) {
            QVERIFY(row.pages);
            byStart.insert(row.mapping().start, *row.pages);
        }
        const auto check = [&](quint64 start, quint64 present, quint64 gone, quint64 dirtied, quint64 newFrame) {
            const SnapshotDiff::PageChanges c = byStart.value(start);
            QCOMPARE(c.becamePresent, present);
            QCOMPARE(c.becameAbsent, gone);
            QCOMPARE(c.becameSoftDirty, dirtied);
            QCOMPARE(c.newFrame, newFrame);
        };
        check(0x1000, 0, 0, 0, 1);
        check(0x10000, 2, 1, 1, 0);
        check(0x40000000, 0, 2, 0, 0);
        check(0x50000000, 0, 0, 0, 0);
        check(0x60000000, 1, 0, 0, 0);
        // libc's Rss did not change, its pages did: it is listed as changed.
        const auto libcRow = std::find_if(diff.rows().cbegin(), diff.rows().cend(),
                                          [](const SnapshotDiff::Row &row) { return row.mapping().path == libc; });
        QCOMPARE(libcRow->kind, Kind::Changed);
        QVERIFY(diff.totals().pages);
        QCOMPARE(diff.totals().pages->becamePresent, quint64(3));
        QCOMPARE(diff.totals().pages->becameAbsent, quint64(3));
        QCOMPARE(diff.totals().pages->becameSoftDirty, quint64(1));
        QCOMPARE(diff.totals().pages->newFrame, quint64(1));

        SnapshotDiffModel model;
        model.setDiff(diff);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int heapRow = int(std::find_if(diff.rows().cbegin(), diff.rows().cend(),
                                             [](const SnapshotDiff::Row &row) { return row.mapping().path == heap; })
                                - diff.rows().cbegin());
        QCOMPARE(model.index(heapRow, SnapshotDiffModel::PagesPresentColumn).data(ModelRoles::RawValueRole).toULongLong(), 2u);
        QCOMPARE(model.index(heapRow, SnapshotDiffModel::PagesGoneColumn).data().toString(), QStringLiteral("1"));
        QVERIFY(!model.headerData(SnapshotDiffModel::PagesNewFrameColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }

    void timelineBundleRoundTrip()
    {
        // Two snapshots of the recorded root tree (with its pagemap) saved as a timeline and read back.
        const TreeProcSource source(QStringLiteral(MEMATLAS_TEST_DATA "/pagemap/root"));
        Snapshot::Options options;
        options.pages = true;
        QString error;
        auto first = Snapshot::take(source, 4242, options, &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY2(first->pages, qPrintable(first->pagesError));
        QVERIFY(first->pages->presentCount > 0);
        auto second = first;
        second->wallTime = first->wallTime.addSecs(5);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("timeline.mematlas"));
        BundleWriter writer(source, QStringLiteral("tst_snapshotdiff"));
        writer.addTimelineSnapshot(first->recorded());
        writer.addTimelineSnapshot(second->recorded());
        writer.addRecordedProcess(second->recorded());
        QVERIFY2(writer.write(path, {}, &error), qPrintable(error));

        const auto bundle = BundleProcSource::open(path, &error);
        QVERIFY2(bundle, qPrintable(error));
        QCOMPARE(bundle->pids(), QList<int>{4242});
        QCOMPARE(bundle->manifest().timeline.size(), 2);
        QCOMPARE(bundle->manifest().timeline.at(1).time, second->wallTime.toUTC());
        QVERIFY(!bundle->timelineSource(2));
        for (int i = 0; i < 2; ++i) {
            const auto recorded = bundle->timelineSource(i);
            QVERIFY(recorded);
            QVERIFY(recorded->description().contains(QStringLiteral("snapshot %1 of 2").arg(i + 1)));
            auto back = Snapshot::take(*recorded, 4242, options, &error);
            QVERIFY2(back, qPrintable(error));
            QCOMPARE(back->mappings.size(), first->mappings.size());
            for (qsizetype m = 0; m < back->mappings.size(); ++m)
                QCOMPARE(back->mappings.at(m).mapping, first->mappings.at(m).mapping);
            QCOMPARE(back->files, first->files);
            QCOMPARE(back->exeTarget, first->exeTarget);
            QCOMPARE(back->command, first->command);
            QVERIFY2(back->pages, qPrintable(back->pagesError));
            QCOMPARE(back->pages->presentCount, first->pages->presentCount);
            // Same pages on both sides: nothing changed page by page.
            const SnapshotDiff diff(*first, *back);
            QVERIFY(diff.totals().pages);
            QVERIFY(!diff.totals().pages->any());
        }
        // The bundle's own proc/ holds the newest, so it opens like any bundle.
        auto current = Snapshot::take(*bundle, 4242, &error);
        QVERIFY2(current, qPrintable(error));
        QCOMPARE(current->files, second->files);
    }

    void liveChildGrowsAndMapsAFile()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 not found");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString filePath = dir.filePath(QStringLiteral("mapped.bin"));
        QFile file(filePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray(256 * 1024, 'x')) == 256 * 1024);
        file.close();

        // The child obeys one command per line and answers "ok" once it has done it.
        const QString script = QStringLiteral(
            "import mmap, sys\n"
            "keep = []\n"
            "for line in sys.stdin:\n"
            "    cmd = line.split()\n"
            "    if cmd and cmd[0] == 'grow':\n"
            "        keep.append(bytearray(b'\\x01') * (8 << 20))\n"
            "    elif cmd and cmd[0] == 'map':\n"
            "        f = open(cmd[1], 'rb')\n"
            "        m = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)\n"
            "        keep.append((f, m, m[0]))\n"
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

        const LiveProcSource source;
        const int pid = int(child.processId());
        QString error;
        Snapshot::Options withPages;
        withPages.pages = true;
        const auto first = Snapshot::take(source, pid, withPages, &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY2(command("grow"), child.readAllStandardError().constData());
        QVERIFY(command("map " + filePath.toUtf8()));
        const auto second = Snapshot::take(source, pid, withPages, &error);
        QVERIFY2(second, qPrintable(error));
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(10000));

        const SnapshotDiff diff(*first, *second);
        bool grewAnonymous = false;
        bool addedFile = false;
        for (const SnapshotDiff::Row &row : diff.rows()) {
            const Mapping &mapping = row.mapping();
            if ((row.kind == Kind::Added || row.kind == Kind::Grown) && row.sizeDeltaKb >= 8 * 1024
                && (mapping.isAnonymous() || mapping.path == QStringLiteral("[heap]")))
                grewAnonymous = true;
            if (row.kind == Kind::Added && mapping.path == filePath) {
                addedFile = true;
                QCOMPARE(row.sizeDeltaKb, 256);
            }
        }
        QVERIFY(grewAnonymous);
        QVERIFY(addedFile);
        QVERIFY(diff.totals().valid);
        QVERIFY(diff.totals().rssDeltaKb >= 8 * 1024);
        // 8 MiB written: at least that many pages became present; the file's first page was read.
        QVERIFY2(second->pages, qPrintable(second->pagesError));
        QVERIFY(diff.totals().pages);
        QVERIFY2(diff.totals().pages->becamePresent >= (8u << 20) / 4096, qPrintable(QString::number(diff.totals().pages->becamePresent)));
        const auto fileRow = std::find_if(diff.rows().cbegin(), diff.rows().cend(),
                                          [&](const SnapshotDiff::Row &row) { return row.mapping().path == filePath; });
        QVERIFY(fileRow->pages && fileRow->pages->becamePresent >= 1);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
