#include "liveprocsource.h"
#include "modelroles.h"
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
        const auto first = Snapshot::take(source, pid, &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY2(command("grow"), child.readAllStandardError().constData());
        QVERIFY(command("map " + filePath.toUtf8()));
        const auto second = Snapshot::take(source, pid, &error);
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
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
