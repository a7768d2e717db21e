// PageMapReader, FrameTable and FrameCensus over the hand-built trees in tests/data/pagemap (see
// its README and make-fixtures.py for what each entry is), and over live processes.
#include "framecensus.h"
#include "frametable.h"
#include "liveprocsource.h"
#include "pageentry.h"
#include "pagemapreader.h"
#include "treeprocsource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
// The unprivileged check runs this binary again as user nobody, with this variable naming the case.
constexpr char ChildCaseVariable[] = "MEMATLAS_TST_PAGEMAPREADER_CASE";
const QLatin1String HiddenCase("pfns-hidden");

constexpr quint64 Page = 4096; // of the trees
// Of this machine, for the live tests.
const quint64 LivePage = quint64(sysconf(_SC_PAGESIZE));
constexpr quint64 bit(int n)
{
    return quint64(1) << n;
}

QString treePath(const QString &tree)
{
    return QDir::cleanPath(QStringLiteral(MEMATLAS_TEST_DATA "/pagemap/") + tree);
}

using Read = std::tuple<QString, quint64, quint64>; // file, offset, length
using Ranges = QList<QPair<quint64, quint64>>; // [start, end) or start and pages, as the column says

// A tree that remembers every readRange, to show what was read and how.
class RecordingSource : public TreeProcSource
{
public:
    using TreeProcSource::TreeProcSource;
    ReadResult readRange(const QString &relativePath, quint64 offset, quint64 length) const override
    {
        m_reads.append({relativePath, offset, length});
        return TreeProcSource::readRange(relativePath, offset, length);
    }
    QList<Read> reads(const QString &file) const
    {
        QList<Read> result;
        for (const Read &read : m_reads) {
            if (std::get<0>(read) == file)
                result.append(read);
        }
        return result;
    }

private:
    mutable QList<Read> m_reads;
};

// The snapshot's entry for a virtual page number, or nullopt when no range holds it.
std::optional<quint64> rawEntryOf(const PageMapSnapshot &snapshot, quint64 page)
{
    for (const PageMapSnapshot::Range &range : snapshot.ranges) {
        const quint64 first = range.start / snapshot.pageSize;
        if (page >= first && page < first + range.pageCount)
            return range.rawEntry(page - first);
    }
    return std::nullopt;
}

// Anonymous pages of our own, in base pages (no THP), unmapped at the end.
struct OwnPages
{
    char *base = nullptr;
    size_t length = 0;
    explicit OwnPages(int pages)
        : length(size_t(pages) * LivePage)
    {
        void *mapped = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        base = mapped == MAP_FAILED ? nullptr : static_cast<char *>(mapped);
        if (base)
            madvise(base, length, MADV_NOHUGEPAGE);
    }
    ~OwnPages()
    {
        if (base)
            munmap(base, length);
    }
    QPair<quint64, quint64> range() const { return {quint64(quintptr(base)), quint64(quintptr(base)) + length}; }
};

// Run as nobody: our own pagemap has every flag but no PFN, and frame data is refused.
int pfnsHiddenAsNobody()
{
    OwnPages pages(4);
    if (!pages.base)
        return 2;
    pages.base[LivePage] = 1; // page 1 present; 0, 2, 3 untouched
    const LiveProcSource source;
    const ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(getpid(), {pages.range()});
    const PageMapSnapshot &snapshot = read.value;
    const auto entry = [&](int page) { return PageEntry::decode(snapshot.ranges.value(0).rawEntry(quint64(page))); };
    const bool expected = read.ok() && snapshot.pageCount == 4 && snapshot.presentCount == 1 && snapshot.pfnsHidden
        && snapshot.frameInfoUnavailable() && snapshot.frames.isEmpty() && snapshot.pfnEnd == 0
        && !entry(0).present && entry(1).present && entry(1).exclusive && !entry(1).fileOrSharedAnon
        && entry(1).pfn == 0 && !entry(2).present && !entry(3).present;
    printf("uid %d: ok %d, pages %llu, present %llu, hidden %d, frame info error \"%s\", page 1 raw %llx\n",
           int(getuid()), int(read.ok()), snapshot.pageCount, snapshot.presentCount, int(snapshot.pfnsHidden),
           qPrintable(snapshot.frameInfoError), snapshot.ranges.isEmpty() ? 0ull : entry(1).raw);
    // FrameTable's own answer without root: kpageflags is refused.
    const ReadOutcome<quint64> end = FrameTable::pfnEnd(source);
    printf("pfnEnd: status %d, \"%s\"\n", int(end.status), qPrintable(end.error));
    return expected && end.status == ReadResult::Status::PermissionDenied
            && end.error.startsWith(QStringLiteral("/proc/kpageflags: permission denied"))
        ? 0
        : 1;
}

// Blocks until one byte arrives on fd; false on end of file.
bool readByte(int fd, char *byte)
{
    return read(fd, byte, 1) == 1;
}

bool writeAll(int fd, const void *data, size_t size)
{
    return write(fd, data, size) == ssize_t(size);
}

bool readAll(int fd, void *data, size_t size)
{
    return read(fd, data, size) == ssize_t(size);
}
} // namespace

class TstPageMapReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeEntries_data();
    void treeEntries();
    void treeSnapshot();
    void treeReadsInChunksAndRuns();
    void treeRanges_data();
    void treeRanges();
    void treePfnsHidden();
    void treeNoFrameInfo();
    void treeExited();
    void treeTooLarge();
    void treeProgressAndCancel();
    void pfnEnd_data();
    void pfnEnd();
    void census_data();
    void census();

    void liveStates();
    void liveExitedDuringRead_data();
    void liveExitedDuringRead();
    void livePfnsHiddenUnprivileged();
    void liveCensus();
};

void TstPageMapReader::treeEntries_data()
{
    QTest::addColumn<quint64>("page"); // virtual page number in tree "root"
    QTest::addColumn<QList<bool>>("flags"); // present, swapped, file/shared, guard, uffd-wp, exclusive, soft-dirty
    QTest::addColumn<quint64>("pfn");
    QTest::addColumn<quint32>("swapType");
    QTest::addColumn<quint64>("swapOffset");
    QTest::addColumn<quint64>("frameFlags"); // kpageflags; ~0: no frame
    QTest::addColumn<quint64>("mapCount");

    constexpr quint64 none = ~quint64(0);
    const quint64 anonLru = bit(12) | bit(14) | bit(5) | bit(3) | bit(11);
    // clang-format off
    QTest::newRow("anon, exclusive, soft-dirty") << quint64(0x10) << QList<bool>{true, false, false, false, false, true, true}
        << quint64(0x100) << 0u << quint64(0) << (anonLru | bit(6) | bit(4) | bit(2)) << quint64(1);
    QTest::newRow("anon, exclusive") << quint64(0x11) << QList<bool>{true, false, false, false, false, true, false}
        << quint64(0x101) << 0u << quint64(0) << anonLru << quint64(1);
    QTest::newRow("not present") << quint64(0x12) << QList<bool>{false, false, false, false, false, false, false}
        << quint64(0) << 0u << quint64(0) << none << quint64(0);
    QTest::newRow("swapped, soft-dirty") << quint64(0x13) << QList<bool>{false, true, false, false, false, false, true}
        << quint64(0) << 1u << quint64(0x2a) << none << quint64(0);
    QTest::newRow("copy-on-write shared") << quint64(0x14) << QList<bool>{true, false, false, false, false, false, false}
        << quint64(0x102) << 0u << quint64(0) << anonLru << quint64(2);
    QTest::newRow("THP head") << quint64(0x15) << QList<bool>{true, false, false, false, false, true, false}
        << quint64(0x200) << 0u << quint64(0) << (anonLru | bit(15) | bit(22)) << quint64(1);
    QTest::newRow("THP tail") << quint64(0x16) << QList<bool>{true, false, false, false, false, true, false}
        << quint64(0x201) << 0u << quint64(0) << (anonLru | bit(16) | bit(22)) << quint64(1);
    QTest::newRow("zero page") << quint64(0x17) << QList<bool>{true, false, false, false, false, false, false}
        << quint64(0x50) << 0u << quint64(0) << (bit(24) | bit(32)) << quint64(0);
    QTest::newRow("KSM") << quint64(0x18) << QList<bool>{true, false, false, false, false, false, false}
        << quint64(0x300) << 0u << quint64(0) << (anonLru | bit(21)) << quint64(3);
    QTest::newRow("uffd-wp") << quint64(0x19) << QList<bool>{true, false, false, false, true, true, false}
        << quint64(0x103) << 0u << quint64(0) << anonLru << quint64(1);
    QTest::newRow("guard region") << quint64(0x1a) << QList<bool>{false, false, false, true, false, false, false}
        << quint64(0) << 0u << quint64(0) << none << quint64(0);
    QTest::newRow("swapped, type 31") << quint64(0x1b) << QList<bool>{false, true, false, false, false, false, false}
        << quint64(0) << 31u << quint64(0x12345) << none << quint64(0);
    QTest::newRow("file page") << quint64(0x20) << QList<bool>{true, false, true, false, false, false, false}
        << quint64(0x400) << 0u << quint64(0) << (bit(5) | bit(6) | bit(11) | bit(3) | bit(2)) << quint64(5);
    QTest::newRow("file page, mapped 7 times") << quint64(0x21) << QList<bool>{true, false, true, false, false, false, false}
        << quint64(0x401) << 0u << quint64(0) << (bit(5) | bit(11) | bit(3)) << quint64(7);
    QTest::newRow("file not read in") << quint64(0x22) << QList<bool>{false, false, false, false, false, false, false}
        << quint64(0) << 0u << quint64(0) << none << quint64(0);
    QTest::newRow("shared anonymous") << quint64(0x30) << QList<bool>{true, false, true, false, false, false, false}
        << quint64(0x402) << 0u << quint64(0) << (bit(14) | bit(5) | bit(11) | bit(3) | bit(4)) << quint64(2);
    QTest::newRow("PROT_NONE page") << quint64(0x40) << QList<bool>{false, false, false, false, false, false, false}
        << quint64(0) << 0u << quint64(0) << none << quint64(0);
    // clang-format on
}

void TstPageMapReader::treeEntries()
{
    QFETCH(quint64, page);
    QFETCH(quint64, frameFlags);
    QFETCH(quint64, mapCount);

    const TreeProcSource source(treePath(QStringLiteral("root")));
    const ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(4242, {});
    QVERIFY2(read.ok(), qPrintable(read.error));
    const std::optional<quint64> raw = rawEntryOf(read.value, page);
    QVERIFY(raw.has_value());
    const PageEntry e = PageEntry::decode(*raw);
    QTEST((QList<bool>{e.present, e.swapped, e.fileOrSharedAnon, e.guardRegion, e.uffdWriteProtected, e.exclusive,
                       e.softDirty}),
          "flags");
    QTEST(e.pfn, "pfn");
    QTEST(e.swapType, "swapType");
    QTEST(e.swapOffset, "swapOffset");
    const FrameInfo *frame = e.pfn ? read.value.frames.find(e.pfn) : nullptr;
    if (frameFlags == ~quint64(0)) {
        QVERIFY(!frame);
    } else {
        QVERIFY(frame);
        QCOMPARE(frame->flags, frameFlags);
        QCOMPARE(frame->mapCount, mapCount);
    }
}

void TstPageMapReader::treeSnapshot()
{
    const TreeProcSource source(treePath(QStringLiteral("root")));
    const ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(4242, {});
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.status, ReadResult::Status::Ok);
    const PageMapSnapshot &snapshot = read.value;
    QCOMPARE(snapshot.pid, 4242);
    QCOMPARE(snapshot.pageSize, Page);
    QCOMPARE(snapshot.mappings.size(), 5);
    // [vsyscall], the fifth mapping, is in the kernel half: not read.
    QCOMPARE(snapshot.ranges.size(), 4);
    const Ranges expected{{0x10000, 16}, {0x20000, 4}, {0x30000, 2}, {0x40000, 1}};
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(snapshot.ranges.at(i).start, expected.at(i).first);
        QCOMPARE(snapshot.ranges.at(i).pageCount, expected.at(i).second);
        QCOMPARE(snapshot.ranges.at(i).mapping, i);
        QCOMPARE(snapshot.ranges.at(i).entries.size(), qsizetype(expected.at(i).second * 8));
    }
    QCOMPARE(snapshot.pageCount, 23u);
    QCOMPARE(snapshot.presentCount, 11u);
    QVERIFY(!snapshot.pfnsHidden);
    QVERIFY(!snapshot.frameInfoUnavailable());
    QCOMPARE(snapshot.frameInfoError, QString());
    QCOMPARE(snapshot.frames.pfns(),
             (std::vector<quint64>{0x50, 0x100, 0x101, 0x102, 0x103, 0x200, 0x201, 0x300, 0x400, 0x401, 0x402}));
    for (qsizetype i = 0; i < snapshot.frames.size(); ++i)
        QCOMPARE(snapshot.frames.find(snapshot.frames.pfns()[size_t(i)]), &snapshot.frames.frameAt(i));
    for (quint64 pfn : {quint64(0), quint64(0x4f), quint64(0x104), quint64(0x1ff), quint64(0x403), ~quint64(0)})
        QVERIFY(!snapshot.frames.find(pfn));
    QCOMPARE(snapshot.pfnEnd, 0x800u);
    QVERIFY(snapshot.faultsKnown);
    QCOMPARE(snapshot.minflt, 1234u);
    QCOMPARE(snapshot.majflt, 5u);
}

void TstPageMapReader::treeReadsInChunksAndRuns()
{
    const QString pagemap = QStringLiteral("4242/pagemap");
    const QString flags = QStringLiteral("kpageflags");
    const QString counts = QStringLiteral("kpagecount");

    // Defaults: one pagemap read per range; frame runs break where PFNs are more than 64 apart.
    const RecordingSource defaults(treePath(QStringLiteral("root")));
    const ReadOutcome<PageMapSnapshot> reference = PageMapReader(defaults).read(4242, {});
    QVERIFY2(reference.ok(), qPrintable(reference.error));
    QCOMPARE(defaults.reads(pagemap),
             (QList<Read>{{pagemap, 0x10 * 8, 16 * 8}, {pagemap, 0x20 * 8, 4 * 8}, {pagemap, 0x30 * 8, 2 * 8},
                          {pagemap, 0x40 * 8, 1 * 8}}));
    const QList<Read> runs{{counts, 0x50 * 8, 8}, {counts, 0x100 * 8, 32}, {counts, 0x200 * 8, 16},
                           {counts, 0x300 * 8, 8}, {counts, 0x400 * 8, 24}};
    QCOMPARE(defaults.reads(counts), runs);
    for (qsizetype i = 0; i < runs.size(); ++i)
        QCOMPARE(defaults.reads(flags).at(i), Read(flags, std::get<1>(runs.at(i)), std::get<2>(runs.at(i))));
    // Then pfnEnd's probes of kpageflags, 8 bytes each.
    QVERIFY(defaults.reads(flags).size() > runs.size());
    for (const Read &read : defaults.reads(flags).mid(runs.size()))
        QCOMPARE(std::get<2>(read), 8u);

    // Chunks of 5 entries; all frames within 256 of each other: one read of each frame file, from
    // PFN 0x50 to 0x402.
    const RecordingSource chunked(treePath(QStringLiteral("root")));
    PageMapReader reader(chunked);
    reader.setChunkBytes(5 * 8 + 3); // rounded down to 5 entries
    reader.setFrameGap(256);
    const ReadOutcome<PageMapSnapshot> read = reader.read(4242, {});
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(chunked.reads(pagemap),
             (QList<Read>{{pagemap, 0x10 * 8, 40}, {pagemap, 0x15 * 8, 40}, {pagemap, 0x1a * 8, 40},
                          {pagemap, 0x1f * 8, 8}, {pagemap, 0x20 * 8, 32}, {pagemap, 0x30 * 8, 16},
                          {pagemap, 0x40 * 8, 8}}));
    QCOMPARE(chunked.reads(flags).first(), Read(flags, 0x50 * 8, (0x402 - 0x50 + 1) * 8));
    QCOMPARE(chunked.reads(counts), (QList<Read>{{counts, 0x50 * 8, (0x402 - 0x50 + 1) * 8}}));

    // Same result either way.
    QCOMPARE(read.value.ranges.size(), reference.value.ranges.size());
    for (qsizetype i = 0; i < read.value.ranges.size(); ++i)
        QCOMPARE(read.value.ranges.at(i).entries, reference.value.ranges.at(i).entries);
    QCOMPARE(read.value.frames.pfns(), reference.value.frames.pfns());
    for (qsizetype i = 0; i < read.value.frames.size(); ++i)
        QCOMPARE(read.value.frames.frameAt(i), reference.value.frames.frameAt(i));
}

void TstPageMapReader::treeRanges_data()
{
    QTest::addColumn<Ranges>("wanted");
    QTest::addColumn<Ranges>("ranges"); // start, pages
    QTest::addColumn<quint64>("present");

    QTest::newRow("widened to pages, cut to mappings")
        << Ranges{{0x12345, 0x20001}} << Ranges{{0x12000, 14}, {0x20000, 1}} << quint64(7);
    QTest::newRow("unmapped only") << Ranges{{0x0, 0x10000}, {0x24000, 0x30000}} << Ranges{} << quint64(0);
    QTest::newRow("overlapping requests read once")
        << Ranges{{0x11000, 0x13000}, {0x10000, 0x12000}} << Ranges{{0x10000, 3}} << quint64(2);
    QTest::newRow("two pieces of one mapping")
        << Ranges{{0x1f000, 0x20000}, {0x10000, 0x11000}} << Ranges{{0x10000, 1}, {0x1f000, 1}} << quint64(1);
    QTest::newRow("[vsyscall] asked for") << Ranges{{0xffffffffff600000, 0xffffffffff601000}} << Ranges{} << quint64(0);
    QTest::newRow("backwards range ignored") << Ranges{{0x20000, 0x10000}} << Ranges{} << quint64(0);
    QTest::newRow("everything there is") << Ranges{{0, ~quint64(0)}}
                                         << Ranges{{0x10000, 16}, {0x20000, 4}, {0x30000, 2}, {0x40000, 1}} << quint64(11);
}

void TstPageMapReader::treeRanges()
{
    QFETCH(Ranges, wanted);
    QFETCH(Ranges, ranges);

    const TreeProcSource source(treePath(QStringLiteral("root")));
    const ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(4242, wanted);
    QVERIFY2(read.ok(), qPrintable(read.error));
    Ranges got;
    for (const PageMapSnapshot::Range &range : read.value.ranges)
        got.append({range.start, range.pageCount});
    QCOMPARE(got, ranges);
    QTEST(read.value.presentCount, "present");
    // Entries are the file's, page by page.
    QFile file(treePath(QStringLiteral("root/4242/pagemap")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray all = file.readAll();
    for (const PageMapSnapshot::Range &range : read.value.ranges)
        QCOMPARE(range.entries, all.mid(qsizetype(range.start / Page * 8), qsizetype(range.pageCount * 8)));
}

void TstPageMapReader::treePfnsHidden()
{
    const RecordingSource source(treePath(QStringLiteral("hidden")));
    const ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(4243, {});
    QVERIFY2(read.ok(), qPrintable(read.error));
    const PageMapSnapshot &snapshot = read.value;
    QCOMPARE(snapshot.presentCount, 11u);
    QVERIFY(snapshot.pfnsHidden);
    QVERIFY(snapshot.frameInfoUnavailable());
    QCOMPARE(snapshot.frameInfoError, QStringLiteral("physical frame numbers are hidden: the kernel shows them only "
                                                     "to processes with CAP_SYS_ADMIN (run as root)"));
    QVERIFY(snapshot.frames.isEmpty());
    QCOMPARE(snapshot.pfnEnd, 0u);
    // PFN 0 is not looked up as a frame.
    QVERIFY(source.reads(QStringLiteral("kpageflags")).isEmpty());
    QVERIFY(source.reads(QStringLiteral("kpagecount")).isEmpty());
    // The flags are all there.
    const PageEntry first = PageEntry::decode(*rawEntryOf(snapshot, 0x10));
    QVERIFY(first.present && first.exclusive && first.softDirty && !first.fileOrSharedAnon);
    QCOMPARE(first.pfn, 0u);
    const PageEntry swapped = PageEntry::decode(*rawEntryOf(snapshot, 0x13));
    QVERIFY(swapped.swapped && swapped.softDirty);
    QCOMPARE(swapped.swapOffset, 0x2au); // swap entries are not hidden
    QVERIFY(PageEntry::decode(*rawEntryOf(snapshot, 0x20)).fileOrSharedAnon);
}

void TstPageMapReader::treeNoFrameInfo()
{
    const TreeProcSource source(treePath(QStringLiteral("noframes")));
    const ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(4244, {});
    QVERIFY2(read.ok(), qPrintable(read.error));
    QVERIFY(!read.value.pfnsHidden);
    QCOMPARE(read.value.frameInfoError, treePath(QStringLiteral("noframes")) + QStringLiteral("/kpageflags: no such file"));
    QVERIFY(read.value.frames.isEmpty());
    QCOMPARE(read.value.pfnEnd, 0u);
    QCOMPARE(PageEntry::decode(*rawEntryOf(read.value, 0x10)).pfn, 0x100u);
}

void TstPageMapReader::treeExited()
{
    const TreeProcSource source(treePath(QStringLiteral("exited")));
    const ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(4245, {});
    QVERIFY(!read.ok());
    QCOMPARE(read.status, ReadResult::Status::ProcessExited);
    QCOMPARE(read.error, treePath(QStringLiteral("exited"))
                             + QStringLiteral("/4245/pagemap: the read stopped at 0x14000: process 4245 exited during the read"));
    QVERIFY(read.value.ranges.isEmpty());
    QCOMPARE(read.value.pageCount, 0u);
    QCOMPARE(read.value.mappings.size(), 5);
}

void TstPageMapReader::treeTooLarge()
{
    const RecordingSource source(treePath(QStringLiteral("huge")));
    const ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(4246, {});
    QCOMPARE(read.status, ReadResult::Status::TooLarge);
    QCOMPARE(read.error, QStringLiteral("process 4246: the request covers 34359738366 pages (131072.0 GiB of address "
                                        "space); one read is limited to 67108864 pages: choose a smaller range"));
    QVERIFY(source.reads(QStringLiteral("4246/pagemap")).isEmpty());
    // Without the limit it is read, and this tree has no pagemap: the process has not exited.
    PageMapReader unlimited(source);
    unlimited.setMaxPages(~quint64(0));
    const ReadOutcome<PageMapSnapshot> missing = unlimited.read(4246, {});
    QCOMPARE(missing.status, ReadResult::Status::NotFound);
    QCOMPARE(missing.error, treePath(QStringLiteral("huge")) + QStringLiteral("/4246/pagemap: no such file"));

    // The limit is the reader's: 23 pages are too many for a limit of 22.
    const TreeProcSource root(treePath(QStringLiteral("root")));
    PageMapReader reader(root);
    reader.setMaxPages(22);
    QCOMPARE(reader.read(4242, {}).status, ReadResult::Status::TooLarge);
    reader.setMaxPages(23);
    QVERIFY(reader.read(4242, {}).ok());
}

void TstPageMapReader::treeProgressAndCancel()
{
    const TreeProcSource source(treePath(QStringLiteral("root")));
    PageMapReader reader(source);
    reader.setChunkBytes(5 * 8);
    QList<quint64> done;
    QList<quint64> totals;
    int cancelAfter = -1; // progress reports before the cancel; -1: never
    reader.setControl({[&] { return cancelAfter >= 0 && done.size() >= cancelAfter; },
                       [&](quint64 pages, quint64 total) {
                           done.append(pages);
                           totals.append(total);
                       }});
    QVERIFY(reader.read(4242, {}).ok());
    QCOMPARE(done, (QList<quint64>{5, 10, 15, 16, 20, 22, 23}));
    QCOMPARE(totals, QList<quint64>(7, 23));

    done.clear();
    cancelAfter = 2;
    const ReadOutcome<PageMapSnapshot> cancelled = reader.read(4242, {});
    QVERIFY(cancelled.cancelled);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error, QString());
    QCOMPARE(done, (QList<quint64>{5, 10}));
}

void TstPageMapReader::pfnEnd_data()
{
    QTest::addColumn<QString>("tree");
    QTest::addColumn<quint64>("end");
    QTest::addColumn<ReadResult::Status>("status");
    QTest::addColumn<QString>("error"); // after the tree's path

    QTest::newRow("0x800 frames") << QStringLiteral("root") << quint64(0x800) << ReadResult::Status::Ok << QString();
    QTest::newRow("no kpageflags") << QStringLiteral("hidden") << quint64(0) << ReadResult::Status::NotFound
                                   << QStringLiteral("/kpageflags: no such file");
}

void TstPageMapReader::pfnEnd()
{
    QFETCH(QString, tree);
    QFETCH(QString, error);
    const ReadOutcome<quint64> end = FrameTable::pfnEnd(TreeProcSource(treePath(tree)));
    QTEST(end.value, "end");
    QTEST(end.status, "status");
    QCOMPARE(end.error, error.isEmpty() ? QString() : treePath(tree) + error);
}

void TstPageMapReader::census_data()
{
    QTest::addColumn<int>("buckets");
    QTest::addColumn<quint64>("framesPerBucket");
    // per bucket: Free, Anonymous, PageCache, Slab, PageTable, Reserved, Other
    QTest::addColumn<QList<QList<quint64>>>("counts");

    // Frames of tree "root" (make-fixtures.py): 0x0-0x1f reserved and holes, 0x50 the zero page
    // (reserved); anonymous 0x100-0x103, 0x200-0x201 (THP), 0x300 (KSM); page cache 0x400-0x402;
    // free 0x500-0x503 each flagged, then slab 0x504, slab head 0x510 with three unflagged tails,
    // page tables 0x520-0x521, poisoned and offline 0x530-0x531; a free block head at 0x600 alone
    // (aligned to 0x200: 0x600-0x7ff free). Everything else has no flags: other.
    QTest::newRow("8 buckets") << 8 << quint64(0x100)
                               << QList<QList<quint64>>{{0, 0, 0, 0, 0, 33, 223}, {0, 4, 0, 0, 0, 0, 252},
                                                        {0, 2, 0, 0, 0, 0, 254}, {0, 1, 0, 0, 0, 0, 255},
                                                        {0, 0, 3, 0, 0, 0, 253}, {4, 0, 0, 5, 2, 2, 243},
                                                        {256, 0, 0, 0, 0, 0, 0},  {256, 0, 0, 0, 0, 0, 0}};
    QTest::newRow("one bucket") << 1 << quint64(0x800) << QList<QList<quint64>>{{516, 7, 3, 5, 2, 35, 1480}};
    // 0x800 / 3 rounded up: 0x2ab; the last bucket is narrower (0x556-0x7ff).
    QTest::newRow("uneven") << 3 << quint64(0x2ab)
                            << QList<QList<quint64>>{{0, 6, 0, 0, 0, 33, 644}, {4, 1, 3, 5, 2, 2, 666},
                                                     {512, 0, 0, 0, 0, 0, 170}};
}

void TstPageMapReader::census()
{
    QFETCH(int, buckets);
    QFETCH(QList<QList<quint64>>, counts);

    const TreeProcSource source(treePath(QStringLiteral("root")));
    QList<quint64> progress;
    const ReadOutcome<FrameCensus> read = FrameCensus::read(source, buckets, {{}, [&](quint64 done, quint64 total) {
                                                                                  QCOMPARE(total, 0x800u);
                                                                                  progress.append(done);
                                                                              }});
    QVERIFY2(read.ok(), qPrintable(read.error));
    const FrameCensus &census = read.value;
    QCOMPARE(census.pfnEnd(), 0x800u);
    QCOMPARE(census.bucketCount(), buckets);
    QTEST(census.framesPerBucket(), "framesPerBucket");
    QCOMPARE(census.framesCounted(), 0x800u);
    QCOMPARE(progress, QList<quint64>{0x800});
    QList<quint64> totals(FrameCensus::ClassCount, 0);
    for (int bucket = 0; bucket < buckets; ++bucket) {
        QList<quint64> row;
        for (int c = 0; c < FrameCensus::ClassCount; ++c) {
            row.append(census.count(bucket, FrameCensus::Class(c)));
            totals[c] += row.last();
        }
        QCOMPARE(row, counts.at(bucket));
    }
    for (int c = 0; c < FrameCensus::ClassCount; ++c)
        QCOMPARE(census.total(FrameCensus::Class(c)), totals.at(c));
    QCOMPARE(census.bucketOfPfn(0x7ff), buckets - 1);
}

void TstPageMapReader::liveStates()
{
    const bool root = geteuid() == 0;
    // A file of four pages for the child to map.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("four-pages")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4 * LivePage, 'm'));
    file.close();
    const QByteArray filePath = QFile::encodeName(file.fileName());

    int toA[2], toB[2], replies[2];
    QVERIFY(pipe(toA) == 0 && pipe(toB) == 0 && pipe(replies) == 0);
    struct Addresses
    {
        quint64 anon, file, cow;
    };
    // Child A: 16 anonymous pages, the file, one written private page; forks B on request.
    const pid_t a = fork();
    QVERIFY(a >= 0);
    if (a == 0) {
        constexpr int Anonymous = MAP_PRIVATE | MAP_ANONYMOUS;
        auto *anon = static_cast<char *>(mmap(nullptr, 16 * LivePage, PROT_READ | PROT_WRITE, Anonymous, -1, 0));
        madvise(anon, 16 * LivePage, MADV_NOHUGEPAGE); // base pages only, whatever THP policy says
        const int fd = open(filePath.constData(), O_RDONLY);
        auto *mapped = static_cast<char *>(mmap(nullptr, 4 * LivePage, PROT_READ, MAP_PRIVATE, fd, 0));
        auto *cow = static_cast<char *>(mmap(nullptr, LivePage, PROT_READ | PROT_WRITE, Anonymous, -1, 0));
        if (anon == MAP_FAILED || mapped == MAP_FAILED || cow == MAP_FAILED)
            _exit(1);
        cow[0] = 1;
        const Addresses addresses{quint64(quintptr(anon)), quint64(quintptr(mapped)), quint64(quintptr(cow))};
        if (!writeAll(replies[1], &addresses, sizeof addresses))
            _exit(1);
        char command = 0;
        while (readByte(toA[0], &command)) {
            if (command == 'T') {
                for (int page : {0, 2, 5})
                    anon[page * LivePage] = char(page);
                volatile char sink = mapped[0];
                (void)sink;
            } else if (command == 'F') {
                const pid_t b = fork();
                if (b == 0) {
                    while (readByte(toB[0], &command)) {
                        cow[0] = 2; // the copy-on-write fault: B gets its own frame
                        if (!writeAll(replies[1], "w", 1))
                            _exit(1);
                    }
                    _exit(0);
                }
                if (!writeAll(replies[1], &b, sizeof b))
                    _exit(1);
                continue;
            }
            if (!writeAll(replies[1], "k", 1))
                _exit(1);
        }
        _exit(0);
    }
    pid_t b = -1;
    const auto cleanup = qScopeGuard([&] {
        if (b > 0)
            ::kill(b, SIGKILL);
        ::kill(a, SIGKILL);
        waitpid(a, nullptr, 0);
    });
    Addresses addresses{};
    QVERIFY(readAll(replies[0], &addresses, sizeof addresses));
    const auto command = [&](int fd, char what) {
        char reply = 0;
        return writeAll(fd, &what, 1) && readByte(replies[0], &reply);
    };

    const LiveProcSource source;
    const auto readPages = [&](pid_t pid, quint64 start, quint64 pages) {
        return PageMapReader(source).read(pid, {{start, start + pages * LivePage}});
    };
    const auto entryOf = [](const ReadOutcome<PageMapSnapshot> &read, quint64 page) {
        return PageEntry::decode(read.value.ranges.at(0).rawEntry(page));
    };

    const ReadOutcome<PageMapSnapshot> before = readPages(a, addresses.anon, 16);
    QVERIFY2(before.ok(), qPrintable(before.error));
    QCOMPARE(before.value.pageCount, 16u);
    QCOMPARE(before.value.presentCount, 0u);
    QVERIFY(before.value.faultsKnown);

    QVERIFY(command(toA[1], 'T'));
    const ReadOutcome<PageMapSnapshot> touched = readPages(a, addresses.anon, 16);
    QVERIFY2(touched.ok(), qPrintable(touched.error));
    QCOMPARE(touched.value.presentCount, 3u);
    for (quint64 page = 0; page < 16; ++page) {
        const PageEntry entry = entryOf(touched, page);
        const bool written = page == 0 || page == 2 || page == 5;
        QVERIFY2(entry.present == written, qPrintable(QString::number(page)));
        QVERIFY(!entry.swapped);
        if (written) {
            QVERIFY(!entry.fileOrSharedAnon);
            QVERIFY(entry.exclusive);
            QCOMPARE(entry.pfn != 0, root);
        }
    }
    QCOMPARE(touched.value.pfnsHidden, !root);
    QCOMPARE(touched.value.frameInfoUnavailable(), !root);
    if (root) {
        for (quint64 page : {0, 2, 5}) {
            const FrameInfo *frame = touched.value.frames.find(entryOf(touched, page).pfn);
            QVERIFY(frame);
            QVERIFY(frame->has(KPageFlags::Anon));
            QCOMPARE(frame->mapCount, 1u);
        }
    }
    // Three written pages and one read: four faults at least, three of them minor.
    const quint64 minorFaults = touched.value.minflt - before.value.minflt;
    QVERIFY2(minorFaults >= 3, qPrintable(QString::number(minorFaults)));
    QVERIFY(touched.value.minflt + touched.value.majflt >= before.value.minflt + before.value.majflt + 4);

    const ReadOutcome<PageMapSnapshot> fileRead = readPages(a, addresses.file, 4);
    QVERIFY2(fileRead.ok(), qPrintable(fileRead.error));
    const PageEntry filePage = entryOf(fileRead, 0);
    QVERIFY(filePage.present && filePage.fileOrSharedAnon);
    // Fault-around may map neighbours that are in the page cache: as file pages, never anonymous.
    for (quint64 page = 1; page < 4; ++page)
        QVERIFY(!entryOf(fileRead, page).present || entryOf(fileRead, page).fileOrSharedAnon);
    if (root)
        QVERIFY(fileRead.value.frames.find(filePage.pfn)->has(KPageFlags::Mmap));

    // After fork the written page is shared by A and B until B writes it.
    char reply = 0;
    QVERIFY(writeAll(toA[1], "F", 1) && readAll(replies[0], &b, sizeof b));
    QVERIFY(b > 0);
    const ReadOutcome<PageMapSnapshot> sharedA = readPages(a, addresses.cow, 1);
    const ReadOutcome<PageMapSnapshot> sharedB = readPages(b, addresses.cow, 1);
    QVERIFY2(sharedA.ok() && sharedB.ok(), qPrintable(sharedA.error + sharedB.error));
    QVERIFY(entryOf(sharedA, 0).present && entryOf(sharedB, 0).present);
    QVERIFY(!entryOf(sharedA, 0).exclusive && !entryOf(sharedB, 0).exclusive);
    if (root) {
        QCOMPARE(entryOf(sharedA, 0).pfn, entryOf(sharedB, 0).pfn);
        QCOMPARE(sharedA.value.frames.find(entryOf(sharedA, 0).pfn)->mapCount, 2u);
    }
    QVERIFY(writeAll(toB[1], "W", 1) && readByte(replies[0], &reply));
    const ReadOutcome<PageMapSnapshot> ownA = readPages(a, addresses.cow, 1);
    const ReadOutcome<PageMapSnapshot> ownB = readPages(b, addresses.cow, 1);
    QVERIFY2(ownA.ok() && ownB.ok(), qPrintable(ownA.error + ownB.error));
    QVERIFY(entryOf(ownB, 0).present && entryOf(ownB, 0).exclusive);
    if (root) {
        QCOMPARE(entryOf(ownA, 0).pfn, entryOf(sharedA, 0).pfn); // A keeps the original frame
        QVERIFY(entryOf(ownB, 0).pfn != entryOf(ownA, 0).pfn);
        QCOMPARE(ownA.value.frames.find(entryOf(ownA, 0).pfn)->mapCount, 1u);
        QCOMPARE(ownB.value.frames.find(entryOf(ownB, 0).pfn)->mapCount, 1u);
    }
    for (int fd : {toA[0], toA[1], toB[0], toB[1], replies[0], replies[1]})
        close(fd);
}

void TstPageMapReader::liveExitedDuringRead_data()
{
    QTest::addColumn<bool>("reap");
    // Reaped: /proc/PID is gone, the next open fails. Not reaped: a zombie keeps its directory,
    // but its pagemap no longer opens (ESRCH for root, EACCES for others).
    QTest::newRow("reaped") << true;
    QTest::newRow("zombie") << false;
}

void TstPageMapReader::liveExitedDuringRead()
{
    QFETCH(bool, reap);
    // 8 GiB of reserved address space: two chunks of pagemap, nothing resident.
    constexpr quint64 Size = quint64(8) << 30;
    int ready[2];
    QVERIFY(pipe(ready) == 0);
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        void *reserved = mmap(nullptr, Size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        const quint64 start = reserved == MAP_FAILED ? 0 : quint64(quintptr(reserved));
        if (!writeAll(ready[1], &start, sizeof start))
            _exit(1);
        for (;;)
            pause();
    }
    bool reaped = false;
    const auto cleanup = qScopeGuard([&] {
        if (!reaped) {
            ::kill(child, SIGKILL);
            waitpid(child, nullptr, 0);
        }
    });
    quint64 start = 0;
    QVERIFY(readAll(ready[0], &start, sizeof start));
    close(ready[0]);
    close(ready[1]);
    QVERIFY(start != 0);

    const LiveProcSource source;
    PageMapReader reader(source);
    int reports = 0;
    reader.setControl({{}, [&](quint64, quint64) {
                           if (++reports != 1)
                               return;
                           ::kill(child, SIGKILL);
                           if (reap) {
                               waitpid(child, nullptr, 0);
                               reaped = true;
                           } else {
                               siginfo_t info{};
                               waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT); // exited, not reaped
                           }
                       }});
    const ReadOutcome<PageMapSnapshot> read = reader.read(child, {{start, start + Size}});
    QCOMPARE(reports, 1);
    QCOMPARE(read.status, ReadResult::Status::ProcessExited);
    QCOMPARE(read.error, QStringLiteral("/proc/%1/pagemap: the read stopped at 0x%2: process %1 exited during the read")
                             .arg(child)
                             .arg(start + (PageMapReader::DefaultChunkBytes / 8) * LivePage, 0, 16));
    QVERIFY(read.value.ranges.isEmpty());
}

void TstPageMapReader::livePfnsHiddenUnprivileged()
{
    if (geteuid() != 0) {
        QCOMPARE(pfnsHiddenAsNobody(), 0);
        return;
    }
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        QSKIP("setpriv (util-linux) is not installed");
    const passwd *nobody = getpwnam("nobody");
    QVERIFY(nobody != nullptr);
    const uid_t nobodyUid = nobody->pw_uid;

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1String(ChildCaseVariable), HiddenCase);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(setpriv, {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                            QStringLiteral("--clear-groups"), QCoreApplication::applicationFilePath()});
    QVERIFY2(process.waitForFinished(60000), qPrintable(process.errorString()));
    const QByteArray output = process.readAll();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
    QVERIFY2(output.startsWith(QByteArray("uid " + QByteArray::number(nobodyUid) + ": ok 1, pages 4, present 1, hidden 1, "
                                          "frame info error \"physical frame numbers are hidden")),
             output.constData());
}

void TstPageMapReader::liveCensus()
{
    if (geteuid() != 0)
        QSKIP("kpageflags is root-only");
    OwnPages pages(1);
    QVERIFY(pages.base);
    pages.base[0] = 1;
    const LiveProcSource source;
    const ReadOutcome<PageMapSnapshot> own = PageMapReader(source).read(getpid(), {pages.range()});
    QVERIFY2(own.ok(), qPrintable(own.error));
    const quint64 pfn = PageEntry::decode(own.value.ranges.at(0).rawEntry(0)).pfn;
    const FrameInfo *frame = own.value.frames.find(pfn);
    QVERIFY(frame);
    QCOMPARE(FrameCensus::classify(frame->flags), FrameCensus::Anonymous);

    const ReadOutcome<FrameCensus> read = FrameCensus::read(source, 1000);
    QVERIFY2(read.ok(), qPrintable(read.error));
    const FrameCensus &census = read.value;
    QCOMPARE(census.pfnEnd(), own.value.pfnEnd);
    QCOMPARE(census.framesCounted(), census.pfnEnd());
    QVERIFY(pfn < census.pfnEnd());
    QCOMPARE(census.bucketCount(), 1000);
    QCOMPARE(census.framesPerBucket(), (census.pfnEnd() + 999) / 1000);
    quint64 sum = 0;
    for (int c = 0; c < FrameCensus::ClassCount; ++c)
        sum += census.total(FrameCensus::Class(c));
    QCOMPARE(sum, census.pfnEnd());
    QVERIFY(census.count(census.bucketOfPfn(pfn), FrameCensus::Anonymous) >= 1);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariable(ChildCaseVariable) == HiddenCase)
        return pfnsHiddenAsNobody();
    // QProcess needs the application object.
    QCoreApplication app(argc, argv);
    TstPageMapReader test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pagemapreader.moc"
