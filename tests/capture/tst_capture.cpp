// mematlas-capture as users run it: its text reports against the kernel's own files, procps's pmap,
// free and top over the live system, and against hand-computed numbers on fixture trees.

#include "captureprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <limits>
#include <pwd.h>
#include <unistd.h>

using namespace CaptureProcess;

namespace {

QString fixturePath(const QString &relativePath)
{
    // Cleaned as a tree source cleans its root, so paths in messages compare equal.
    return QDir::cleanPath(QStringLiteral(MEMATLAS_TEST_DATA "/capture/") + relativePath);
}

// Line by line, so a failure shows the first line that differs rather than two blobs; together with
// the line count this is a byte-exact comparison.
void compareLines(const QByteArray &actual, const QByteArray &expected)
{
    const QByteArrayList actualLines = actual.split('\n');
    const QByteArrayList expectedLines = expected.split('\n');
    for (qsizetype i = 0; i < qMin(actualLines.size(), expectedLines.size()); ++i) {
        if (actualLines[i] != expectedLines[i])
            QFAIL(qPrintable(QStringLiteral("line %1 differs\n   actual: \"%2\"\n expected: \"%3\"")
                                 .arg(i + 1)
                                 .arg(QString::fromUtf8(actualLines[i]), QString::fromUtf8(expectedLines[i]))));
    }
    QCOMPARE(actualLines.size(), expectedLines.size());
}

// "VmRSS:\t  1234 kB" -> 1234
quint64 statusKb(const QByteArray &status, QByteArrayView key)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(key) && line.size() > key.size() && line[key.size()] == ':')
            return line.mid(key.size() + 1).trimmed().split(' ').constFirst().toULongLong();
    }
    return 0;
}

} // namespace

class tst_Capture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // The stopped child over the live /proc.
    void mapsIsTheKernelsText();
    void rollupIsTheKernelsText();
    void rollupSummedFromSmaps();
    void smapsMatchesPmap();
    void topMatchesStatusAndTop();
    void kernelThread();
    // The whole system over the live /proc.
    void freeMatchesFree_data();
    void freeMatchesFree();
    // Hand-computed fixtures and recorded trees.
    void fixtureReports_data();
    void fixtureReports();
    void recordedTrees_data();
    void recordedTrees();
    // Bad input.
    void errors_data();
    void errors();
    void permissionDenied();
    void helpAndVersion();

private:
    QString procFile(const QString &name) const;
    QStringList pidArguments(const QString &report) const;
    void compareWithKernelFile(const QString &report, const QString &file);
    void compareWithFile(const QStringList &arguments, const QString &expectedFile);

    QTemporaryDir m_privateFiles;
    QProcess m_child;
    int m_pid = 0;
};

QString tst_Capture::procFile(const QString &name) const
{
    return QStringLiteral("/proc/%1/%2").arg(m_pid).arg(name);
}

QStringList tst_Capture::pidArguments(const QString &report) const
{
    return {QStringLiteral("--print"), report, QStringLiteral("--pid"), QString::number(m_pid)};
}

void tst_Capture::initTestCase()
{
    // The child runs `sleep 1000` on private copies of sleep, libc and the dynamic loader. Pss divides
    // each page among the processes that map it, so with the system's libc every process starting or
    // exiting anywhere (this test's own mematlas-capture and pmap runs included) would change the
    // child's Pss between two reads. Pages nobody else maps keep its numbers still once it is stopped.
    QVERIFY(m_privateFiles.isValid());
    const QString sleep = QStandardPaths::findExecutable(QStringLiteral("sleep"));
    QVERIFY(!sleep.isEmpty());
    QString libc;
    QString loader;
    const QByteArrayList ownMaps = readAll(QStringLiteral("/proc/self/maps")).split('\n');
    for (const QByteArray &line : ownMaps) {
        const qsizetype slash = line.indexOf('/');
        if (slash < 0)
            continue;
        const QString path = QString::fromUtf8(line.mid(slash));
        const QString name = QFileInfo(path).fileName();
        if (name.startsWith(QLatin1String("libc.so")))
            libc = path;
        else if (name.startsWith(QLatin1String("ld-linux")))
            loader = path;
    }
    QVERIFY2(!libc.isEmpty() && !loader.isEmpty(), "libc or the dynamic loader not found in /proc/self/maps");
    const QDir dir(m_privateFiles.path());
    for (const QString &file : {sleep, libc, loader})
        QVERIFY(QFile::copy(file, dir.filePath(QFileInfo(file).fileName())));

    m_child.setProcessEnvironment(cLocaleEnvironment());
    m_child.start(dir.filePath(QFileInfo(loader).fileName()),
                  {QStringLiteral("--library-path"), dir.path(), dir.filePath(QStringLiteral("sleep")),
                   QStringLiteral("1000")});
    QVERIFY2(m_child.waitForStarted(), qPrintable(m_child.errorString()));
    m_pid = int(m_child.processId());
    // Stop it once it has loaded its libc and gone to sleep, so its mappings are the finished picture.
    const QByteArray privateLibc = QFile::encodeName(dir.filePath(QFileInfo(libc).fileName()));
    QTRY_VERIFY_WITH_TIMEOUT(readAll(procFile(QStringLiteral("maps"))).contains(privateLibc)
                                 && readAll(procFile(QStringLiteral("stat"))).contains(") S "),
                             10000);
    QTest::qWait(100);
    QCOMPARE(::kill(m_pid, SIGSTOP), 0);
    QTRY_VERIFY_WITH_TIMEOUT(readAll(procFile(QStringLiteral("stat"))).contains(") T "), 10000);
}

void tst_Capture::cleanupTestCase()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        m_child.waitForFinished();
    }
}

void tst_Capture::compareWithKernelFile(const QString &report, const QString &file)
{
    const QByteArray before = readAll(procFile(file));
    const Run ours = capture(pidArguments(report));
    const QByteArray after = readAll(procFile(file));
    QVERIFY(!before.isEmpty());
    QVERIFY2(before == after, "the stopped child's file changed between two reads");
    QCOMPARE(ours.err, QByteArray());
    QCOMPARE(ours.exitCode, 0);
    compareLines(ours.out, before);
}

void tst_Capture::mapsIsTheKernelsText()
{
    compareWithKernelFile(QStringLiteral("maps"), QStringLiteral("maps"));
}

void tst_Capture::rollupIsTheKernelsText()
{
    compareWithKernelFile(QStringLiteral("rollup"), QStringLiteral("smaps_rollup"));
}

void tst_Capture::rollupSummedFromSmaps()
{
    // A tree holding only the child's smaps stands for a kernel before 4.14, which has no smaps_rollup.
    QTemporaryDir tree;
    QVERIFY(QDir(tree.path()).mkdir(QString::number(m_pid)));
    const QByteArray smaps = readAll(procFile(QStringLiteral("smaps")));
    const QByteArray kernelRollup = readAll(procFile(QStringLiteral("smaps_rollup")));
    QFile copy(tree.filePath(QStringLiteral("%1/smaps").arg(m_pid)));
    QVERIFY(copy.open(QIODevice::WriteOnly));
    QCOMPARE(copy.write(smaps), smaps.size());
    copy.close();

    const Run ours = capture(pidArguments(QStringLiteral("rollup")) << QStringLiteral("--proc-root") << tree.path());
    QCOMPARE(ours.err, QByteArray());
    QCOMPARE(ours.exitCode, 0);
    // Such a kernel has no Pss_Anon/Pss_File/Pss_Shmem; everything else must be the kernel's numbers
    // exactly: every page of the child is mapped by it alone, so even Pss has no fractions to lose.
    QByteArray expected;
    for (const QByteArray &line : kernelRollup.split('\n')) {
        if (!line.isEmpty() && !line.startsWith("Pss_Anon:") && !line.startsWith("Pss_File:")
            && !line.startsWith("Pss_Shmem:"))
            expected += line + '\n';
    }
    compareLines(ours.out, expected);
}

void tst_Capture::smapsMatchesPmap()
{
    const QString pmap = QStandardPaths::findExecutable(QStringLiteral("pmap"));
    if (pmap.isEmpty())
        QSKIP("pmap (procps) is not installed");
    const QStringList pmapArguments{QStringLiteral("-X"), QString::number(m_pid)};
    const Run before = run(pmap, pmapArguments);
    const Run ours = capture(pidArguments(QStringLiteral("smaps")));
    const Run after = run(pmap, pmapArguments);
    QCOMPARE(before.exitCode, 0);
    QVERIFY2(before.out == after.out, "pmap -X of the stopped child changed between two runs");
    QCOMPARE(ours.err, QByteArray());
    QCOMPARE(ours.exitCode, 0);
    // Every column, every row, the totals and the padding.
    compareLines(ours.out, before.out);
}

void tst_Capture::topMatchesStatusAndTop()
{
    const Run ours = capture({QStringLiteral("--print"), QStringLiteral("top")});
    QCOMPARE(ours.exitCode, 0);
    const QByteArrayList lines = ours.out.split('\n');
    QVERIFY(lines.size() > 2);
    QCOMPARE(lines.constFirst(), QByteArray("    PID USER           VIRT        RES        SHR  %MEM COMMAND"));
    QCOMPARE(lines.constLast(), QByteArray());

    QByteArrayList childRow;
    quint64 previousRes = std::numeric_limits<quint64>::max();
    for (qsizetype i = 1; i < lines.size() - 1; ++i) {
        const QByteArrayList fields = lines[i].simplified().split(' ');
        QVERIFY2(fields.size() >= 6, lines[i].constData());
        const quint64 res = fields[3].toULongLong();
        QVERIFY2(res <= previousRes, "rows are not sorted by RES, largest first");
        previousRes = res;
        if (fields[0].toInt() == m_pid)
            childRow = fields;
    }
    QVERIFY2(!childRow.isEmpty(), "the stopped child is missing");

    const QByteArray status = readAll(procFile(QStringLiteral("status")));
    const quint64 virt = statusKb(status, "VmSize");
    const quint64 res = statusKb(status, "VmRSS");
    const quint64 shr = statusKb(status, "RssFile") + statusKb(status, "RssShmem");
    const quint64 memTotal = statusKb(readAll(QStringLiteral("/proc/meminfo")), "MemTotal");
    QVERIFY(virt > 0 && res > 0 && memTotal > 0);
    const passwd *user = ::getpwuid(::geteuid());
    QVERIFY(user);
    const QByteArray userName(user->pw_name);
    QCOMPARE(childRow[1], userName.size() > 8 ? userName.left(7) + '+' : userName);
    QCOMPARE(childRow[2].toULongLong(), virt);
    QCOMPARE(childRow[3].toULongLong(), res);
    QCOMPARE(childRow[4].toULongLong(), shr);
    QCOMPARE(childRow[5], QByteArray::number(res * 100.0 / double(memTotal), 'f', 1));
    QCOMPARE(childRow.mid(6).join(' '), readAll(procFile(QStringLiteral("cmdline"))).replace('\0', ' ').trimmed());

    // top itself, in batch mode with no rc file: VIRT, RES and SHR in KiB (they fit unscaled for a sleep).
    const QString top = QStandardPaths::findExecutable(QStringLiteral("top"));
    if (top.isEmpty())
        QSKIP("top (procps) is not installed");
    QTemporaryDir home;
    QProcessEnvironment environment = cLocaleEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    const Run topRun = run(top, {QStringLiteral("-b"), QStringLiteral("-n"), QStringLiteral("1"), QStringLiteral("-p"),
                                 QString::number(m_pid)},
                           environment);
    QCOMPARE(topRun.exitCode, 0);
    const QByteArrayList topFields = topRun.out.trimmed().split('\n').constLast().simplified().split(' ');
    QVERIFY2(topFields.size() >= 12 && topFields[0].toInt() == m_pid, topRun.out.constData());
    QCOMPARE(topFields[4], childRow[2]);
    QCOMPARE(topFields[5], childRow[3]);
    QCOMPARE(topFields[6], childRow[4]);
}

void tst_Capture::kernelThread()
{
    // kthreadd has been PID 2 since Linux 2.6.22: a process without memory.
    if (!readAll(QStringLiteral("/proc/2/status")).startsWith("Name:\tkthreadd"))
        QSKIP("PID 2 is not kthreadd here");
    const QStringList kthreadd{QStringLiteral("--pid"), QStringLiteral("2"), QStringLiteral("--print")};

    const Run maps = capture(kthreadd + QStringList{QStringLiteral("maps")});
    QCOMPARE(maps.exitCode, 0);
    QCOMPARE(maps.out, QByteArray());

    const QString pmap = QStandardPaths::findExecutable(QStringLiteral("pmap"));
    if (!pmap.isEmpty()) {
        const Run smaps = capture(kthreadd + QStringList{QStringLiteral("smaps")});
        QCOMPARE(smaps.exitCode, 0);
        QCOMPARE(smaps.out, run(pmap, {QStringLiteral("-X"), QStringLiteral("2")}).out);
    }

    // The kernel refuses it too: reading /proc/2/smaps_rollup fails with ESRCH.
    const Run rollup = capture(kthreadd + QStringList{QStringLiteral("rollup")});
    QCOMPARE(rollup.exitCode, 1);
    QCOMPARE(rollup.err,
             QByteArray("mematlas-capture: /proc/2/smaps: process 2 has no mappings (kernel thread or zombie): "
                        "nothing to roll up\n"));
    QCOMPARE(rollup.out, QByteArray());
}

void tst_Capture::freeMatchesFree_data()
{
    QTest::addColumn<bool>("wide");
    QTest::newRow("free -k") << false;
    QTest::newRow("free -k -w") << true;
}

void tst_Capture::freeMatchesFree()
{
    QFETCH(bool, wide);
    const QString free = QStandardPaths::findExecutable(QStringLiteral("free"));
    if (free.isEmpty())
        QSKIP("free (procps) is not installed");
    QStringList freeArguments{QStringLiteral("-k")};
    QStringList ourArguments{QStringLiteral("--print"), QStringLiteral("free")};
    if (wide) {
        freeArguments << QStringLiteral("-w");
        ourArguments << QStringLiteral("--wide");
    }
    // free runs just before and just after ours, so memory that moved meanwhile widens the range our
    // numbers may take. On top of that range, 32 MiB of slack: the system keeps allocating between
    // the three reads (builds run beside the tests), by far less than that in a few milliseconds,
    // while a wrong formula (Cached without SReclaimable, used = total - free) is usually off by more.
    constexpr quint64 slackKb = 32 * 1024;
    const Run before = run(free, freeArguments);
    const Run ours = capture(ourArguments);
    const Run after = run(free, freeArguments);
    QCOMPARE(before.exitCode, 0);
    QCOMPARE(ours.exitCode, 0);
    QCOMPARE(ours.err, QByteArray());

    const QByteArrayList beforeLines = before.out.split('\n');
    const QByteArrayList afterLines = after.out.split('\n');
    const QByteArrayList ourLines = ours.out.split('\n');
    QCOMPARE(ourLines.size(), beforeLines.size());
    QCOMPARE(ourLines[0], beforeLines[0]); // the headings
    for (qsizetype line = 1; line < ourLines.size(); ++line) {
        // Columns end where free's end: same label, same widths.
        QCOMPARE(ourLines[line].size(), beforeLines[line].size());
        const QByteArrayList ourFields = ourLines[line].simplified().split(' ');
        const QByteArrayList beforeFields = beforeLines[line].simplified().split(' ');
        const QByteArrayList afterFields = afterLines[line].simplified().split(' ');
        QCOMPARE(ourFields.size(), beforeFields.size());
        QCOMPARE(ourFields[0], beforeFields[0]);
        for (qsizetype column = 1; column < ourFields.size(); ++column) {
            const quint64 value = ourFields[column].toULongLong();
            const quint64 a = beforeFields[column].toULongLong();
            const quint64 b = afterFields[column].toULongLong();
            if (column == 1) { // total: fixed while the system runs
                QCOMPARE(value, a);
                continue;
            }
            const quint64 low = qMin(a, b) > slackKb ? qMin(a, b) - slackKb : 0;
            QVERIFY2(value >= low && value <= qMax(a, b) + slackKb,
                     qPrintable(QStringLiteral("%1 column %2: ours %3, free said %4 then %5")
                                    .arg(QString::fromUtf8(ourFields[0]))
                                    .arg(column)
                                    .arg(value)
                                    .arg(a)
                                    .arg(b)));
        }
    }
}

void tst_Capture::fixtureReports_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedFile");
    // A Linux 4.9 system: smaps keys of that kernel, no smaps_rollup, a deleted shared-memory file with
    // a space in its name, a kernel thread and a user without a passwd entry. Expected outputs are
    // computed by hand from the values in the tree.
    const QString tree = fixturePath(QStringLiteral("linux-4.9"));
    const auto print = [&tree](const QString &report, const QString &pid = {}) {
        QStringList arguments{QStringLiteral("--proc-root"), tree, QStringLiteral("--print"), report};
        if (!pid.isEmpty())
            arguments << QStringLiteral("--pid") << pid;
        return arguments;
    };
    QTest::newRow("maps") << print(QStringLiteral("maps"), QStringLiteral("4242"))
                          << fixturePath(QStringLiteral("linux-4.9/4242/maps"));
    QTest::newRow("smaps") << print(QStringLiteral("smaps"), QStringLiteral("4242"))
                           << fixturePath(QStringLiteral("expected/linux-4.9-smaps-4242.txt"));
    QTest::newRow("smaps of a kernel thread") << print(QStringLiteral("smaps"), QStringLiteral("2"))
                                              << fixturePath(QStringLiteral("expected/linux-4.9-smaps-2.txt"));
    QTest::newRow("rollup summed from smaps") << print(QStringLiteral("rollup"), QStringLiteral("4242"))
                                              << fixturePath(QStringLiteral("expected/linux-4.9-rollup-4242.txt"));
    QTest::newRow("free") << print(QStringLiteral("free")) << fixturePath(QStringLiteral("expected/linux-4.9-free.txt"));
    QTest::newRow("free --wide") << (print(QStringLiteral("free")) << QStringLiteral("--wide"))
                                 << fixturePath(QStringLiteral("expected/linux-4.9-free-wide.txt"));
    QTest::newRow("top") << print(QStringLiteral("top")) << fixturePath(QStringLiteral("expected/linux-4.9-top.txt"));
    // procps-ng's fallbacks: no MemAvailable before Linux 3.14, and a MemAvailable above MemTotal (the
    // host's, inside some LXC containers); both take MemFree as available.
    for (const QString &name : {QStringLiteral("linux-3.10"), QStringLiteral("lxc")})
        QTest::addRow("free %s", qPrintable(name))
            << QStringList{QStringLiteral("--proc-root"), fixturePath(name), QStringLiteral("--print"), QStringLiteral("free")}
            << fixturePath(QStringLiteral("expected/%1-free.txt").arg(name));
}

void tst_Capture::fixtureReports()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedFile);
    compareWithFile(arguments, expectedFile);
}

void tst_Capture::compareWithFile(const QStringList &arguments, const QString &expectedFile)
{
    QVERIFY2(QFileInfo::exists(expectedFile), qPrintable(expectedFile));
    const QByteArray expected = readAll(expectedFile);
    const Run ours = capture(arguments);
    QCOMPARE(ours.err, QByteArray());
    QCOMPARE(ours.exitCode, 0);
    compareLines(ours.out, expected);
}

void tst_Capture::recordedTrees_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedFile");
    // Trees recorded from real processes: maps and smaps_rollup must come out as the kernel wrote them.
    const QDir trees(QDir::cleanPath(QStringLiteral(MEMATLAS_TEST_DATA "/trees")));
    const QStringList treeNames = trees.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &treeName : treeNames) {
        const QDir tree(trees.filePath(treeName));
        const QStringList pids = tree.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &pid : pids) {
            const QList<std::pair<QString, QString>> reports{{QStringLiteral("maps"), QStringLiteral("maps")},
                                                             {QStringLiteral("rollup"), QStringLiteral("smaps_rollup")}};
            for (const auto &[report, file] : reports) {
                const QString expectedFile = tree.filePath(pid + QLatin1Char('/') + file);
                if (QFileInfo::exists(expectedFile))
                    QTest::addRow("%s/%s %s", qPrintable(treeName), qPrintable(pid), qPrintable(report))
                        << QStringList{QStringLiteral("--proc-root"), tree.path(), QStringLiteral("--print"), report,
                                       QStringLiteral("--pid"), pid}
                        << expectedFile;
            }
        }
    }
}

void tst_Capture::recordedTrees()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedFile);
    // A file cut off mid-line (recorded that way on purpose) cannot be re-rendered: it is bad input,
    // refused with one line naming it.
    const QByteArray recorded = readAll(expectedFile);
    if (!recorded.isEmpty() && !recorded.endsWith('\n')) {
        const Run ours = capture(arguments);
        QCOMPARE(ours.exitCode, 1);
        QCOMPARE(ours.out, QByteArray());
        const QByteArray prefix = "mematlas-capture: " + QFile::encodeName(QDir::cleanPath(expectedFile)) + ": ";
        QVERIFY2(ours.err.startsWith(prefix), ours.err.constData());
        QCOMPARE(ours.err.count('\n'), 1);
        return;
    }
    compareWithFile(arguments, expectedFile);
}

void tst_Capture::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expectedError");
    const QString tree = fixturePath(QStringLiteral("linux-4.9"));
    const auto list = [](std::initializer_list<const char *> arguments) {
        QStringList result;
        for (const char *argument : arguments)
            result << QString::fromUtf8(argument);
        return result;
    };
    QTest::newRow("no such process") << list({"--print", "maps", "--pid", "999999"})
                                     << QByteArray("mematlas-capture: process 999999 does not exist\n");
    QTest::newRow("no such process in a tree")
        << (list({"--print", "smaps", "--pid", "77", "--proc-root"}) << tree)
        << QByteArray("mematlas-capture: process 77 does not exist\n");
    QTest::newRow("unknown report") << list({"--print", "bogus"})
                                    << QByteArray("mematlas-capture: unknown report 'bogus' (known: maps, smaps, "
                                                  "rollup, free, top)\n");
    QTest::newRow("pid missing") << list({"--print", "rollup"})
                                 << QByteArray("mematlas-capture: --pid is required for --print rollup\n");
    QTest::newRow("pid not a number") << list({"--print", "maps", "--pid", "12x"})
                                      << QByteArray("mematlas-capture: --pid: '12x' is not a process ID\n");
    QTest::newRow("pid with free") << list({"--print", "free", "--pid", "1"})
                                   << QByteArray("mematlas-capture: --pid does not apply to --print free\n");
    QTest::newRow("wide with top") << list({"--print", "top", "--wide"})
                                   << QByteArray("mematlas-capture: --wide applies to --print free only\n");
    QTest::newRow("proc root missing") << list({"--print", "free", "--proc-root", "/nonexistent/proc"})
                                       << QByteArray("mematlas-capture: --proc-root /nonexistent/proc: no such "
                                                     "directory\n");
    const QString file = tree + QStringLiteral("/meminfo");
    QTest::newRow("proc root a file") << (list({"--print", "free", "--proc-root"}) << file)
                                      << QStringLiteral("mematlas-capture: --proc-root %1: not a directory\n")
                                             .arg(file)
                                             .toUtf8();
    QTest::newRow("rollup of a kernel thread without smaps_rollup")
        << (list({"--print", "rollup", "--pid", "2", "--proc-root"}) << tree)
        << QStringLiteral("mematlas-capture: %1/2/smaps: process 2 has no mappings (kernel thread or zombie): "
                          "nothing to roll up\n")
               .arg(tree)
               .toUtf8();
    QTest::newRow("unknown option") << list({"--bogus"}) << QByteArray("mematlas-capture: Unknown option 'bogus'.\n");
    QTest::newRow("nothing to do") << QStringList()
                                   << QByteArray("mematlas-capture: nothing to do: give --print REPORT (see --help)\n");
}

void tst_Capture::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expectedError);
    if (arguments.contains(QLatin1String("999999")) && QFileInfo::exists(QStringLiteral("/proc/999999")))
        QSKIP("PID 999999 exists right now");
    const Run ours = capture(arguments);
    QCOMPARE(ours.err, expectedError);
    QCOMPARE(ours.exitCode, 1);
    QCOMPARE(ours.out, QByteArray());
}

void tst_Capture::permissionDenied()
{
    // PID 1 belongs to root; without ptrace access to it (an unprivileged user, or root without
    // CAP_SYS_PTRACE in a sandbox) its maps cannot be opened.
    const int fd = ::open("/proc/1/maps", O_RDONLY | O_CLOEXEC);
    const int openError = errno;
    if (fd >= 0)
        ::close(fd);
    if (fd >= 0 || (openError != EACCES && openError != EPERM))
        QSKIP("/proc/1/maps is readable here");
    const Run ours = capture({QStringLiteral("--print"), QStringLiteral("maps"), QStringLiteral("--pid"), QStringLiteral("1")});
    QCOMPARE(ours.exitCode, 1);
    QVERIFY2(ours.err.startsWith("mematlas-capture: /proc/1/maps: permission denied"), ours.err.constData());
    QCOMPARE(ours.err.count('\n'), 1);
    QCOMPARE(ours.out, QByteArray());
}

void tst_Capture::helpAndVersion()
{
    const Run version = capture({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QByteArray("mematlas-capture " MEMATLAS_VERSION "\n"));

    const Run help = capture({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *option : {"--print <report>", "--pid <pid>", "--proc-root <dir>", "--wide", "--version"})
        QVERIFY2(help.out.contains(option), option);
}

QTEST_GUILESS_MAIN(tst_Capture)
#include "tst_capture.moc"
