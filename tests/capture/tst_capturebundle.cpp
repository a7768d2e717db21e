// mematlas-capture -o FILE.mematlas as users run it: a stopped child captured from the live /proc and
// printed back from the bundle, recorded trees round-tripped through a bundle, tar's view of it,
// signals in the middle of a capture, and bad input.
#include "bundleprocsource.h"
#include "kpageflags.h"
#include "liveprocsource.h"
#include "mapsparser.h"
#include "meminfo.h"
#include "pageentry.h"
#include "processinfo.h"

#include "captureprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QSet>
#include <QTest>

#include <csignal>
#include <sys/utsname.h>
#include <unistd.h>

using namespace CaptureProcess;

namespace {

QString treePath(const QString &tree)
{
    return QDir::cleanPath(QStringLiteral(MEMATLAS_TEST_DATA "/trees/") + tree);
}

// Every name in a directory, hidden ones (a capture's temporary file) included.
QStringList directoryEntries(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

QString kernelRelease()
{
    utsname names{};
    return ::uname(&names) == 0 ? QString::fromUtf8(names.release) : QString();
}

} // namespace

class TstCaptureBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void stoppedChild();
    void tarListing();
    void redactedForSharing();
    void recordedTrees_data();
    void recordedTrees();
    void processThatDoesNotExist();
    void noProcessCaptured();
    void refusesToOverwrite();
    void interrupted_data();
    void interrupted();
    void progressOnlyOnATerminal();
    void badBundle();
    void errors_data();
    void errors();

private:
    QString procFile(const QString &name) const { return QStringLiteral("/proc/%1/%2").arg(m_pid).arg(name); }
    QString childBundle() const { return m_output.filePath(QStringLiteral("child.mematlas")); }

    QTemporaryDir m_privateFiles;
    QTemporaryDir m_output;
    QString m_loader; // the child's private copy of the dynamic loader, which it was started through
    QProcess m_child;
    int m_pid = 0;
};

void TstCaptureBundle::initTestCase()
{
    // The child runs `sleep 1000` on private copies of sleep, libc and the dynamic loader, then is
    // stopped. Pss divides a page among all processes mapping it: with the system's libc, the
    // capture's own run would change the child's Pss between capture and comparison. Pages nobody
    // else maps keep its numbers still.
    QVERIFY(m_privateFiles.isValid());
    QVERIFY(m_output.isValid());
    const QString sleep = QStandardPaths::findExecutable(QStringLiteral("sleep"));
    QVERIFY(!sleep.isEmpty());
    QString libc;
    QString loader;
    for (const QByteArray &line : readAll(QStringLiteral("/proc/self/maps")).split('\n')) {
        const QString path = line.contains('/') ? QString::fromUtf8(line.mid(line.indexOf('/'))) : QString();
        if (QFileInfo(path).fileName().startsWith(QLatin1String("libc.so")))
            libc = path;
        else if (QFileInfo(path).fileName().startsWith(QLatin1String("ld-linux")))
            loader = path;
    }
    QVERIFY2(!libc.isEmpty() && !loader.isEmpty(), "libc or the dynamic loader not found in /proc/self/maps");
    const QDir dir(m_privateFiles.path());
    for (const QString &file : {sleep, libc, loader})
        QVERIFY(QFile::copy(file, dir.filePath(QFileInfo(file).fileName())));
    // The C locale: no locale files, which every process with a UTF-8 locale shares.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : environment.keys()) {
        if (key.startsWith(QLatin1String("LC_")) || key.startsWith(QLatin1String("LANG")))
            environment.remove(key);
    }
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    m_child.setProcessEnvironment(environment);
    m_loader = dir.filePath(QFileInfo(loader).fileName());
    m_child.start(m_loader,
                  {QStringLiteral("--library-path"), dir.path(), dir.filePath(QStringLiteral("sleep")), QStringLiteral("1000")});
    QVERIFY2(m_child.waitForStarted(), qPrintable(m_child.errorString()));
    m_pid = int(m_child.processId());
    QTRY_VERIFY_WITH_TIMEOUT(readAll(procFile(QStringLiteral("maps"))).contains(QByteArray(QFile::encodeName(dir.path()) + "/libc"))
                                 && readAll(procFile(QStringLiteral("stat"))).contains(") S "),
                             10000);
    QCOMPARE(::kill(m_pid, SIGSTOP), 0);
    QTRY_VERIFY_WITH_TIMEOUT(readAll(procFile(QStringLiteral("stat"))).contains(") T "), 10000);

    const Run run = capture({QStringLiteral("--pid"), QString::number(m_pid), QStringLiteral("--pagemap"),
                             QStringLiteral("--meminfo-samples"), QStringLiteral("3"), QStringLiteral("--interval"),
                             QStringLiteral("50"), QStringLiteral("-o"), childBundle()});
    // Root reads everything; another user is told once that frame data needs root.
    if (::geteuid() == 0)
        QCOMPARE(run.err, QByteArray());
    else
        QCOMPARE(run.err.count("physical frame numbers are hidden"), 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(run.exitCode, 0);
}

void TstCaptureBundle::cleanupTestCase()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        m_child.waitForFinished();
    }
}

void TstCaptureBundle::stoppedChild()
{
    // The bundle's text, printed back, is the kernel's now: the child has not moved.
    const QStringList fromBundle{QStringLiteral("--proc-root"), childBundle(), QStringLiteral("--pid"), QString::number(m_pid),
                                 QStringLiteral("--print")};
    const Run maps = capture(fromBundle + QStringList{QStringLiteral("maps")});
    QCOMPARE(maps.err, QByteArray());
    QCOMPARE(maps.exitCode, 0);
    QCOMPARE(maps.out, readAll(procFile(QStringLiteral("maps"))));
    const Run rollup = capture(fromBundle + QStringList{QStringLiteral("rollup")});
    QCOMPARE(rollup.exitCode, 0);
    QCOMPARE(rollup.out, readAll(procFile(QStringLiteral("smaps_rollup"))));
    const Run smaps = capture(fromBundle + QStringList{QStringLiteral("smaps")});
    QCOMPARE(smaps.exitCode, 0);
    QCOMPARE(smaps.out, capture({QStringLiteral("--pid"), QString::number(m_pid), QStringLiteral("--print"), QStringLiteral("smaps")}).out);

    QString error;
    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(childBundle(), &error);
    QVERIFY2(bundle, qPrintable(error));
    const LiveProcSource live;
    const BundleManifest &manifest = bundle->manifest();
    QCOMPARE(manifest.formatVersion, 1);
    QCOMPARE(manifest.tool, QStringLiteral("mematlas-capture " MEMATLAS_VERSION));
    QCOMPARE(manifest.source, QStringLiteral("live /proc"));
    QCOMPARE(manifest.kernelRelease, kernelRelease());
    QCOMPARE(manifest.hostName, QSysInfo::machineHostName());
    QCOMPARE(manifest.pageSize, quint64(::sysconf(_SC_PAGESIZE)));
    QCOMPARE(manifest.processes.size(), 1);
    QCOMPARE(manifest.processes[0].pid, m_pid);
    QCOMPARE(manifest.processes[0].command, ProcessInfo::read(live, m_pid, nullptr)->commandLine());
    QCOMPARE(bundle->pids(), QList<int>{m_pid});
    for (const char *name : {"status", "stat", "statm", "cmdline", "smaps"})
        QCOMPARE(bundle->readFile(QStringLiteral("%1/%2").arg(m_pid).arg(QLatin1String(name))).data, readAll(procFile(QLatin1String(name))));
    // Started through the loader, which is then what exe names.
    QCOMPARE(bundle->readLink(QStringLiteral("%1/exe").arg(m_pid)), m_loader);

    // Three meminfo samples, at least the interval apart, each a whole meminfo of this machine.
    QCOMPARE(manifest.meminfoSamples.size(), 3);
    const std::optional<quint64> memTotal = Meminfo::parse(readAll(QStringLiteral("/proc/meminfo"))).value.value("MemTotal");
    for (qsizetype i = 0; i < 3; ++i) {
        const BundleManifest::MeminfoSample &sample = manifest.meminfoSamples[i];
        QCOMPARE(sample.path, QStringLiteral("proc/meminfo.samples/00000%1").arg(i));
        const Parsed<Meminfo> parsed = Meminfo::parse(bundle->readFile(sample.path.mid(5)).data);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value.value("MemTotal"), memTotal);
        if (i > 0)
            QVERIFY(manifest.meminfoSamples[i - 1].time.msecsTo(sample.time) >= 49);
    }

    // The pagemap of every mapping is the kernel's, page for page.
    const QString pagemap = QStringLiteral("%1/pagemap").arg(m_pid);
    const QList<Mapping> mappings = MapsParser::parse(readAll(procFile(QStringLiteral("maps")))).value;
    quint64 present = 0;
    QList<quint64> stackPfns;
    for (const Mapping &mapping : mappings) {
        if (mapping.start >= quint64(1) << 63)
            continue; // [vsyscall]: pagemap does not reach it
        const quint64 offset = mapping.start / manifest.pageSize * 8;
        const quint64 length = mapping.size() / manifest.pageSize * 8;
        const ReadResult expected = live.readRange(pagemap, offset, length);
        QVERIFY(expected.ok());
        QCOMPARE(bundle->readRange(pagemap, offset, length).data, expected.data);
        for (qsizetype i = 0; i < expected.data.size(); i += 8) {
            quint64 raw = 0;
            std::memcpy(&raw, expected.data.constData() + i, 8);
            const PageEntry entry = PageEntry::decode(raw);
            present += entry.present;
            if (entry.present && mapping.path == QLatin1String("[stack]"))
                stackPfns.append(entry.pfn);
        }
    }
    QVERIFY(present > 10);
    QVERIFY(!stackPfns.isEmpty());

    // Frames: root sees them. The stack's pages are the child's alone: anonymous, mapped once.
    if (::geteuid() != 0 || stackPfns.constFirst() == 0) {
        QCOMPARE(bundle->readRange(QStringLiteral("kpageflags"), 0, 8).status, ReadResult::Status::PermissionDenied);
        QSKIP("frame data needs root");
    }
    for (quint64 pfn : std::as_const(stackPfns)) {
        quint64 flags = 0;
        quint64 count = 0;
        std::memcpy(&flags, bundle->readRange(QStringLiteral("kpageflags"), pfn * 8, 8).data.constData(), 8);
        std::memcpy(&count, bundle->readRange(QStringLiteral("kpagecount"), pfn * 8, 8).data.constData(), 8);
        QVERIFY2(flags & (quint64(1) << KPageFlags::Anon), qPrintable(KPageFlags::names(flags).join(QLatin1Char(' '))));
        QVERIFY(flags & (quint64(1) << KPageFlags::Mmap));
        QCOMPARE(count, quint64(1));
    }
}

void TstCaptureBundle::tarListing()
{
    const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
    if (tar.isEmpty())
        QSKIP("tar is not installed");
    const Run listing = run(tar, {QStringLiteral("--zstd"), QStringLiteral("-tf"), childBundle()});
    QCOMPARE(listing.err, QByteArray());
    QCOMPARE(listing.exitCode, 0);
    QStringList expected{QStringLiteral("manifest.json"), QStringLiteral("proc/meminfo")};
    for (const char *name : {"maps", "smaps", "smaps_rollup", "status", "stat", "statm", "cmdline", "exe", "pagemap.ranges"})
        expected.append(QStringLiteral("proc/%1/%2").arg(m_pid).arg(QLatin1String(name)));
    for (const char *sample : {"000000", "000001", "000002"})
        expected.append(QStringLiteral("proc/meminfo.samples/") + QLatin1String(sample));
    // Frame data only for root, who may read kpageflags.
    if (::access("/proc/kpageflags", R_OK) == 0)
        expected.append(QStringLiteral("proc/kpage.frames"));
    QCOMPARE(QString::fromUtf8(listing.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    QVERIFY(!listing.out.contains("environ"));
}

void TstCaptureBundle::redactedForSharing()
{
    // The child runs from a private directory (not a system one), with arguments: --redact keeps the
    // program's name alone and gives every private file one alias, in maps, smaps and the exe link.
    const QString shared = m_output.filePath(QStringLiteral("shared.mematlas"));
    const Run run = capture({QStringLiteral("--pid"), QString::number(m_pid), QStringLiteral("--redact"), QStringLiteral("-o"), shared});
    QCOMPARE(run.exitCode, 0);
    QString error;
    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(shared, &error);
    QVERIFY2(bundle, qPrintable(error));
    QVERIFY(bundle->manifest().redacted);
    const QString dir = QString::number(m_pid) + QLatin1Char('/');
    QCOMPARE(bundle->readFile(dir + QStringLiteral("cmdline")).data, QFileInfo(m_loader).fileName().toUtf8() + '\0');
    const QByteArray privatePath = QFile::encodeName(m_privateFiles.path());
    for (const char *name : {"maps", "smaps", "cmdline", "status", "stat", "statm"}) {
        const QByteArray text = bundle->readFile(dir + QLatin1String(name)).data;
        QVERIFY2(!text.contains(privatePath), name);
    }
    QVERIFY(!bundle->readFile(dir + QStringLiteral("cmdline")).data.contains("1000")); // sleep's argument
    // Same addresses, same number of mappings; the private files are aliases, the system's stay.
    const QByteArray maps = bundle->readFile(dir + QStringLiteral("maps")).data;
    const QList<Mapping> live = MapsParser::parse(readAll(procFile(QStringLiteral("maps")))).value;
    const QList<Mapping> shown = MapsParser::parse(maps).value;
    QCOMPARE(shown.size(), live.size());
    QSet<QString> aliases;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        QCOMPARE(shown.at(i).start, live.at(i).start);
        if (live.at(i).path.startsWith(m_privateFiles.path())) {
            QVERIFY(shown.at(i).path.startsWith(QLatin1String("/redacted/file-")));
            aliases.insert(shown.at(i).path);
        } else {
            QCOMPARE(shown.at(i).path, live.at(i).path);
        }
    }
    QCOMPARE(aliases.size(), 3); // sleep, libc, the loader: one alias each however many mappings
    QVERIFY(aliases.contains(bundle->readLink(dir + QStringLiteral("exe"))));
    QCOMPARE(bundle->manifest().process(m_pid)->command, QFileInfo(m_loader).fileName());
}

void TstCaptureBundle::recordedTrees_data()
{
    QTest::addColumn<QString>("tree");
    for (const char *tree : {"bash", "threads", "files", "anon-names", "old-kernel"})
        QTest::newRow(tree) << QString::fromLatin1(tree);
}

void TstCaptureBundle::recordedTrees()
{
    // Every report read from a bundle of a tree is the report read from the tree itself, failures
    // too (old-kernel's maps is cut short), where messages name the bundle instead of the tree.
    QFETCH(QString, tree);
    const QString bundle = m_output.filePath(tree + QStringLiteral(".mematlas"));
    const Run made = capture({QStringLiteral("--proc-root"), treePath(tree), QStringLiteral("--all"), QStringLiteral("-o"), bundle});
    QCOMPARE(made.err, QByteArray());
    QCOMPARE(made.exitCode, 0);
    QList<QStringList> reports{{QStringLiteral("free")}, {QStringLiteral("free"), QStringLiteral("--wide")}, {QStringLiteral("top")}};
    const QStringList pids = QDir(treePath(tree)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        for (const char *report : {"maps", "smaps", "rollup"})
            reports.append({QLatin1String(report), QStringLiteral("--pid"), pid});
    }
    int succeeded = 0;
    for (const QStringList &report : std::as_const(reports)) {
        const Run fromTree = capture(QStringList{QStringLiteral("--proc-root"), treePath(tree), QStringLiteral("--print")} + report);
        const Run fromBundle = capture(QStringList{QStringLiteral("--proc-root"), bundle, QStringLiteral("--print")} + report);
        QVERIFY2(fromTree.exitCode >= 0, qPrintable(report.join(QLatin1Char(' '))));
        QCOMPARE(fromBundle.exitCode, fromTree.exitCode);
        QCOMPARE(fromBundle.err, QByteArray(fromTree.err).replace(QFile::encodeName(treePath(tree)), QFile::encodeName(bundle)));
        QCOMPARE(fromBundle.out, fromTree.out);
        succeeded += fromTree.exitCode == 0 && !fromTree.out.isEmpty();
    }
    QVERIFY(succeeded >= reports.size() - 1);
}

void TstCaptureBundle::processThatDoesNotExist()
{
    if (QFileInfo::exists(QStringLiteral("/proc/999999")))
        QSKIP("PID 999999 exists right now");
    const QString path = m_output.filePath(QStringLiteral("partly.mematlas"));
    const Run run = capture({QStringLiteral("--pid"), QString::number(m_pid), QStringLiteral("--pid"), QStringLiteral("999999"),
                             QStringLiteral("-o"), path});
    QCOMPARE(run.err, QByteArray("mematlas-capture: warning: process 999999 does not exist\n"));
    QCOMPARE(run.exitCode, 0);
    QString error;
    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(path, &error);
    QVERIFY2(bundle, qPrintable(error));
    QCOMPARE(bundle->pids(), QList<int>{m_pid});
    const BundleManifest::Process *missing = bundle->manifest().process(999999);
    QVERIFY(missing);
    QVERIFY(missing->exited);
    QCOMPARE(missing->message, QStringLiteral("process 999999 does not exist"));
    const Run printed = capture({QStringLiteral("--proc-root"), path, QStringLiteral("--print"), QStringLiteral("maps"),
                                 QStringLiteral("--pid"), QStringLiteral("999999")});
    QCOMPARE(printed.err, QByteArray("mematlas-capture: process 999999 does not exist\n"));
    QCOMPARE(printed.exitCode, 1);
}

void TstCaptureBundle::noProcessCaptured()
{
    if (QFileInfo::exists(QStringLiteral("/proc/999999")))
        QSKIP("PID 999999 exists right now");
    QTemporaryDir dir;
    const Run run = capture({QStringLiteral("--pid"), QStringLiteral("999999"), QStringLiteral("-o"), dir.filePath(QStringLiteral("none.mematlas"))});
    QCOMPARE(run.err, QByteArray("mematlas-capture: warning: process 999999 does not exist\n"
                                 "mematlas-capture: none of the processes could be captured; no bundle written\n"));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(directoryEntries(dir.path()), QStringList());
}

void TstCaptureBundle::refusesToOverwrite()
{
    const QString path = m_output.filePath(QStringLiteral("existing.mematlas"));
    QFile existing(path);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("not to be lost\n");
    existing.close();
    const QStringList arguments{QStringLiteral("--proc-root"), treePath(QStringLiteral("sleep")), QStringLiteral("--all"),
                                QStringLiteral("-o"), path};
    const Run refused = capture(arguments);
    QCOMPARE(refused.err, QStringLiteral("mematlas-capture: %1: already exists (use --force to overwrite)\n").arg(path).toUtf8());
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(readAll(path), QByteArray("not to be lost\n"));

    const Run forced = capture(arguments + QStringList{QStringLiteral("--force")});
    QCOMPARE(forced.err, QByteArray());
    QCOMPARE(forced.exitCode, 0);
    QString error;
    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(path, &error);
    QVERIFY2(bundle, qPrintable(error));
    QCOMPARE(bundle->pids(), QList<int>{12069});
}

void TstCaptureBundle::interrupted_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<int>("afterMs");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("SIGTERM early") << int(SIGTERM) << 300 << QByteArray("SIGTERM");
    QTest::newRow("SIGTERM later") << int(SIGTERM) << 1500 << QByteArray("SIGTERM");
    QTest::newRow("SIGINT") << int(SIGINT) << 800 << QByteArray("SIGINT");
}

void TstCaptureBundle::interrupted()
{
    // A long capture (every process with its pagemap, then a thousand meminfo samples) stopped by a
    // signal: a non-zero exit, a one-line reason, and nothing left in the directory.
    QFETCH(int, signalNumber);
    QFETCH(int, afterMs);
    QFETCH(QByteArray, name);
    QTemporaryDir dir;
    QProcess process;
    process.start(QStringLiteral(MEMATLAS_CAPTURE_BIN),
                  {QStringLiteral("--all"), QStringLiteral("--pagemap"), QStringLiteral("--meminfo-samples"), QStringLiteral("1000"),
                   QStringLiteral("--interval"), QStringLiteral("10"), QStringLiteral("-o"), dir.filePath(QStringLiteral("all.mematlas"))});
    QVERIFY(process.waitForStarted());
    QVERIFY(!process.waitForFinished(afterMs));
    QCOMPARE(::kill(pid_t(process.processId()), signalNumber), 0);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 128 + signalNumber);
    QCOMPARE(process.readAllStandardError(), "mematlas-capture: interrupted by " + name + "; no bundle written\n");
    QCOMPARE(directoryEntries(dir.path()), QStringList());
}

void TstCaptureBundle::progressOnlyOnATerminal()
{
    // 12 samples 100 ms apart take over a second, long enough for progress, which goes to a terminal
    // only: here stderr is a pipe and stays empty; under script(1) it is a terminal.
    const QStringList arguments{QStringLiteral("--meminfo-samples"), QStringLiteral("12"), QStringLiteral("--interval"),
                                QStringLiteral("100"), QStringLiteral("-o")};
    QTemporaryDir dir;
    const Run piped = capture(arguments + QStringList{dir.filePath(QStringLiteral("piped.mematlas"))});
    QCOMPARE(piped.exitCode, 0);
    QCOMPARE(piped.err, QByteArray());

    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (script.isEmpty())
        QSKIP("script (util-linux) is not installed");
    QStringList command{QStringLiteral(MEMATLAS_CAPTURE_BIN)};
    command << arguments << dir.filePath(QStringLiteral("terminal.mematlas"));
    const Run terminal = run(script, {QStringLiteral("-qec"), command.join(QLatin1Char(' ')), QStringLiteral("/dev/null")});
    QCOMPARE(terminal.exitCode, 0);
    QVERIFY2(terminal.out.contains("\rmematlas-capture: meminfo sample 12 of 12\033[K"), terminal.out.constData());
    QVERIFY(terminal.out.endsWith("\r\033[K"));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("terminal.mematlas"))));
}

void TstCaptureBundle::badBundle()
{
    const QString path = m_output.filePath(QStringLiteral("empty.mematlas"));
    QFile empty(path);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    const Run run = capture({QStringLiteral("--print"), QStringLiteral("free"), QStringLiteral("--proc-root"), path});
    QCOMPARE(run.err, QStringLiteral("mematlas-capture: %1: empty file, not a MemAtlas bundle\n").arg(path).toUtf8());
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
}

void TstCaptureBundle::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expectedError");
    const auto list = [](std::initializer_list<const char *> arguments) {
        QStringList result;
        for (const char *argument : arguments)
            result << QString::fromUtf8(argument);
        return result;
    };
    QTest::newRow("nothing to capture") << list({"-o", "x.mematlas"})
                                        << QByteArray("nothing to capture: give --pid PID, --all or --meminfo-samples N");
    QTest::newRow("pid and all") << list({"-o", "x.mematlas", "--all", "--pid", "1"}) << QByteArray("--pid and --all cannot be combined");
    QTest::newRow("print and output") << list({"-o", "x.mematlas", "--print", "free"}) << QByteArray("--print and -o cannot be combined");
    QTest::newRow("wide and output") << list({"-o", "x.mematlas", "--all", "--wide"}) << QByteArray("--wide applies to --print free only");
    QTest::newRow("interval alone") << list({"-o", "x.mematlas", "--all", "--interval", "5"})
                                    << QByteArray("--interval applies to --meminfo-samples only");
    QTest::newRow("no samples") << list({"-o", "x.mematlas", "--meminfo-samples", "0"})
                                << QByteArray("--meminfo-samples: '0' is not a whole number from 1 to 999999");
    QTest::newRow("negative interval") << list({"-o", "x.mematlas", "--meminfo-samples", "2", "--interval", "-5"})
                                       << QByteArray("--interval: '-5' is not a whole number from 0 to 3600000");
    QTest::newRow("pid not a number") << list({"-o", "x.mematlas", "--pid", "1", "--pid", "x"}) << QByteArray("--pid: 'x' is not a process ID");
    QTest::newRow("no such directory") << list({"-o", "/nonexistent/dir/x.mematlas", "--all"})
                                       << QByteArray("/nonexistent/dir: no such directory");
    QTest::newRow("proc root missing") << list({"-o", "x.mematlas", "--all", "--proc-root", "/nonexistent/proc"})
                                       << QByteArray("--proc-root /nonexistent/proc: no such directory");
    QTest::newRow("pagemap without output") << list({"--print", "free", "--pagemap"})
                                            << QByteArray("--pagemap applies to capturing (-o FILE) only");
    QTest::newRow("force without output") << list({"--force"}) << QByteArray("--force applies to capturing (-o FILE) only");
    QTest::newRow("all without output") << list({"--all", "--print", "top"}) << QByteArray("--all applies to capturing (-o FILE) only");
    QTest::newRow("two pids to print") << list({"--print", "maps", "--pid", "1", "--pid", "2"})
                                       << QByteArray("--print maps reports on one --pid");
}

void TstCaptureBundle::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expectedError);
    QTemporaryDir dir;
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(QStringLiteral(MEMATLAS_CAPTURE_BIN), arguments);
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.readAllStandardError(), "mematlas-capture: " + expectedError + '\n');
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(directoryEntries(dir.path()), QStringList());
}

QTEST_GUILESS_MAIN(TstCaptureBundle)
#include "tst_capturebundle.moc"
