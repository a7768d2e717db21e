// ProcessInfo::read on the recorded trees (values hand-read from their status, stat, statm and
// cmdline) and on a live child, compared with its status file read here independently.
#include "processinfo.h"
#include "liveprocsource.h"
#include "stoppedchild.h"
#include "treeprocsource.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {
QString treePath(const QString &tree)
{
    return QStringLiteral(MEMATLAS_TEST_DATA "/trees/") + tree;
}

// "VmRSS:	    1320 kB" -> 1320, straight from the text: the check must not share code with the reader.
std::optional<quint64> statusKb(const QByteArray &status, const QByteArray &key)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).simplified().split(' ').value(0).toULongLong();
    }
    return std::nullopt;
}
}

class TstProcessInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRecordedProcess_data();
    void readsRecordedProcess();
    void exitedProcess();
    void brokenStat_data();
    void brokenStat();
    void memPercent_data();
    void memPercent();
    void liveChildMatchesStatus();
};

void TstProcessInfo::readsRecordedProcess_data()
{
    QTest::addColumn<QString>("tree");
    QTest::addColumn<int>("pid");
    QTest::addColumn<int>("ppid");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<char>("state");
    QTest::addColumn<bool>("kernelThread");
    QTest::addColumn<int>("threads");
    QTest::addColumn<quint64>("virtKb");
    QTest::addColumn<quint64>("resKb");
    QTest::addColumn<quint64>("shrKb");
    QTest::addColumn<quint64>("swapKb");
    QTest::addColumn<quint64>("minflt");
    QTest::addColumn<quint64>("majflt");

    // The recorder stopped every process it started, so they are in state T.
    const QString sleepPath = QStringLiteral("/tmp/mematlas-record/sleep");
    QTest::newRow("sleep") << QStringLiteral("sleep") << 12069 << 12037 << QStringLiteral("sleep")
                           << QStringList{ sleepPath } << sleepPath << 'T' << false << 1 << quint64(2476)
                           << quint64(1320) << quint64(1220 + 0) << quint64(0) << quint64(104) << quint64(0);
    // Status of a 4.4 kernel (no RssFile/RssShmem): SHR from statm, 305 pages of 4 KiB.
    QTest::newRow("old kernel") << QStringLiteral("old-kernel") << 12069 << 12037 << QStringLiteral("sleep")
                                << QStringList{ sleepPath } << sleepPath << 'T' << false << 1 << quint64(2476)
                                << quint64(1320) << quint64(305 * 4) << quint64(0) << quint64(104) << quint64(0);
    QTest::newRow("threads") << QStringLiteral("threads") << 12100 << 12037 << QStringLiteral("threads")
                             << QStringList{ QStringLiteral("/tmp/mematlas-record/threads") }
                             << QStringLiteral("/tmp/mematlas-record/threads") << 'T' << false << 3 << quint64(151224)
                             << quint64(2748) << quint64(1340 + 0) << quint64(0) << quint64(437) << quint64(0);
    QTest::newRow("shared memory counts in SHR")
        << QStringLiteral("anon-names") << 12133 << 12037 << QStringLiteral("anon-names")
        << QStringList{ QStringLiteral("/tmp/mematlas-record/anon-names") }
        << QStringLiteral("/tmp/mematlas-record/anon-names") << 'T' << false << 1 << quint64(2524) << quint64(1680)
        << quint64(1528 + 40) << quint64(0) << quint64(129) << quint64(0);
    QTest::newRow("spaces in comm and arguments")
        << QStringLiteral("files") << 12175 << 12037 << QStringLiteral("files prog")
        << QStringList{ QStringLiteral("/tmp/mematlas fixture/files prog"), QStringLiteral("/tmp/mematlas fixture") }
        << QStringLiteral("/tmp/mematlas fixture/files prog /tmp/mematlas fixture") << 'T' << false << 1
        << quint64(2496) << quint64(1432) << quint64(1324 + 0) << quint64(0) << quint64(115) << quint64(2);
    QTest::newRow("bash") << QStringLiteral("bash") << 12209 << 12207 << QStringLiteral("bash")
                          << QStringList{ QStringLiteral("bash"), QStringLiteral("--norc"), QStringLiteral("--noprofile"),
                                          QStringLiteral("-i") }
                          << QStringLiteral("bash --norc --noprofile -i") << 'T' << false << 1 << quint64(4624)
                          << quint64(3784) << quint64(3248 + 0) << quint64(0) << quint64(401) << quint64(0);
    QTest::newRow("bash's job") << QStringLiteral("bash") << 12215 << 12209 << QStringLiteral("sleep")
                                << QStringList{ QStringLiteral("sleep"), QStringLiteral("1000") }
                                << QStringLiteral("sleep 1000") << 'T' << false << 1 << quint64(2920) << quint64(1756)
                                << quint64(1648 + 0) << quint64(0) << quint64(117) << quint64(0);
    QTest::newRow("zombie's parent") << QStringLiteral("zombie") << 12271 << 12037 << QStringLiteral("zombie")
                                     << QStringList{ QStringLiteral("/tmp/mematlas-record/zombie") }
                                     << QStringLiteral("/tmp/mematlas-record/zombie") << 'T' << false << 1
                                     << quint64(2476) << quint64(1512) << quint64(1408 + 0) << quint64(0) << quint64(130)
                                     << quint64(0);
    // Its memory is gone; the faults it took stay counted.
    QTest::newRow("zombie") << QStringLiteral("zombie") << 12273 << 12271 << QStringLiteral("zombie") << QStringList()
                            << QStringLiteral("[zombie] <defunct>") << 'Z' << false << 1 << quint64(0) << quint64(0)
                            << quint64(0) << quint64(0) << quint64(16) << quint64(0);
    QTest::newRow("kernel thread") << QStringLiteral("kthread") << 2 << 0 << QStringLiteral("kthreadd") << QStringList()
                                   << QStringLiteral("[kthreadd]") << 'S' << true << 1 << quint64(0) << quint64(0)
                                   << quint64(0) << quint64(0) << quint64(0) << quint64(0);
}

void TstProcessInfo::readsRecordedProcess()
{
    QFETCH(QString, tree);
    QFETCH(int, pid);

    const TreeProcSource source(treePath(tree));
    QString error;
    const std::optional<ProcessInfo> info = ProcessInfo::read(source, pid, &error);
    QVERIFY2(info.has_value(), qPrintable(error));
    QCOMPARE(info->pid, pid);
    QTEST(info->ppid, "ppid");
    QTEST(info->name, "name");
    QTEST(info->arguments, "arguments");
    QTEST(info->commandLine(), "commandLine");
    QTEST(info->state, "state");
    QTEST(info->kernelThread, "kernelThread");
    QTEST(info->threads, "threads");
    QTEST(info->virtKb, "virtKb");
    QTEST(info->resKb, "resKb");
    QTEST(info->shrKb, "shrKb");
    QTEST(info->swapKb, "swapKb");
    QTEST(info->minflt, "minflt");
    QTEST(info->majflt, "majflt");
    // Every recorded process ran as root; uid 0 is "root" on every system.
    QCOMPARE(info->uid, std::optional<quint32>(0));
    QCOMPARE(info->user, QStringLiteral("root"));
}

void TstProcessInfo::exitedProcess()
{
    const TreeProcSource source(treePath(QStringLiteral("sleep")));
    QString error;
    QVERIFY(!ProcessInfo::read(source, 4242, &error).has_value());
    QCOMPARE(error, QStringLiteral("process 4242 exited"));
    // error is optional.
    QVERIFY(!ProcessInfo::read(source, 4242, nullptr).has_value());
}

void TstProcessInfo::brokenStat_data()
{
    QTest::addColumn<QByteArray>("stat"); // null: no stat file
    QTest::addColumn<QString>("errorAfterPath"); // the error starts with the file's path and this

    QTest::newRow("missing") << QByteArray() << QStringLiteral(": no such file");
    QTest::newRow("unparsable") << QByteArray("no parentheses here\n") << QStringLiteral(": line 1: ");
}

void TstProcessInfo::brokenStat()
{
    QFETCH(QByteArray, stat);
    QFETCH(QString, errorAfterPath);

    // A tree with a good status and a bad stat.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(QDir(root.path()).mkdir(QStringLiteral("12069")));
    QVERIFY(QFile::copy(treePath(QStringLiteral("sleep/12069/status")), root.filePath(QStringLiteral("12069/status"))));
    if (!stat.isNull()) {
        QFile file(root.filePath(QStringLiteral("12069/stat")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(stat);
    }

    QString error;
    QVERIFY(!ProcessInfo::read(TreeProcSource(root.path()), 12069, &error).has_value());
    QVERIFY2(error.startsWith(root.filePath(QStringLiteral("12069/stat")) + errorAfterPath), qPrintable(error));
}

void TstProcessInfo::memPercent_data()
{
    QTest::addColumn<quint64>("resKb");
    QTest::addColumn<quint64>("memTotalKb");
    QTest::addColumn<double>("percent");

    // bash's RES against the MemTotal recorded with it (tests/data/trees/bash/meminfo): 378400 / 24684084.
    QTest::newRow("bash") << quint64(3784) << quint64(24684084) << 0.0153297161037047;
    QTest::newRow("all of it") << quint64(1024) << quint64(1024) << 100.0;
    QTest::newRow("no MemTotal") << quint64(1024) << quint64(0) << 0.0;
}

void TstProcessInfo::memPercent()
{
    QFETCH(quint64, resKb);
    QFETCH(quint64, memTotalKb);
    QFETCH(double, percent);

    QCOMPARE(ProcessInfo::memPercent(resKb, memTotalKb), percent);
}

void TstProcessInfo::liveChildMatchesStatus()
{
    StoppedChild child;
    QVERIFY2(child.isStopped(), qPrintable(child.error()));
    const int pid = child.pid();

    const LiveProcSource source;
    QString error;
    const std::optional<ProcessInfo> info = ProcessInfo::read(source, pid, &error);
    QVERIFY2(info.has_value(), qPrintable(error));

    QFile statusFile(QStringLiteral("/proc/%1/status").arg(pid));
    QVERIFY(statusFile.open(QIODevice::ReadOnly));
    const QByteArray status = statusFile.readAll();
    QCOMPARE(info->virtKb, statusKb(status, "VmSize").value());
    QCOMPARE(info->resKb, statusKb(status, "VmRSS").value());
    QCOMPARE(info->shrKb, statusKb(status, "RssFile").value() + statusKb(status, "RssShmem").value());
    QCOMPARE(info->swapKb, statusKb(status, "VmSwap").value());
    QVERIFY(info->resKb > 0); // a sleeping sleep has its pages in memory; 0 would be a misread
    QCOMPARE(info->ppid, int(getpid()));
    QCOMPARE(info->name, QStringLiteral("sleep"));
    QCOMPARE(info->arguments, QStringList({ QStringLiteral("sleep"), QStringLiteral("100") }));
    QCOMPARE(info->state, 'T');
    QCOMPARE(info->uid, std::optional<quint32>(getuid()));
    QVERIFY(!info->kernelThread);

    child.kill();
    QVERIFY(!ProcessInfo::read(source, pid, &error).has_value());
    QCOMPARE(error, QStringLiteral("process %1 exited").arg(pid));
}

QTEST_APPLESS_MAIN(TstProcessInfo)
#include "tst_processinfo.moc"
