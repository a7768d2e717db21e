// mematlas-demo driven through DemoProcess, each command checked against what the kernel reports
// about the demo (maps, stat, pagemap) through the project's own readers.
#include "demoprocess.h"
#include "liveprocsource.h"
#include "mapsparser.h"
#include "pageentry.h"
#include "pagemapreader.h"
#include "processstat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <optional>
#include <unistd.h>

namespace {
const QString DemoProgram = QStringLiteral(MEMATLAS_DEMO_BIN);
const quint64 Page = quint64(sysconf(_SC_PAGESIZE));
constexpr quint64 KiB = 1024;
constexpr quint64 MiB = 1024 * KiB;
constexpr int ReplyTimeoutMs = 30'000;

quint64 pageDown(quint64 address)
{
    return address / Page * Page;
}

quint64 pageUp(quint64 address)
{
    return pageDown(address + Page - 1);
}

// Sends command and waits for its reply; an empty object when none came.
QJsonObject run(DemoProcess &demo, const QString &command)
{
    QSignalSpy replies(&demo, &DemoProcess::replied);
    demo.send(command);
    if (!replies.wait(ReplyTimeoutMs) || replies.size() != 1 || replies.at(0).at(0).toString() != command)
        return {};
    return replies.at(0).at(1).toJsonObject();
}

bool startDemo(DemoProcess &demo)
{
    QSignalSpy started(&demo, &DemoProcess::started);
    demo.start();
    return started.wait(ReplyTimeoutMs) && started.at(0).at(0).toLongLong() == demo.pid() && demo.pid() > 0;
}

quint64 address(const QJsonObject &reply, const char *key)
{
    return DemoProcess::address(reply, QLatin1String(key));
}

quint64 number(const QJsonObject &reply, const char *key)
{
    return quint64(reply.value(QLatin1String(key)).toInteger());
}

QString describe(const QJsonObject &reply)
{
    return QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));
}

struct Maps
{
    QList<Mapping> mappings;
    QString error;

    std::optional<Mapping> containing(quint64 address) const
    {
        for (const Mapping &mapping : mappings) {
            if (address >= mapping.start && address < mapping.end)
                return mapping;
        }
        return std::nullopt;
    }
    std::optional<Mapping> named(const QString &path) const
    {
        for (const Mapping &mapping : mappings) {
            if (mapping.path == path)
                return mapping;
        }
        return std::nullopt;
    }
};

Maps mapsOf(qint64 pid)
{
    const LiveProcSource source;
    const ReadResult read = source.readFile(QStringLiteral("%1/maps").arg(pid));
    if (!read.ok())
        return {{}, read.message};
    const Parsed<QList<Mapping>> parsed = MapsParser::parse(read.data);
    return {parsed.value, parsed.error.toString()};
}

std::optional<ProcessStat> statOf(qint64 pid)
{
    const LiveProcSource source;
    const ReadResult read = source.readFile(QStringLiteral("%1/stat").arg(pid));
    if (!read.ok())
        return std::nullopt;
    const Parsed<ProcessStat> parsed = ProcessStat::parse(read.data);
    return parsed.ok() ? std::optional(parsed.value) : std::nullopt;
}

ReadOutcome<PageMapSnapshot> pagesOf(qint64 pid, quint64 start, quint64 end)
{
    const LiveProcSource source;
    return PageMapReader(source).read(int(pid), {{start, end}});
}

// The entry of the page holding address, in a read of a single range.
PageEntry entryAt(const ReadOutcome<PageMapSnapshot> &read, quint64 address)
{
    const PageMapSnapshot::Range &range = read.value.ranges.at(0);
    return PageEntry::decode(range.rawEntry((pageDown(address) - range.start) / Page));
}

// Neither running nor a zombie: gone, or (reparented after its parent died) already reaped.
bool isGone(qint64 pid)
{
    const std::optional<ProcessStat> stat = statOf(pid);
    return !stat || stat->state == 'Z' || stat->state == 'X';
}
} // namespace

class TstDemoProcess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void smallBlocksGrowTheHeap();
    void largeBlockGetsItsOwnMapping();
    void mapFileIsFileBacked_data();
    void mapFileIsFileBacked();
    void forkSharesUntilTheChildWrites_data();
    void forkSharesUntilTheChildWrites();
    void stackGrowsDown();
    void badCommandsAreRefused_data();
    void badCommandsAreRefused();
    void noProcessLeftBehind_data();
    void noProcessLeftBehind();
    void startAndSendFailures();
    void findProgram();
};

void TstDemoProcess::initTestCase()
{
    QVERIFY2(QFileInfo(DemoProgram).isExecutable(), qPrintable(DemoProgram));
}

void TstDemoProcess::smallBlocksGrowTheHeap()
{
    DemoProcess demo(DemoProgram);
    QVERIFY(startDemo(demo));
    // After a first reply the demo's stdio buffers exist, so its heap does.
    QVERIFY(run(demo, QStringLiteral("status")).value(QLatin1String("ok")).toBool());
    const Maps before = mapsOf(demo.pid());
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    const std::optional<Mapping> heapBefore = before.named(QStringLiteral("[heap]"));
    QVERIFY(heapBefore);

    constexpr quint64 Count = 4096;
    constexpr quint64 Size = 512;
    const QJsonObject small = run(demo, QStringLiteral("small %1 %2").arg(Count).arg(Size));
    QVERIFY2(small.value(QLatin1String("ok")).toBool(), qPrintable(describe(small)));
    const Maps after = mapsOf(demo.pid());
    const std::optional<Mapping> heapAfter = after.named(QStringLiteral("[heap]"));
    QVERIFY(heapAfter);
    QCOMPARE(heapAfter->start, heapBefore->start);
    QCOMPARE(address(small, "heapStart"), heapAfter->start);
    // maps shows the program break rounded up to a page.
    QCOMPARE(pageUp(address(small, "brkBefore")), heapBefore->end);
    QCOMPARE(pageUp(address(small, "brkAfter")), heapAfter->end);
    // At most the whole old heap was free for reuse; the rest of 2 MiB had to come through brk.
    QVERIFY2(heapAfter->end >= heapBefore->end + Count * Size - heapBefore->size(),
             qPrintable(QStringLiteral("heap %1 KiB -> %2 KiB").arg(heapBefore->size() / KiB).arg(heapAfter->size() / KiB)));
    QCOMPARE(demo.regionOfInterest(), qMakePair(heapAfter->start, address(small, "brkAfter")));

    // Freed, the memory stays with malloc: the heap keeps its end, and the next blocks reuse it.
    const QJsonObject freed = run(demo, QStringLiteral("free-small"));
    QVERIFY2(freed.value(QLatin1String("ok")).toBool(), qPrintable(describe(freed)));
    QCOMPARE(number(freed, "freed"), Count - 1);
    QCOMPARE(freed.value(QLatin1String("heapShrank")).toBool(), false);
    QCOMPARE(mapsOf(demo.pid()).named(QStringLiteral("[heap]"))->end, heapAfter->end);
    const QJsonObject again = run(demo, QStringLiteral("small %1 %2").arg(Count).arg(Size));
    QVERIFY2(again.value(QLatin1String("ok")).toBool(), qPrintable(describe(again)));
    QCOMPARE(address(again, "brkAfter"), address(again, "brkBefore"));
    QCOMPARE(mapsOf(demo.pid()).named(QStringLiteral("[heap]"))->end, heapAfter->end);
}

void TstDemoProcess::largeBlockGetsItsOwnMapping()
{
    DemoProcess demo(DemoProgram);
    QVERIFY(startDemo(demo));
    const Maps before = mapsOf(demo.pid());
    const QJsonObject large = run(demo, QStringLiteral("large"));
    QVERIFY2(large.value(QLatin1String("ok")).toBool(), qPrintable(describe(large)));
    const quint64 start = address(large, "address");
    const quint64 size = number(large, "size");
    QCOMPARE(size, 64 * MiB);
    QVERIFY(!before.containing(start));

    const Maps after = mapsOf(demo.pid());
    const std::optional<Mapping> mapping = after.containing(start);
    QVERIFY(mapping);
    QVERIFY2(mapping->isAnonymous() && mapping->readable && mapping->writable && !mapping->shared,
             qPrintable(mapping->toMapsLine()));
    QVERIFY(mapping->size() >= 128 * KiB);
    QVERIFY(mapping->end >= start + size);
    const QPair<quint64, quint64> region{pageDown(start), pageUp(start + size)};
    QCOMPARE(demo.regionOfInterest(), region);

    // Untouched, only the page with malloc's chunk header is present; touched, all are, and each
    // page that turned present cost a page fault.
    const ReadOutcome<PageMapSnapshot> untouched = pagesOf(demo.pid(), region.first, region.second);
    QVERIFY2(untouched.ok(), qPrintable(untouched.error));
    QCOMPARE(untouched.value.pageCount, (region.second - region.first) / Page);
    QVERIFY(untouched.value.presentCount <= 1);
    const std::optional<ProcessStat> statBefore = statOf(demo.pid());
    QVERIFY(statBefore);
    const QJsonObject touch = run(demo, QStringLiteral("touch"));
    QVERIFY2(touch.value(QLatin1String("ok")).toBool(), qPrintable(describe(touch)));
    const std::optional<ProcessStat> statAfter = statOf(demo.pid());
    QVERIFY(statAfter);
    const ReadOutcome<PageMapSnapshot> touched = pagesOf(demo.pid(), region.first, region.second);
    QVERIFY2(touched.ok(), qPrintable(touched.error));
    QCOMPARE(touched.value.presentCount, touched.value.pageCount);
    QCOMPARE(number(touch, "pages"), touched.value.pageCount);
    const quint64 turnedPresent = touched.value.presentCount - untouched.value.presentCount;
    const quint64 faults = statAfter->minflt - statBefore->minflt;
    QVERIFY2(faults >= turnedPresent, qPrintable(QStringLiteral("%1 faults, %2 pages").arg(faults).arg(turnedPresent)));
    QVERIFY(number(touch, "minfltAfter") - number(touch, "minfltBefore") >= turnedPresent);

    const QJsonObject freed = run(demo, QStringLiteral("free-large"));
    QVERIFY2(freed.value(QLatin1String("ok")).toBool(), qPrintable(describe(freed)));
    QVERIFY(!mapsOf(demo.pid()).containing(start));

    // glibc raises its mmap threshold when a mapped block up to 32 MiB is freed, and would serve the
    // next such block from the heap; the demo pins the threshold, so every large block gets a mapping.
    for (int round = 0; round < 2; ++round) {
        const std::optional<Mapping> heap = mapsOf(demo.pid()).named(QStringLiteral("[heap]"));
        const QJsonObject again = run(demo, QStringLiteral("large 1M"));
        QVERIFY2(again.value(QLatin1String("ok")).toBool(), qPrintable(describe(again)));
        const Maps now = mapsOf(demo.pid());
        const std::optional<Mapping> againMapping = now.containing(address(again, "address"));
        QVERIFY2(againMapping && againMapping->isAnonymous(), qPrintable(QStringLiteral("round %1").arg(round)));
        QCOMPARE(now.named(QStringLiteral("[heap]")).value_or(Mapping()).end, heap.value_or(Mapping()).end);
        QVERIFY(run(demo, QStringLiteral("free-large")).value(QLatin1String("ok")).toBool());
    }
}

void TstDemoProcess::mapFileIsFileBacked_data()
{
    QTest::addColumn<bool>("temporary");
    QTest::newRow("its own temporary file") << true;
    QTest::newRow("a given file, with spaces in its name") << false;
}

void TstDemoProcess::mapFileIsFileBacked()
{
    QFETCH(bool, temporary);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path;
    quint64 expectedSize = MiB;
    if (!temporary) {
        path = dir.filePath(QStringLiteral("a file with spaces"));
        expectedSize = 3 * Page + 100;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(qsizetype(expectedSize), 'm'));
    }

    DemoProcess demo(DemoProgram);
    QVERIFY(startDemo(demo));
    const QJsonObject mapped = run(demo, temporary ? QStringLiteral("mapfile") : QStringLiteral("mapfile ") + path);
    QVERIFY2(mapped.value(QLatin1String("ok")).toBool(), qPrintable(describe(mapped)));
    const quint64 start = address(mapped, "address");
    QCOMPARE(number(mapped, "size"), expectedSize);
    QCOMPARE(number(mapped, "pages"), pageUp(expectedSize) / Page);
    if (temporary)
        path = mapped.value(QLatin1String("path")).toString();
    QCOMPARE(mapped.value(QLatin1String("path")).toString(), path);

    const std::optional<Mapping> mapping = mapsOf(demo.pid()).containing(start);
    QVERIFY(mapping);
    QVERIFY2(!mapping->isAnonymous() && mapping->inode != 0 && mapping->readable && !mapping->writable,
             qPrintable(mapping->toMapsLine()));
    QCOMPARE(mapping->path, path);
    QCOMPARE(mapping->deleted, temporary); // the demo unlinks its own file once mapped
    QCOMPARE(mapping->start, start);
    QCOMPARE(mapping->end, pageUp(start + expectedSize));

    // Every page was read: all present, and all page-cache pages.
    const ReadOutcome<PageMapSnapshot> pages = pagesOf(demo.pid(), mapping->start, mapping->end);
    QVERIFY2(pages.ok(), qPrintable(pages.error));
    QCOMPARE(pages.value.presentCount, pages.value.pageCount);
    for (quint64 page = mapping->start; page < mapping->end; page += Page)
        QVERIFY(entryAt(pages, page).fileOrSharedAnon);

    const QJsonObject unmapped = run(demo, QStringLiteral("unmapfile"));
    QVERIFY2(unmapped.value(QLatin1String("ok")).toBool(), qPrintable(describe(unmapped)));
    QVERIFY(!mapsOf(demo.pid()).containing(start));
}

void TstDemoProcess::forkSharesUntilTheChildWrites_data()
{
    QTest::addColumn<bool>("withLargeBlock");
    QTest::newRow("first page of the large block") << true;
    QTest::newRow("a page of its own") << false;
}

void TstDemoProcess::forkSharesUntilTheChildWrites()
{
    QFETCH(bool, withLargeBlock);
    DemoProcess demo(DemoProgram);
    QVERIFY(startDemo(demo));
    quint64 block = 0;
    if (withLargeBlock) {
        block = address(run(demo, QStringLiteral("large 1M")), "address");
        QVERIFY(block);
        QVERIFY(run(demo, QStringLiteral("touch")).value(QLatin1String("ok")).toBool());
    }
    const QJsonObject forked = run(demo, QStringLiteral("fork"));
    QVERIFY2(forked.value(QLatin1String("ok")).toBool(), qPrintable(describe(forked)));
    const qint64 child = qint64(number(forked, "childPid"));
    QCOMPARE(demo.childPid(), child);
    const std::optional<ProcessStat> childStat = statOf(child);
    QVERIFY(childStat);
    QCOMPARE(qint64(childStat->ppid), demo.pid());
    const quint64 written = address(forked, "address");
    if (withLargeBlock)
        QCOMPARE(written, block);
    // The written page, and (with the large block) the page after it, which nobody writes.
    const quint64 start = pageDown(written);
    const quint64 end = start + (withLargeBlock ? 2 : 1) * Page;
    QCOMPARE(demo.regionOfInterest(), qMakePair(start, start + Page));

    const auto read = [&](qint64 pid) {
        const ReadOutcome<PageMapSnapshot> outcome = pagesOf(pid, start, end);
        if (!outcome.ok())
            qWarning() << outcome.error;
        return outcome;
    };
    const ReadOutcome<PageMapSnapshot> parentShared = read(demo.pid());
    const ReadOutcome<PageMapSnapshot> childShared = read(child);
    QVERIFY(parentShared.ok() && childShared.ok());
    const bool pfnsReadable = !parentShared.value.pfnsHidden;
    if (!pfnsReadable)
        qInfo("PFNs read as 0 (not root): checking the exclusive bit only, not that the frames differ");
    for (quint64 page = start; page < end; page += Page) {
        const PageEntry parentEntry = entryAt(parentShared, page);
        const PageEntry childEntry = entryAt(childShared, page);
        QVERIFY(parentEntry.present && childEntry.present);
        QVERIFY(!parentEntry.exclusive && !childEntry.exclusive);
        if (pfnsReadable)
            QCOMPARE(childEntry.pfn, parentEntry.pfn);
    }

    const QJsonObject childWrite = run(demo, QStringLiteral("child-write"));
    QVERIFY2(childWrite.value(QLatin1String("ok")).toBool(), qPrintable(describe(childWrite)));
    QCOMPARE(address(childWrite, "address"), written);
    const ReadOutcome<PageMapSnapshot> parentOwn = read(demo.pid());
    const ReadOutcome<PageMapSnapshot> childOwn = read(child);
    QVERIFY(parentOwn.ok() && childOwn.ok());
    // The written page: the child has its own frame now, the parent keeps the original.
    QVERIFY(entryAt(childOwn, start).present && entryAt(childOwn, start).exclusive);
    if (pfnsReadable) {
        QVERIFY(entryAt(childOwn, start).pfn != entryAt(parentOwn, start).pfn);
        QCOMPARE(entryAt(parentOwn, start).pfn, entryAt(parentShared, start).pfn);
    }
    // The page nobody wrote is still one frame for both.
    if (withLargeBlock) {
        QVERIFY(!entryAt(childOwn, start + Page).exclusive && !entryAt(parentOwn, start + Page).exclusive);
        if (pfnsReadable)
            QCOMPARE(entryAt(childOwn, start + Page).pfn, entryAt(parentOwn, start + Page).pfn);
    }

    const QJsonObject exited = run(demo, QStringLiteral("child-exit"));
    QVERIFY2(exited.value(QLatin1String("ok")).toBool(), qPrintable(describe(exited)));
    QCOMPARE(qint64(number(exited, "childPid")), child);
    QCOMPARE(number(exited, "exitCode"), 0u);
    QCOMPARE(demo.childPid(), qint64(0));
    QVERIFY(!LiveProcSource().processExists(int(child))); // reaped, not a zombie
}

void TstDemoProcess::stackGrowsDown()
{
    DemoProcess demo(DemoProgram);
    QVERIFY(startDemo(demo));
    const std::optional<Mapping> before = mapsOf(demo.pid()).named(QStringLiteral("[stack]"));
    QVERIFY(before);
    constexpr quint64 Kib = 2048;
    const QJsonObject grown = run(demo, QStringLiteral("stack %1").arg(Kib));
    QVERIFY2(grown.value(QLatin1String("ok")).toBool(), qPrintable(describe(grown)));
    const quint64 lowest = address(grown, "lowest");
    // The recursion returned, but the kernel keeps the stack mapping grown down past its lowest frame.
    const std::optional<Mapping> after = mapsOf(demo.pid()).named(QStringLiteral("[stack]"));
    QVERIFY(after);
    QCOMPARE(after->end, before->end);
    QVERIFY(after->start < before->start);
    QVERIFY(after->start <= lowest && lowest < before->start);
    QVERIFY(after->size() >= Kib * KiB);
    QVERIFY(address(grown, "top") - lowest >= Kib * KiB);
    const ReadOutcome<PageMapSnapshot> page = pagesOf(demo.pid(), pageDown(lowest), pageDown(lowest) + Page);
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.presentCount, 1u);
}

void TstDemoProcess::badCommandsAreRefused_data()
{
    QTest::addColumn<QStringList>("setup"); // commands that succeed first
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error"); // the start of the error message
    const QStringList none;
    QTest::newRow("empty") << none << QString() << QStringLiteral("empty command");
    QTest::newRow("unknown") << none << QStringLiteral("frobnicate 1") << QStringLiteral("unknown command \"frobnicate\"");
    QTest::newRow("count not a number") << none << QStringLiteral("small x") << QStringLiteral("N must be");
    QTest::newRow("count zero") << none << QStringLiteral("small 0") << QStringLiteral("N must be");
    QTest::newRow("block too small for the chain") << none << QStringLiteral("small 10 4") << QStringLiteral("SIZE must be");
    QTest::newRow("block above 64 KiB") << none << QStringLiteral("small 10 65537") << QStringLiteral("SIZE must be");
    QTest::newRow("over 1 GiB in all") << none << QStringLiteral("small 1000000 64K") << QStringLiteral("N x SIZE");
    QTest::newRow("large below the threshold") << none << QStringLiteral("large 1K") << QStringLiteral("SIZE must be");
    QTest::newRow("bad suffix") << none << QStringLiteral("large 5Q") << QStringLiteral("SIZE must be");
    QTest::newRow("negative") << none << QStringLiteral("large -1") << QStringLiteral("SIZE must be");
    QTest::newRow("overflow") << none << QStringLiteral("large 99999999999999999999") << QStringLiteral("SIZE must be");
    QTest::newRow("two large blocks") << QStringList{QStringLiteral("large")} << QStringLiteral("large")
                                      << QStringLiteral("there is a large block already");
    QTest::newRow("touch without block") << none << QStringLiteral("touch") << QStringLiteral("no large block");
    QTest::newRow("free without block") << none << QStringLiteral("free-large") << QStringLiteral("no large block");
    QTest::newRow("free-small without blocks") << none << QStringLiteral("free-small") << QStringLiteral("no small blocks");
    QTest::newRow("unmap without file") << none << QStringLiteral("unmapfile") << QStringLiteral("no file");
    QTest::newRow("missing file") << none << QStringLiteral("mapfile /nonexistent/file")
                                  << QStringLiteral("cannot open /nonexistent/file: No such file");
    QTest::newRow("directory") << none << QStringLiteral("mapfile /proc") << QStringLiteral("/proc is not a regular file");
    QTest::newRow("empty file") << none << QStringLiteral("mapfile /dev/null") << QStringLiteral("/dev/null is not a regular");
    QTest::newRow("two files") << QStringList{QStringLiteral("mapfile")} << QStringLiteral("mapfile")
                               << QStringLiteral("a file is mapped already");
    QTest::newRow("child-write without child") << none << QStringLiteral("child-write") << QStringLiteral("no child");
    QTest::newRow("child-exit without child") << none << QStringLiteral("child-exit") << QStringLiteral("no child");
    QTest::newRow("two children") << QStringList{QStringLiteral("fork")} << QStringLiteral("fork")
                                  << QStringLiteral("there is a child already");
    QTest::newRow("stack zero") << none << QStringLiteral("stack 0") << QStringLiteral("KIB must be");
    QTest::newRow("stack beyond its limit") << none << QStringLiteral("stack 99999999") << QStringLiteral("KIB must be");
    QTest::newRow("extra argument") << none << QStringLiteral("status now") << QStringLiteral("unexpected argument \"now\"");
    QTest::newRow("line too long") << none << QString(5000, QLatin1Char('x')) << QStringLiteral("line longer than 4096");
}

void TstDemoProcess::badCommandsAreRefused()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, command);
    QFETCH(QString, error);
    DemoProcess demo(DemoProgram);
    QVERIFY(startDemo(demo));
    for (const QString &step : std::as_const(setup))
        QVERIFY(run(demo, step).value(QLatin1String("ok")).toBool());
    const QJsonObject refused = run(demo, command);
    QVERIFY2(!refused.isEmpty(), "no reply");
    QCOMPARE(refused.value(QLatin1String("ok")).toBool(), false);
    QVERIFY2(refused.value(QLatin1String("error")).toString().startsWith(error), qPrintable(describe(refused)));
    // Still there, and still in step: the next reply answers the next command.
    const QJsonObject status = run(demo, QStringLiteral("status"));
    QCOMPARE(status.value(QLatin1String("command")).toString(), QStringLiteral("status"));
    QVERIFY(status.value(QLatin1String("ok")).toBool());
    QCOMPARE(qint64(number(status, "pid")), demo.pid());
}

void TstDemoProcess::noProcessLeftBehind_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("failure"); // whether failed() reports it
    QTest::newRow("DemoProcess destroyed") << QStringLiteral("destroy") << false;
    QTest::newRow("stop()") << QStringLiteral("stop") << false;
    QTest::newRow("quit command") << QStringLiteral("quit") << false;
    QTest::newRow("SIGTERM") << QStringLiteral("sigterm") << true;
    QTest::newRow("SIGKILL") << QStringLiteral("sigkill") << true;
}

void TstDemoProcess::noProcessLeftBehind()
{
    QFETCH(QString, how);
    QFETCH(bool, failure);
    auto demo = std::make_unique<DemoProcess>(DemoProgram);
    QVERIFY(startDemo(*demo));
    QVERIFY(run(*demo, QStringLiteral("large 1M")).value(QLatin1String("ok")).toBool());
    const qint64 pid = demo->pid();
    const qint64 child = qint64(number(run(*demo, QStringLiteral("fork")), "childPid"));
    QVERIFY(child > 0);
    QVERIFY(!isGone(pid) && !isGone(child));

    QSignalSpy finished(demo.get(), &DemoProcess::finished);
    QSignalSpy failed(demo.get(), &DemoProcess::failed);
    if (how == QLatin1String("destroy")) {
        demo.reset();
    } else {
        if (how == QLatin1String("stop"))
            demo->stop();
        else if (how == QLatin1String("quit"))
            demo->send(QStringLiteral("quit"));
        else
            ::kill(pid_t(pid), how == QLatin1String("sigterm") ? SIGTERM : SIGKILL);
        QVERIFY(finished.wait(ReplyTimeoutMs));
        QCOMPARE(failed.isEmpty(), !failure);
        QVERIFY(!demo->isRunning());
        QCOMPARE(demo->childPid(), qint64(0));
    }
    // The demo was reaped by QProcess; the child by the demo, except after SIGKILL, where the kernel
    // kills it (PR_SET_PDEATHSIG) and whoever adopted it reaps it.
    QVERIFY(!LiveProcSource().processExists(int(pid)));
    if (how == QLatin1String("sigkill"))
        QTRY_VERIFY(isGone(child));
    else
        QVERIFY(!LiveProcSource().processExists(int(child)));
}

void TstDemoProcess::startAndSendFailures()
{
    DemoProcess missing(QStringLiteral("/nonexistent/mematlas-demo"));
    QSignalSpy missingFailed(&missing, &DemoProcess::failed);
    missing.start();
    QTRY_COMPARE(missingFailed.size(), 1);
    QVERIFY2(missingFailed.at(0).at(0).toString().contains(QLatin1String("/nonexistent/mematlas-demo")),
             qPrintable(missingFailed.at(0).at(0).toString()));
    QVERIFY(!missing.isRunning());

    DemoProcess unnamed{QString()};
    QSignalSpy unnamedFailed(&unnamed, &DemoProcess::failed);
    unnamed.start();
    QCOMPARE(unnamedFailed.size(), 1);
    QVERIFY(unnamedFailed.at(0).at(0).toString().contains(QLatin1String("not found")));

    DemoProcess idle(DemoProgram);
    QSignalSpy idleFailed(&idle, &DemoProcess::failed);
    QSignalSpy idleReplied(&idle, &DemoProcess::replied);
    idle.send(QStringLiteral("status"));
    QCOMPARE(idleFailed.size(), 1);
    QVERIFY(idleFailed.at(0).at(0).toString().contains(QLatin1String("not running")));

    // Two lines in one command would put replies out of step with commands.
    QVERIFY(startDemo(idle));
    idle.send(QStringLiteral("status\nstatus"));
    QCOMPARE(idleFailed.size(), 2);
    QCOMPARE(run(idle, QStringLiteral("status")).value(QLatin1String("command")).toString(), QStringLiteral("status"));
    QCOMPARE(idleReplied.size(), 1);
}

void TstDemoProcess::findProgram()
{
    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    const QDir root(prefix.path());
    QVERIFY(root.mkpath(QStringLiteral("bin")) && root.mkpath(QStringLiteral("libexec/mematlas")));
    const QString bin = root.filePath(QStringLiteral("bin"));
    const QString installed = root.filePath(QStringLiteral("libexec/mematlas/mematlas-demo"));
    const QString besides = root.filePath(QStringLiteral("bin/mematlas-demo"));
    QCOMPARE(DemoProcess::findProgram(bin), QString());

    QVERIFY(QFile::copy(DemoProgram, installed));
    QCOMPARE(DemoProcess::findProgram(bin), installed);
    // Next to the application wins (the build tree), but only an executable file counts.
    QVERIFY(QFile::copy(DemoProgram, besides));
    QCOMPARE(DemoProcess::findProgram(bin), besides);
    QVERIFY(QFile::setPermissions(besides, QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(DemoProcess::findProgram(bin), installed);
    QVERIFY(QFile::setPermissions(installed, QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(DemoProcess::findProgram(bin), QString());
}

QTEST_GUILESS_MAIN(TstDemoProcess)
#include "tst_demoprocess.moc"
