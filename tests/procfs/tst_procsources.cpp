// TreeProcSource over the recorded trees, LiveProcSource over this machine's /proc.
#include "liveprocsource.h"
#include "stoppedchild.h"
#include "treeprocsource.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstring>
#include <optional>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>


namespace {
// The permission check runs this binary again as user nobody, with this variable naming the case.
constexpr char ChildCaseVariable[] = "MEMATLAS_TST_PROCSOURCES_CASE";
const QLatin1String PermissionCase("permission-denied");

// Clean, as TreeProcSource keeps its root (MEMATLAS_TEST_DATA holds a "..").
QString treePath(const QString &tree)
{
    return QDir::cleanPath(QStringLiteral(MEMATLAS_TEST_DATA "/trees/") + tree);
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// /proc/1 belongs to root (or whoever started the machine): a process of another user may not
// read its smaps. Run as nobody: exit status 0 when the source says so, naming the file.
int permissionDeniedAsNobody()
{
    const LiveProcSource source;
    const ReadResult result = source.readFile(QStringLiteral("1/smaps"));
    const bool expected = result.status == ReadResult::Status::PermissionDenied
        && result.message.startsWith(QStringLiteral("/proc/1/smaps: permission denied"));
    printf("uid %d: status %d, message \"%s\"\n", int(getuid()), int(result.status), qPrintable(result.message));
    return expected ? 0 : 1;
}

std::optional<uint> ownerOfPid1()
{
    const QByteArray status = fileContents(QStringLiteral("/proc/1/status"));
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith("Uid:"))
            return line.mid(4).simplified().split(' ').value(0).toUInt();
    }
    return std::nullopt;
}
}

class TstProcSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeReadFile_data();
    void treeReadFile();
    void treeTooLarge();
    void treeAbsurdSizes();
    void treeReadRange();
    void treePids_data();
    void treePids();
    void treeReadLink_data();
    void treeReadLink();
    void treePageSize_data();
    void treePageSize();

    void liveReadsChildLikeProcDoes();
    void liveExitedProcess();
    void liveTooLarge();
    void liveNoAddressSpace();
    void livePagemapRange();
    void livePermissionDenied();
};

void TstProcSources::treeReadFile_data()
{
    QTest::addColumn<QString>("tree");
    QTest::addColumn<QString>("file");
    QTest::addColumn<ReadResult::Status>("status");
    QTest::addColumn<QString>("message"); // for failures: the whole message after the tree's path

    using S = ReadResult::Status;
    QTest::newRow("maps") << QStringLiteral("sleep") << QStringLiteral("12069/maps") << S::Ok << QString();
    QTest::newRow("cmdline with NULs") << QStringLiteral("files") << QStringLiteral("12175/cmdline") << S::Ok
                                       << QString();
    QTest::newRow("meminfo") << QStringLiteral("bash") << QStringLiteral("meminfo") << S::Ok << QString();
    QTest::newRow("empty maps of a kernel thread") << QStringLiteral("kthread") << QStringLiteral("2/maps") << S::Ok
                                                   << QString();
    QTest::newRow("no smaps_rollup before 4.14")
        << QStringLiteral("old-kernel") << QStringLiteral("12069/smaps_rollup") << S::NotFound
        << QStringLiteral("/12069/smaps_rollup: no such file");
    QTest::newRow("kernel thread's smaps_rollup is not recorded")
        << QStringLiteral("kthread") << QStringLiteral("2/smaps_rollup") << S::NotFound
        << QStringLiteral("/2/smaps_rollup: no such file");
    QTest::newRow("missing non-process file") << QStringLiteral("sleep") << QStringLiteral("kpageflags")
                                              << S::NotFound << QStringLiteral("/kpageflags: no such file");
    QTest::newRow("process not in the tree") << QStringLiteral("sleep") << QStringLiteral("4242/status")
                                             << S::ProcessExited << QStringLiteral("/4242/status: process 4242 exited");
    QTest::newRow("directory") << QStringLiteral("sleep") << QStringLiteral("12069") << S::IoError
                               << QStringLiteral("/12069: Is a directory");
}

void TstProcSources::treeReadFile()
{
    QFETCH(QString, tree);
    QFETCH(QString, file);
    QFETCH(ReadResult::Status, status);
    QFETCH(QString, message);

    const TreeProcSource source(treePath(tree));
    QCOMPARE(source.kind(), ProcSource::Kind::Tree);
    QCOMPARE(source.rootPath(), treePath(tree));
    const ReadResult result = source.readFile(file);
    QCOMPARE(result.status, status);
    if (status == ReadResult::Status::Ok) {
        QCOMPARE(result.data, fileContents(treePath(tree) + QLatin1Char('/') + file));
        QVERIFY(result.message.isEmpty());
    } else {
        QCOMPARE(result.message, treePath(tree) + message);
        QVERIFY(result.data.isEmpty());
    }
}

void TstProcSources::treeTooLarge()
{
    const TreeProcSource source(treePath(QStringLiteral("sleep")));
    const QString smaps = QStringLiteral("12069/smaps");
    const qint64 size = QFileInfo(treePath(QStringLiteral("sleep")) + QLatin1Char('/') + smaps).size();

    const ReadResult refused = source.readFile(smaps, size - 1);
    QCOMPARE(refused.status, ReadResult::Status::TooLarge);
    QCOMPARE(refused.message, QStringLiteral("%1/%2: %3 bytes is larger than the %4-byte limit")
                                  .arg(treePath(QStringLiteral("sleep")), smaps)
                                  .arg(size)
                                  .arg(size - 1));
    QVERIFY(refused.data.isEmpty());

    const ReadResult exact = source.readFile(smaps, size);
    QCOMPARE(exact.status, ReadResult::Status::Ok);
    QCOMPARE(exact.data.size(), size);
}

void TstProcSources::treeAbsurdSizes()
{
    // A copied tree can claim anything: a 10 GB maps (sparse here), and a maps of millions of
    // mappings. Both are refused with the size in the message, before the memory is taken.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("7")));
    QFile huge(dir.filePath(QStringLiteral("7/maps")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(10'000'000'000));
    huge.close();
    const TreeProcSource source(dir.path());
    const ReadResult refused = source.readFile(QStringLiteral("7/maps"));
    QCOMPARE(refused.status, ReadResult::Status::TooLarge);
    QCOMPARE(refused.message, QStringLiteral("%1/7/maps: 10000000000 bytes is larger than the %2-byte limit")
                                  .arg(dir.path())
                                  .arg(ProcSource::MaxMapsSize));
    QVERIFY(refused.data.isEmpty());

    // 3.3 million real lines, just over the maps limit; the same bytes as smaps are within its limit.
    const QByteArray line = "7f0000000000-7f0000001000 rw-p 00000000 00:00 0\n";
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("8")));
    QFile many(dir.filePath(QStringLiteral("8/maps")));
    QVERIFY(many.open(QIODevice::WriteOnly));
    const QByteArray block = line.repeated(65536);
    while (many.size() <= ProcSource::MaxMapsSize)
        QCOMPARE(many.write(block), block.size());
    many.close();
    QVERIFY(QFile::copy(many.fileName(), dir.filePath(QStringLiteral("8/smaps"))));
    QCOMPARE(source.readFile(QStringLiteral("8/maps")).status, ReadResult::Status::TooLarge);
    QCOMPARE(source.readFile(QStringLiteral("8/smaps")).status, ReadResult::Status::Ok);
    QCOMPARE(ProcSource::limitFor(QStringLiteral("maps"), ProcSource::LimitForFile), ProcSource::MaxMapsSize);
    QCOMPARE(ProcSource::limitFor(QStringLiteral("8/smaps"), ProcSource::LimitForFile), ProcSource::DefaultMaxSize);
    QCOMPARE(ProcSource::limitFor(QStringLiteral("8/maps"), 10), qint64(10)); // a caller's own limit wins
}

void TstProcSources::treeReadRange()
{
    const TreeProcSource source(treePath(QStringLiteral("sleep")));
    const QByteArray maps = fileContents(treePath(QStringLiteral("sleep")) + QStringLiteral("/12069/maps"));

    const ReadResult middle = source.readRange(QStringLiteral("12069/maps"), 8, 16);
    QVERIFY2(middle.ok(), qPrintable(middle.message));
    QCOMPARE(middle.data, maps.mid(8, 16));

    // A short result means the file ended.
    const ReadResult end = source.readRange(QStringLiteral("12069/maps"), quint64(maps.size()) - 8, 64);
    QVERIFY(end.ok());
    QCOMPARE(end.data, maps.right(8));
}

void TstProcSources::treePids_data()
{
    QTest::addColumn<QString>("tree");
    QTest::addColumn<QList<int>>("pids");

    QTest::newRow("sleep") << QStringLiteral("sleep") << QList<int>{ 12069 };
    QTest::newRow("bash and its job") << QStringLiteral("bash") << QList<int>{ 12209, 12215 };
    QTest::newRow("zombie and parent") << QStringLiteral("zombie") << QList<int>{ 12271, 12273 };
    QTest::newRow("kernel thread") << QStringLiteral("kthread") << QList<int>{ 2 };
    QTest::newRow("no such tree") << QStringLiteral("does-not-exist") << QList<int>{};
}

void TstProcSources::treePids()
{
    QFETCH(QString, tree);
    QFETCH(QList<int>, pids);

    const TreeProcSource source(treePath(tree));
    QCOMPARE(source.pids(), pids);
    for (int pid : pids)
        QVERIFY(source.processExists(pid));
    QVERIFY(!source.processExists(4242));
}

void TstProcSources::treeReadLink_data()
{
    QTest::addColumn<QString>("tree");
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("target");

    QTest::newRow("dangling") << QStringLiteral("sleep") << QStringLiteral("12069/exe")
                              << QStringLiteral("/tmp/mematlas-record/sleep");
    QTest::newRow("deleted, with spaces") << QStringLiteral("files") << QStringLiteral("12175/exe")
                                          << QStringLiteral("/tmp/mematlas fixture/files prog (deleted)");
    QTest::newRow("kernel thread has none") << QStringLiteral("kthread") << QStringLiteral("2/exe") << QString();
    QTest::newRow("not a link") << QStringLiteral("sleep") << QStringLiteral("12069/maps") << QString();
}

void TstProcSources::treeReadLink()
{
    QFETCH(QString, tree);
    QFETCH(QString, link);
    QFETCH(QString, target);

    QCOMPARE(TreeProcSource(treePath(tree)).readLink(link), target);
}

void TstProcSources::treePageSize_data()
{
    QTest::addColumn<QByteArray>("recorded"); // null: no pagesize file
    QTest::addColumn<quint64>("pageSize");

    QTest::newRow("none recorded") << QByteArray() << quint64(4096);
    QTest::newRow("4 KiB") << QByteArray("4096\n") << quint64(4096);
    QTest::newRow("16 KiB (Apple silicon)") << QByteArray("16384\n") << quint64(16384);
    QTest::newRow("64 KiB (ppc64)") << QByteArray("65536") << quint64(65536);
    QTest::newRow("not a power of two") << QByteArray("5000\n") << quint64(4096);
    QTest::newRow("garbage") << QByteArray("big\n") << quint64(4096);
}

void TstProcSources::treePageSize()
{
    QFETCH(QByteArray, recorded);
    QFETCH(quint64, pageSize);

    QTemporaryDir root;
    QVERIFY(root.isValid());
    if (!recorded.isNull()) {
        QFile file(root.filePath(QStringLiteral("pagesize")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(recorded);
    }
    QCOMPARE(TreeProcSource(root.path()).pageSize(), pageSize);
}

void TstProcSources::liveReadsChildLikeProcDoes()
{
    StoppedChild child;
    QVERIFY2(child.isStopped(), qPrintable(child.error()));
    const QString dir = QString::number(child.pid());

    const LiveProcSource source;
    QCOMPARE(source.kind(), ProcSource::Kind::Live);
    QCOMPARE(source.rootPath(), QStringLiteral("/proc"));
    QCOMPARE(source.pageSize(), quint64(sysconf(_SC_PAGESIZE)));
    QVERIFY(source.pids().contains(child.pid()));
    QVERIFY(source.processExists(child.pid()));

    const ReadResult maps = source.readFile(dir + QStringLiteral("/maps"));
    QVERIFY2(maps.ok(), qPrintable(maps.message));
    QCOMPARE(maps.data, fileContents(QStringLiteral("/proc/") + dir + QStringLiteral("/maps")));
    const QString exe = source.readLink(dir + QStringLiteral("/exe"));
    QCOMPARE(exe, QFileInfo(QStandardPaths::findExecutable(QStringLiteral("sleep"))).canonicalFilePath());
    QVERIFY2(maps.data.contains(QFile::encodeName(exe)), maps.data.constData());
    // Larger than the first 64 KiB buffer, so the growing path runs too.
    const ReadResult smaps = source.readFile(dir + QStringLiteral("/smaps"));
    QVERIFY2(smaps.ok(), qPrintable(smaps.message));
    // Pss and the Shared_/Private_ split count the other processes mapping the same pages: a test
    // running beside this one that starts sleep changes them between the two reads. The rest is ours.
    const auto ownLines = [](const QByteArray &text) {
        QList<QByteArray> lines = text.split('\n');
        lines.removeIf([](const QByteArray &line) {
            return line.startsWith("Pss") || line.startsWith("Shared_") || line.startsWith("Private_");
        });
        return lines;
    };
    QCOMPARE(ownLines(smaps.data), ownLines(fileContents(QStringLiteral("/proc/") + dir + QStringLiteral("/smaps"))));
}

void TstProcSources::liveExitedProcess()
{
    StoppedChild child;
    QVERIFY2(child.isStopped(), qPrintable(child.error()));
    const int pid = child.pid();
    child.kill();

    const LiveProcSource source;
    QVERIFY(!source.processExists(pid));
    for (const char *file : { "maps", "status", "smaps_rollup" }) {
        const ReadResult result = source.readFile(QStringLiteral("%1/%2").arg(pid).arg(QLatin1String(file)));
        QCOMPARE(result.status, ReadResult::Status::ProcessExited);
        QCOMPARE(result.message, QStringLiteral("/proc/%1/%2: process %1 exited").arg(pid).arg(QLatin1String(file)));
    }
}

void TstProcSources::liveTooLarge()
{
    // procfs files report size 0: the limit must hold while reading, also below the first buffer.
    const LiveProcSource source;
    const ReadResult result = source.readFile(QStringLiteral("self/maps"), 100);
    QCOMPARE(result.status, ReadResult::Status::TooLarge);
    QCOMPARE(result.message, QStringLiteral("/proc/self/maps: larger than the 100-byte limit"));
    QVERIFY(result.data.isEmpty());
}

void TstProcSources::liveNoAddressSpace()
{
    // A zombie child: its directory stays until it is reaped, its memory is gone.
    const pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    QVERIFY(pid > 0);
    const auto reap = qScopeGuard([pid] { waitpid(pid, nullptr, 0); });
    QDeadlineTimer deadline(10000);
    while (!fileContents(QStringLiteral("/proc/%1/stat").arg(pid)).contains(") Z ") && !deadline.hasExpired())
        QThread::msleep(5);

    const LiveProcSource source;
    const ReadResult rollup = source.readFile(QStringLiteral("%1/smaps_rollup").arg(pid));
    // A zombie has exited: said as such, like any other vanished process.
    QCOMPARE(rollup.status, ReadResult::Status::ProcessExited);
    QCOMPARE(rollup.message, QStringLiteral("/proc/%1/smaps_rollup: process %1 exited (a zombie until its parent reaps it)").arg(pid));
    const ReadResult maps = source.readFile(QStringLiteral("%1/maps").arg(pid));
    QCOMPARE(maps.status, ReadResult::Status::Ok);
    QCOMPARE(maps.data, QByteArray());
}

void TstProcSources::livePagemapRange()
{
    const LiveProcSource source;
    const quint64 pageSize = source.pageSize();
    volatile int onTheStack = 42; // a page that is certainly present
    const quint64 page = quint64(reinterpret_cast<quintptr>(&onTheStack)) / pageSize;

    const ReadResult result = source.readRange(QStringLiteral("self/pagemap"), page * 8, 4 * 8);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.data.size(), 32);
    quint64 entry = 0;
    std::memcpy(&entry, result.data.constData(), sizeof entry);
    QVERIFY2(entry & (quint64(1) << 63), qPrintable(QString::number(entry, 16))); // present

    // The kernel refuses reads that are not 8-byte aligned.
    const ReadResult unaligned = source.readRange(QStringLiteral("self/pagemap"), page * 8 + 4, 8);
    QCOMPARE(unaligned.status, ReadResult::Status::IoError);
    QCOMPARE(unaligned.message, QStringLiteral("/proc/self/pagemap: Invalid argument"));
}

void TstProcSources::livePermissionDenied()
{
    const std::optional<uint> owner = ownerOfPid1();
    QVERIFY(owner.has_value());
    if (geteuid() != 0) {
        if (*owner == geteuid())
            QSKIP("this user owns /proc/1: nothing here is refused");
        QCOMPARE(permissionDeniedAsNobody(), 0);
        return;
    }
    // Root may read everything: ask again as nobody.
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        QSKIP("setpriv (util-linux) is not installed");
    const passwd *nobody = getpwnam("nobody");
    QVERIFY(nobody != nullptr);
    const uid_t nobodyUid = nobody->pw_uid;
    QVERIFY2(*owner != nobodyUid, "/proc/1 belongs to nobody");

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1String(ChildCaseVariable), PermissionCase);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(setpriv,
                  { QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"), QStringLiteral("--clear-groups"),
                    QCoreApplication::applicationFilePath() });
    QVERIFY2(process.waitForFinished(60000), qPrintable(process.errorString()));
    const QByteArray output = process.readAll();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
    QVERIFY2(output.startsWith(QByteArray("uid " + QByteArray::number(nobodyUid) + ": ")), output.constData());
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariable(ChildCaseVariable) == PermissionCase)
        return permissionDeniedAsNobody();
    // QProcess needs the application object.
    QCoreApplication app(argc, argv);
    TstProcSources test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_procsources.moc"
