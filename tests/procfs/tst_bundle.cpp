// Snapshot bundles: BundleWriter and BundleProcSource against the recorded trees, a synthetic source
// with pagemap and frame data, and damaged, foreign and hostile files.
#include "bundleframes.h"
#include "bundlemanifest.h"
#include "bundlepagemap.h"
#include "bundleprocsource.h"
#include "bundlewriter.h"
#include "frametable.h"
#include "processinfo.h"
#include "treeprocsource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtEndian>

#include <archive.h>
#include <archive_entry.h>

#include <cstring>
#include <functional>
#include <memory>

namespace {

const QStringList ProcessFiles{QStringLiteral("maps"),   QStringLiteral("smaps"), QStringLiteral("smaps_rollup"),
                               QStringLiteral("status"), QStringLiteral("stat"),  QStringLiteral("statm"),
                               QStringLiteral("cmdline")};

QString treePath(const QString &tree)
{
    return QDir::cleanPath(QStringLiteral(MEMATLAS_TEST_DATA "/trees/") + tree);
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// Every name in a directory, hidden ones (a writer's temporary file) included.
QStringList directoryEntries(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

// Archives built by hand, for the damaged and foreign cases the writer never makes.
struct ArchiveEntry
{
    QString path;
    QByteArray data;
    QString linkTarget;
    int type = AE_IFREG;
};
enum class Compression { Zstd, Gzip, None };

QList<ArchiveEntry> readArchive(const QString &path)
{
    QList<ArchiveEntry> entries;
    archive *reader = archive_read_new();
    archive_read_support_filter_all(reader);
    archive_read_support_format_tar(reader);
    if (archive_read_open_filename(reader, QFile::encodeName(path).constData(), 16384) == ARCHIVE_OK) {
        archive_entry *entry = nullptr;
        int status;
        // ARCHIVE_WARN: a non-ASCII name this test's C locale cannot express; the UTF-8 form is there.
        while ((status = archive_read_next_header(reader, &entry)) == ARCHIVE_OK || status == ARCHIVE_WARN) {
            ArchiveEntry read{QString::fromUtf8(archive_entry_pathname_utf8(entry)), QByteArray(),
                              QString::fromUtf8(archive_entry_symlink_utf8(entry)), int(archive_entry_filetype(entry))};
            char buffer[16384];
            la_ssize_t got;
            while ((got = archive_read_data(reader, buffer, sizeof buffer)) > 0)
                read.data.append(buffer, got);
            entries.append(read);
        }
    }
    archive_read_free(reader);
    return entries;
}

bool writeArchive(const QString &path, const QList<ArchiveEntry> &entries, Compression compression = Compression::Zstd)
{
    archive *writer = archive_write_new();
    if (compression == Compression::Zstd)
        archive_write_add_filter_zstd(writer);
    else if (compression == Compression::Gzip)
        archive_write_add_filter_gzip(writer);
    archive_write_set_format_pax_restricted(writer);
    archive_write_set_bytes_in_last_block(writer, 1);
    bool ok = archive_write_open_filename(writer, QFile::encodeName(path).constData()) == ARCHIVE_OK;
    for (const ArchiveEntry &entry : entries) {
        archive_entry *header = archive_entry_new();
        archive_entry_set_pathname_utf8(header, entry.path.toUtf8().constData());
        archive_entry_set_filetype(header, entry.type);
        archive_entry_set_perm(header, 0444);
        if (entry.type == AE_IFLNK)
            archive_entry_set_symlink_utf8(header, entry.linkTarget.toUtf8().constData());
        else if (entry.type == AE_IFREG)
            archive_entry_set_size(header, entry.data.size());
        ok = ok && archive_write_header(writer, header) == ARCHIVE_OK
            && archive_write_data(writer, entry.data.constData(), size_t(entry.data.size())) == entry.data.size();
        archive_entry_free(header);
    }
    ok = ok && archive_write_close(writer) == ARCHIVE_OK;
    archive_write_free(writer);
    return ok;
}

// The manifest entry of a bundle's entries, changed by edit.
QList<ArchiveEntry> withManifest(QList<ArchiveEntry> entries, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject manifest = QJsonDocument::fromJson(entries.at(0).data).object();
    edit(manifest);
    entries[0].data = QJsonDocument(manifest).toJson();
    return entries;
}

QByteArray littleEndian64(std::initializer_list<quint64> values)
{
    QByteArray bytes;
    for (quint64 value : values) {
        char buffer[8];
        qToLittleEndian(value, buffer);
        bytes.append(buffer, 8);
    }
    return bytes;
}

QByteArray hostOrder64(std::initializer_list<quint64> values)
{
    QByteArray bytes;
    for (quint64 value : values)
        bytes.append(reinterpret_cast<const char *>(&value), 8);
    return bytes;
}

// A process in memory with a pagemap and frame data, so that what a bundle keeps of them can be
// compared entry by entry. Process 100 has four mappings:
//   A 0x400000-0x410000 (16 pages): pages 0-3 and 6 present, 12 swapped, the rest zero
//   B 0x7f0000000000 +1 MiB: smaps says Rss 0 and Swap 0; its pagemap must not be read
//   C [stack] 0x7ffffffde000-0x7ffffffff000 (33 pages): the last two present
//   D [vsyscall], above user space: pagemap reads there come back empty, as the kernel's do
// Process 200 is a copy without pagemap. Reads can be made to fail by path.
class SyntheticSource : public ProcSource
{
public:
    static constexpr quint64 PageSize = 4096;
    static constexpr quint64 UserTop = 0x800000000000;
    static constexpr quint64 PfnEnd = 0x100000;
    static constexpr quint64 Present = quint64(1) << 63;
    static constexpr quint64 Swapped = quint64(1) << 62;
    static constexpr quint64 BStart = 0x7f0000000000;
    static constexpr quint64 CStart = 0x7ffffffde000;

    SyntheticSource()
    {
        const QByteArray maps = "00400000-00410000 r-xp 00000000 fd:01 1234                       /usr/bin/prog\n"
                                "7f0000000000-7f0000100000 rw-p 00000000 00:00 0 \n"
                                "7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]\n"
                                "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]\n";
        const QByteArray untouched = "7f0000000000-7f0000100000 rw-p 00000000 00:00 0 \n"
                                     "Size:               1024 kB\nRss:                   0 kB\nSwap:                  0 kB\n";
        for (const char *pid : {"100", "200"}) {
            const QString directory = QLatin1String(pid) + QLatin1Char('/');
            files.insert(directory + QStringLiteral("maps"), maps);
            files.insert(directory + QStringLiteral("smaps"), untouched);
            files.insert(directory + QStringLiteral("status"), "Name:\tprog\nState:\tS (sleeping)\n");
            files.insert(directory + QStringLiteral("cmdline"), QByteArray("prog\0--flag\0", 12));
            links.insert(directory + QStringLiteral("exe"), QStringLiteral("/opt/ünïcödé/prog"));
        }
        files.insert(QStringLiteral("meminfo"), "MemTotal:       16000000 kB\n");
        files.insert(QStringLiteral("sys/kernel/osrelease"), "6.1.0-test\n");
        files.insert(QStringLiteral("sys/kernel/hostname"), "synthetic-host\n");
        for (quint64 i = 0; i < 4; ++i)
            pagemap.insert(0x400 + i, Present | (0x1000 + i));
        pagemap.insert(0x406, Present | 0x1006);
        pagemap.insert(0x40c, Swapped | (0x55 << 5) | 1);
        pagemap.insert(CStart / PageSize + 31, Present | 0x2000);
        pagemap.insert(CStart / PageSize + 32, Present | (quint64(1) << 55) | 0x1001); // a frame A has too
    }

    static quint64 flagsOf(quint64 pfn) { return pfn * 3 | (quint64(1) << 11); }
    static quint64 countOf(quint64 pfn) { return pfn % 5 + 1; }

    Kind kind() const override { return Kind::Tree; }
    QString description() const override { return QStringLiteral("synthetic"); }
    QString rootPath() const override { return QStringLiteral("/synthetic"); }

    ReadResult readFile(const QString &relativePath, qint64 maxSize = LimitForFile) const override
    {
        Q_UNUSED(maxSize);
        if (failures.contains(relativePath))
            return failure(relativePath);
        if (relativePath == QLatin1String("meminfo") && !meminfoReadings.isEmpty()) {
            ReadResult result;
            result.data = meminfoReadings.value(meminfoReads++ % meminfoReadings.size());
            return result;
        }
        if (!files.contains(relativePath))
            return ReadResult::failure(ReadResult::Status::NotFound, rootPath() + QLatin1Char('/') + relativePath + QStringLiteral(": no such file"));
        ReadResult result;
        result.data = files.value(relativePath);
        return result;
    }

    ReadResult readRange(const QString &relativePath, quint64 offset, quint64 length) const override
    {
        if (failures.contains(relativePath))
            return failure(relativePath);
        ReadResult result;
        if (relativePath.endsWith(QLatin1String("/pagemap"))) {
            // A process whose address space goes away: pagemap reads end, as the kernel's do.
            const int pid = relativePath.section(QLatin1Char('/'), 0, 0).toInt();
            if (vanishDuringPagemap.contains(pid)) {
                gone.insert(pid);
                return result;
            }
            pagemapReads.append({offset / 8, (offset + length) / 8});
            for (quint64 page = offset / 8; page < (offset + length) / 8 && page * PageSize < UserTop; ++page)
                result.data.append(hostOrder64({pagemap.value(page)}));
        } else if (relativePath == QLatin1String("kpageflags") || relativePath == QLatin1String("kpagecount")) {
            for (quint64 pfn = offset / 8; pfn < (offset + length) / 8 && pfn < PfnEnd; ++pfn)
                result.data.append(hostOrder64({relativePath == QLatin1String("kpageflags") ? flagsOf(pfn) : countOf(pfn)}));
        } else {
            return ReadResult::failure(ReadResult::Status::NotFound, relativePath + QStringLiteral(": no such file"));
        }
        return result;
    }

    QString readLink(const QString &relativePath) const override { return links.value(relativePath); }
    QList<int> pids() const override { return {100, 200}; }
    bool processExists(int pid) const override { return pids().contains(pid) && !gone.contains(pid); }
    quint64 pageSize() const override { return PageSize; }

    ReadResult failure(const QString &relativePath) const
    {
        return ReadResult::failure(failures.value(relativePath), rootPath() + QLatin1Char('/') + relativePath + QStringLiteral(": refused"));
    }

    QHash<QString, QByteArray> files;
    QHash<QString, QString> links;
    QHash<quint64, quint64> pagemap; // by page index, for every process
    QHash<QString, ReadResult::Status> failures;
    mutable QSet<int> gone; // processes that exist no more
    QSet<int> vanishDuringPagemap;
    QList<QByteArray> meminfoReadings; // successive meminfo texts, when set
    mutable int meminfoReads = 0;
    mutable QList<QPair<quint64, quint64>> pagemapReads; // [first page, end page) of each read
};

} // namespace

class TstBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Round trips.
    void treeRoundTrip_data();
    void treeRoundTrip();
    void manifestFields();
    void pagemapAndFrames();
    void pagemapFileLayout();
    void framesLastReadWins();
    void meminfoSamples();
    void unreadableFiles();
    void processesThatExited();
    void environNeverCaptured();
    void version1Fixture();
    void looksLikeBundle();

    // Writing.
    void refusesToOverwrite();
    void cancelledWriteLeavesNothing();
    void missingDirectory();

    // Damaged, foreign and hostile files.
    void badFiles_data();
    void badFiles();
    void limits_data();
    void limits();
    void truncated();
    void corruptedBytes();

private:
    QString bundleOfTree(const QString &tree, const QString &name);
    QString bundleOfSynthetic(const SyntheticSource &source, const QString &name);

    QTemporaryDir m_dir;
};

void TstBundle::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TstBundle::bundleOfTree(const QString &tree, const QString &name)
{
    const TreeProcSource source(treePath(tree));
    BundleWriter writer(source, QStringLiteral("tst_bundle 1.0"));
    writer.addMeminfo();
    const QList<int> pids = source.pids();
    for (int pid : pids)
        writer.addProcess(pid, {.pagemap = false, .cancelled = {}});
    const QString path = m_dir.filePath(name);
    QString error;
    if (!writer.write(path, {}, &error))
        qWarning("%s", qPrintable(error));
    return path;
}

QString TstBundle::bundleOfSynthetic(const SyntheticSource &source, const QString &name)
{
    BundleWriter writer(source, QStringLiteral("tst_bundle 1.0"));
    writer.addMeminfo();
    writer.addProcess(100, {.pagemap = true, .cancelled = {}});
    writer.addProcess(200, {.pagemap = false, .cancelled = {}});
    const QString path = m_dir.filePath(name);
    QString error;
    if (!writer.write(path, {}, &error))
        qWarning("%s", qPrintable(error));
    return path;
}

void TstBundle::treeRoundTrip_data()
{
    QTest::addColumn<QString>("tree");
    const QStringList trees = QDir(QStringLiteral(MEMATLAS_TEST_DATA "/trees")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(trees.size(), 8);
    for (const QString &tree : trees)
        QTest::newRow(qPrintable(tree)) << tree;
}

void TstBundle::treeRoundTrip()
{
    QFETCH(QString, tree);
    const TreeProcSource source(treePath(tree));
    QString error;
    const std::shared_ptr<BundleProcSource> bundle =
        BundleProcSource::open(bundleOfTree(tree, tree + QStringLiteral(".mematlas")), &error);
    QVERIFY2(bundle, qPrintable(error));

    QCOMPARE(bundle->pids(), source.pids());
    QCOMPARE(bundle->pageSize(), source.pageSize());
    QCOMPARE(bundle->readFile(QStringLiteral("meminfo")).data, source.readFile(QStringLiteral("meminfo")).data);
    QVERIFY(!bundle->readFile(QStringLiteral("meminfo")).data.isEmpty());
    QSet<QString> expectedUnreadable;
    const QList<int> pids = source.pids();
    for (int pid : pids) {
        QVERIFY(bundle->processExists(pid));
        for (const QString &name : ProcessFiles) {
            const QString path = QStringLiteral("%1/%2").arg(pid).arg(name);
            const ReadResult expected = source.readFile(path);
            const ReadResult actual = bundle->readFile(path);
            QCOMPARE(actual.status, expected.status);
            QCOMPARE(actual.data, expected.data);
            if (!expected.ok()) {
                expectedUnreadable.insert(QStringLiteral("proc/") + path);
                // The reason given is the one the capture met, with the bundle named in front.
                QCOMPARE(actual.message, QStringLiteral("%1: proc/%2: not captured: %3").arg(bundle->rootPath(), path, expected.message));
            }
        }
        const QString exe = QStringLiteral("%1/exe").arg(pid);
        QCOMPARE(bundle->readLink(exe), source.readLink(exe));
        if (source.readLink(exe).isEmpty())
            expectedUnreadable.insert(QStringLiteral("proc/") + exe);
        QCOMPARE(bundle->manifest().process(pid)->command, ProcessInfo::read(source, pid, nullptr)->commandLine());
    }
    QSet<QString> unreadable;
    for (const BundleManifest::Unreadable &entry : bundle->manifest().unreadable)
        unreadable.insert(entry.path);
    QCOMPARE(unreadable, expectedUnreadable);
    QVERIFY(!bundle->processExists(1));
    QCOMPARE(bundle->readFile(QStringLiteral("1/maps")).status, ReadResult::Status::ProcessExited);
}

void TstBundle::manifestFields()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QString path = bundleOfTree(QStringLiteral("bash"), QStringLiteral("manifest.mematlas"));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QString error;
    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(path, &error);
    QVERIFY2(bundle, qPrintable(error));
    const BundleManifest &manifest = bundle->manifest();
    QCOMPARE(manifest.formatVersion, 1);
    QCOMPARE(manifest.tool, QStringLiteral("tst_bundle 1.0"));
    QCOMPARE(manifest.source, QStringLiteral("tree ") + treePath(QStringLiteral("bash")));
    // A tree has no sys/kernel: neither is known.
    QCOMPARE(manifest.kernelRelease, QString());
    QCOMPARE(manifest.hostName, QString());
    QCOMPARE(manifest.pageSize, quint64(4096));
    QVERIFY(manifest.captureTime >= before && manifest.captureTime <= after);
    QCOMPARE(manifest.captureTime.timeSpec(), Qt::UTC);
    // meminfo, then 7 files and exe for each of the two processes.
    QCOMPARE(manifest.entryCount, 17);
    QCOMPARE(manifest.processes.size(), 2);
    QCOMPARE(manifest.processes[0].pid, 12209);
    QCOMPARE(manifest.processes[0].command, QStringLiteral("bash --norc --noprofile -i"));
    QCOMPARE(manifest.processes[1].pid, 12215);
    QCOMPARE(manifest.processes[1].command, QStringLiteral("sleep 1000"));
    QVERIFY(!manifest.processes[1].exited);
    QCOMPARE(manifest.unreadable.size(), 0);
    QCOMPARE(manifest.meminfoSamples.size(), 0);

    QCOMPARE(bundle->kind(), ProcSource::Kind::Bundle);
    QCOMPARE(bundle->rootPath(), path);
    QCOMPARE(bundle->description(), QStringLiteral("bundle %1 (unknown host, %2)")
                                        .arg(path, manifest.captureTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))));

    // The archive's own listing, as tar shows it: the manifest first, paths mirroring /proc.
    QStringList paths;
    for (const ArchiveEntry &entry : readArchive(path))
        paths.append(entry.path);
    QStringList expected{QStringLiteral("manifest.json"), QStringLiteral("proc/meminfo")};
    for (const char *pid : {"12209", "12215"}) {
        for (const QString &name : ProcessFiles)
            expected.append(QStringLiteral("proc/%1/%2").arg(QLatin1String(pid), name));
        expected.append(QStringLiteral("proc/%1/exe").arg(QLatin1String(pid)));
    }
    QCOMPARE(paths, expected);

    const SyntheticSource synthetic;
    const std::shared_ptr<BundleProcSource> fromSynthetic =
        BundleProcSource::open(bundleOfSynthetic(synthetic, QStringLiteral("manifest-synthetic.mematlas")), &error);
    QVERIFY2(fromSynthetic, qPrintable(error));
    QCOMPARE(fromSynthetic->manifest().kernelRelease, QStringLiteral("6.1.0-test"));
    QCOMPARE(fromSynthetic->manifest().hostName, QStringLiteral("synthetic-host"));
    QCOMPARE(fromSynthetic->manifest().source, QStringLiteral("synthetic"));
    QCOMPARE(fromSynthetic->manifest().process(100)->command, QStringLiteral("prog --flag"));
    QVERIFY(fromSynthetic->description().contains(QStringLiteral("(synthetic-host, ")));
    // The non-ASCII link target survives, under the C locale this test runs in.
    QCOMPARE(fromSynthetic->readLink(QStringLiteral("100/exe")), QStringLiteral("/opt/ünïcödé/prog"));
}

void TstBundle::pagemapAndFrames()
{
    const SyntheticSource source;
    QString error;
    const std::shared_ptr<BundleProcSource> bundle =
        BundleProcSource::open(bundleOfSynthetic(source, QStringLiteral("pagemap.mematlas")), &error);
    QVERIFY2(bundle, qPrintable(error));

    // The untouched mapping B was skipped, [vsyscall] tried once and found empty.
    for (const auto &[first, end] : std::as_const(source.pagemapReads))
        QVERIFY(end <= SyntheticSource::BStart / 4096 || first >= SyntheticSource::BStart / 4096 + 256);
    QCOMPARE(source.pagemapReads.size(), 3);

    // Every page of A and C, one read each, and beyond their edges: what the source gave, zero between.
    const QString pagemap = QStringLiteral("100/pagemap");
    for (const auto &[start, pages] : {std::pair{quint64(0x3fe000), quint64(20)}, std::pair{SyntheticSource::CStart - 8192, quint64(36)}}) {
        const ReadResult expected = source.readRange(pagemap, start / 4096 * 8, pages * 8);
        const ReadResult actual = bundle->readRange(pagemap, start / 4096 * 8, pages * 8);
        QVERIFY(actual.ok());
        QCOMPARE(actual.data, expected.data);
        for (quint64 page = 0; page < pages; ++page) {
            const ReadResult one = bundle->readRange(pagemap, (start / 4096 + page) * 8, 8);
            QCOMPARE(one.data, expected.data.mid(qsizetype(page) * 8, 8));
        }
    }
    QCOMPARE(bundle->readRange(pagemap, 0x406 * 8, 8).data, hostOrder64({SyntheticSource::Present | 0x1006}));
    QCOMPARE(bundle->readRange(pagemap, SyntheticSource::BStart / 4096 * 8, 16).data, QByteArray(16, '\0'));
    QCOMPARE(bundle->readRange(pagemap, 0, 0).data, QByteArray());
    // The kernel's rule: 8-byte aligned reads only.
    const ReadResult unaligned = bundle->readRange(pagemap, 0x400 * 8 + 4, 8);
    QCOMPARE(unaligned.status, ReadResult::Status::IoError);
    QCOMPARE(unaligned.message, bundle->rootPath() + QStringLiteral(": proc/100/pagemap: reads must be 8-byte aligned (offset 8196, length 8)"));
    QCOMPARE(bundle->readRange(pagemap, 0, quint64(ProcSource::DefaultMaxSize) + 8).status, ReadResult::Status::TooLarge);
    // Process 200 was captured without its pagemap.
    QCOMPARE(bundle->readRange(QStringLiteral("200/pagemap"), 0x400 * 8, 8).status, ReadResult::Status::NotFound);

    // Frames: each present page's PFN, as kpageflags and kpagecount gave them; zero elsewhere.
    for (quint64 pfn : {0x1000, 0x1001, 0x1002, 0x1003, 0x1006, 0x2000}) {
        QCOMPARE(bundle->readRange(QStringLiteral("kpageflags"), pfn * 8, 8).data, hostOrder64({SyntheticSource::flagsOf(pfn)}));
        QCOMPARE(bundle->readRange(QStringLiteral("kpagecount"), pfn * 8, 8).data, hostOrder64({SyntheticSource::countOf(pfn)}));
    }
    QCOMPARE(bundle->readRange(QStringLiteral("kpageflags"), 0x1004 * 8, 16).data, QByteArray(16, '\0'));
    QCOMPARE(bundle->readRange(QStringLiteral("kpagecount"), 0x0fff * 8, 24).data,
             hostOrder64({0, SyntheticSource::countOf(0x1000), SyntheticSource::countOf(0x1001)}));
    // The files end where the machine's memory did.
    QCOMPARE(bundle->readRange(QStringLiteral("kpageflags"), (SyntheticSource::PfnEnd - 1) * 8, 24).data.size(), 8);
    QCOMPARE(bundle->readRange(QStringLiteral("kpageflags"), SyntheticSource::PfnEnd * 8, 8).data, QByteArray());
    const ReadOutcome<quint64> pfnEnd = FrameTable::pfnEnd(*bundle);
    QVERIFY(pfnEnd.ok());
    QCOMPARE(pfnEnd.value, SyntheticSource::PfnEnd);
    const ReadOutcome<FrameTable> table = FrameTable::read(*bundle, {0x1006, 0x2000, 0x1000});
    QVERIFY(table.ok());
    QCOMPARE(table.value.size(), 3);
    QCOMPARE(table.value.find(0x2000)->mapCount, SyntheticSource::countOf(0x2000));
}

void TstBundle::pagemapFileLayout()
{
    const SyntheticSource source;
    const QString path = bundleOfSynthetic(source, QStringLiteral("layout.mematlas"));
    QByteArray ranges;
    QByteArray frames;
    for (const ArchiveEntry &entry : readArchive(path)) {
        if (entry.path == QLatin1String("proc/100/pagemap.ranges"))
            ranges = entry.data;
        else if (entry.path == QLatin1String("proc/kpage.frames"))
            frames = entry.data;
    }
    const quint64 p = SyntheticSource::Present;
    // A: pages 0-6 in one range (the two zero pages between 3 and 6 cost less than a range
    // header), page 12 on its own; C: its last two pages.
    const QByteArray expectedRanges = QByteArray("MATLPGMP\1\0\0\0\0\0\0\0", 16)
        + littleEndian64({0x400000, 7, p | 0x1000, p | 0x1001, p | 0x1002, p | 0x1003, 0, 0, p | 0x1006})
        + littleEndian64({0x40c000, 1, SyntheticSource::Swapped | (0x55 << 5) | 1})
        + littleEndian64({SyntheticSource::CStart + 31 * 4096, 2, p | 0x2000, p | (quint64(1) << 55) | 0x1001});
    QCOMPARE(ranges, expectedRanges);

    QByteArray expectedFrames = QByteArray("MATLKPGF\1\0\0\0\0\0\0\0", 16) + littleEndian64({SyntheticSource::PfnEnd});
    for (quint64 pfn : {0x1000, 0x1001, 0x1002, 0x1003, 0x1006, 0x2000})
        expectedFrames += littleEndian64({pfn, SyntheticSource::flagsOf(pfn), SyntheticSource::countOf(pfn)});
    QCOMPARE(frames, expectedFrames);
}

void TstBundle::framesLastReadWins()
{
    const QByteArray encoded = BundleFrames::encode({{5, 1, 1}, {3, 7, 7}, {5, 2, 2}, {9, 4, 4}}, 0);
    QString error;
    const std::optional<BundleFrames> decoded = BundleFrames::decode(encoded, &error);
    QVERIFY2(decoded, qPrintable(error));
    const QList<BundleFrames::Frame> expected{{3, 7, 7}, {5, 2, 2}, {9, 4, 4}};
    QCOMPARE(decoded->frames(), expected);
    QCOMPARE(decoded->pfnEnd(), quint64(0));
    // Without a known end, reads are as long as asked.
    QCOMPARE(decoded->read(BundleFrames::Column::Count, 8 * 8, 24), hostOrder64({0, 4, 0}));
}

void TstBundle::meminfoSamples()
{
    SyntheticSource source;
    source.meminfoReadings = {"MemTotal: 1 kB\n", "MemTotal: 2 kB\n", "MemTotal: 3 kB\n", "MemTotal: 4 kB\n"};
    BundleWriter writer(source, QStringLiteral("tst_bundle 1.0"));
    QVERIFY(writer.addMeminfo());
    QVERIFY(writer.addMeminfoSample());
    QVERIFY(writer.addMeminfoSample());
    // A reading that fails keeps its number, listed as unreadable; the next one takes the next.
    source.failures.insert(QStringLiteral("meminfo"), ReadResult::Status::IoError);
    QVERIFY(!writer.addMeminfoSample());
    source.failures.clear();
    QThread::msleep(5);
    QVERIFY(writer.addMeminfoSample());
    const QString path = m_dir.filePath(QStringLiteral("samples.mematlas"));
    QString error;
    QVERIFY2(writer.write(path, {}, &error), qPrintable(error));

    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(path, &error);
    QVERIFY2(bundle, qPrintable(error));
    const QList<BundleManifest::MeminfoSample> &samples = bundle->manifest().meminfoSamples;
    QCOMPARE(samples.size(), 3);
    QCOMPARE(samples[0].path, QStringLiteral("proc/meminfo.samples/000000"));
    QCOMPARE(samples[1].path, QStringLiteral("proc/meminfo.samples/000001"));
    QCOMPARE(samples[2].path, QStringLiteral("proc/meminfo.samples/000003"));
    QVERIFY(samples[0].time <= samples[1].time && samples[1].time < samples[2].time);
    QVERIFY(samples[0].time >= bundle->manifest().captureTime);
    QCOMPARE(bundle->readFile(QStringLiteral("meminfo")).data, QByteArray("MemTotal: 1 kB\n"));
    QCOMPARE(bundle->readFile(QStringLiteral("meminfo.samples/000000")).data, QByteArray("MemTotal: 2 kB\n"));
    QCOMPARE(bundle->readFile(QStringLiteral("meminfo.samples/000001")).data, QByteArray("MemTotal: 3 kB\n"));
    QCOMPARE(bundle->readFile(QStringLiteral("meminfo.samples/000003")).data, QByteArray("MemTotal: 4 kB\n"));
    const ReadResult failed = bundle->readFile(QStringLiteral("meminfo.samples/000002"));
    QCOMPARE(failed.status, ReadResult::Status::IoError);
    QCOMPARE(failed.message, path + QStringLiteral(": proc/meminfo.samples/000002: not captured: /synthetic/meminfo: refused"));
}

void TstBundle::unreadableFiles()
{
    SyntheticSource source;
    source.failures.insert(QStringLiteral("100/smaps"), ReadResult::Status::PermissionDenied);
    source.failures.insert(QStringLiteral("kpageflags"), ReadResult::Status::PermissionDenied);
    QString error;
    const std::shared_ptr<BundleProcSource> bundle =
        BundleProcSource::open(bundleOfSynthetic(source, QStringLiteral("unreadable.mematlas")), &error);
    QVERIFY2(bundle, qPrintable(error));
    const ReadResult smaps = bundle->readFile(QStringLiteral("100/smaps"));
    QCOMPARE(smaps.status, ReadResult::Status::PermissionDenied);
    QCOMPARE(smaps.message, bundle->rootPath() + QStringLiteral(": proc/100/smaps: not captured: /synthetic/100/smaps: refused"));
    for (const char *file : {"kpageflags", "kpagecount"}) {
        const ReadResult frames = bundle->readRange(QLatin1String(file), 0x1000 * 8, 8);
        QCOMPARE(frames.status, ReadResult::Status::PermissionDenied);
        QCOMPARE(frames.message, QStringLiteral("%1: proc/%2: not captured: /synthetic/kpageflags: refused").arg(bundle->rootPath(), QLatin1String(file)));
    }
    // Without smaps nothing says B is untouched, so it was read too; the pagemap is still whole.
    QCOMPARE(bundle->readRange(QStringLiteral("100/pagemap"), 0x406 * 8, 8).data, hostOrder64({SyntheticSource::Present | 0x1006}));
    QCOMPARE(source.pagemapReads.size(), 4);
    QCOMPARE(bundle->readFile(QStringLiteral("100/smaps_rollup")).status, ReadResult::Status::NotFound);
    QCOMPARE(bundle->readFile(QStringLiteral("100/environ")).message,
             bundle->rootPath() + QStringLiteral(": proc/100/environ: not in the bundle"));
    QStringList paths;
    for (const BundleManifest::Unreadable &entry : bundle->manifest().unreadable)
        paths.append(entry.path + QLatin1Char(' ') + BundleManifest::statusName(entry.status));
    // Frame data is the machine's, recorded as soon as it fails; a process's files once it is whole.
    QCOMPARE(paths, QStringList({QStringLiteral("proc/kpageflags permission-denied"), QStringLiteral("proc/kpagecount permission-denied"),
                                 QStringLiteral("proc/100/smaps permission-denied"), QStringLiteral("proc/100/smaps_rollup not-found"),
                                 QStringLiteral("proc/100/stat not-found"), QStringLiteral("proc/100/statm not-found"),
                                 QStringLiteral("proc/200/smaps_rollup not-found"), QStringLiteral("proc/200/stat not-found"),
                                 QStringLiteral("proc/200/statm not-found")}));
}

void TstBundle::processesThatExited()
{
    SyntheticSource source;
    BundleWriter writer(source, QStringLiteral("tst_bundle 1.0"));
    writer.addMeminfo();
    // 100 vanishes between maps and smaps, 200 during its pagemap; 300 never existed.
    source.failures.insert(QStringLiteral("100/smaps"), ReadResult::Status::ProcessExited);
    source.vanishDuringPagemap.insert(200);
    QVERIFY(!writer.addProcess(100, {.pagemap = true, .cancelled = {}}));
    QVERIFY(!writer.addProcess(200, {.pagemap = true, .cancelled = {}}));
    QVERIFY(!writer.addProcess(300, {.pagemap = false, .cancelled = {}}));

    const QString path = m_dir.filePath(QStringLiteral("exited.mematlas"));
    QString error;
    QVERIFY2(writer.write(path, {}, &error), qPrintable(error));
    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(path, &error);
    QVERIFY2(bundle, qPrintable(error));
    QCOMPARE(bundle->pids(), QList<int>());
    QCOMPARE(bundle->manifest().entryCount, 1);
    QStringList processes;
    for (const BundleManifest::Process &process : bundle->manifest().processes)
        processes.append(QStringLiteral("%1 %2 %3").arg(process.pid).arg(process.exited).arg(process.message));
    QCOMPARE(processes, QStringList({QStringLiteral("100 1 /synthetic/100/smaps: refused"),
                                     QStringLiteral("200 1 /synthetic/200/pagemap: process 200 exited during the read"),
                                     QStringLiteral("300 1 process 300 does not exist")}));
    // Nothing of them is kept, not even what was read before they went.
    const ReadResult maps = bundle->readFile(QStringLiteral("100/maps"));
    QCOMPARE(maps.status, ReadResult::Status::ProcessExited);
    QCOMPARE(maps.message, path + QStringLiteral(": proc/100/maps: process 100 exited while it was captured (/synthetic/100/smaps: refused)"));
    QCOMPARE(bundle->readFile(QStringLiteral("200/status")).status, ReadResult::Status::ProcessExited);
    QCOMPARE(bundle->readFile(QStringLiteral("300/maps")).status, ReadResult::Status::ProcessExited);
    QCOMPARE(bundle->readFile(QStringLiteral("400/maps")).message, path + QStringLiteral(": proc/400/maps: process 400 is not in the bundle"));
}

void TstBundle::environNeverCaptured()
{
    // A tree that has an environ: the bundle still has none.
    const QString tree = m_dir.filePath(QStringLiteral("with-environ"));
    QVERIFY(QDir().mkpath(tree + QStringLiteral("/12069")));
    for (const QString &name : ProcessFiles)
        QVERIFY(QFile::copy(treePath(QStringLiteral("sleep/12069/") + name), tree + QStringLiteral("/12069/") + name));
    QVERIFY(QFile::copy(treePath(QStringLiteral("sleep/meminfo")), tree + QStringLiteral("/meminfo")));
    QVERIFY(QFile::link(QFileInfo(treePath(QStringLiteral("sleep/12069/exe"))).symLinkTarget(), tree + QStringLiteral("/12069/exe")));
    QVERIFY(writeFile(tree + QStringLiteral("/12069/environ"), QByteArray("SECRET_TOKEN=hunter2\0", 21)));

    const TreeProcSource source(tree);
    BundleWriter writer(source, QStringLiteral("tst_bundle 1.0"));
    writer.addMeminfo();
    QVERIFY(writer.addProcess(12069, {.pagemap = false, .cancelled = {}}));
    const QString path = m_dir.filePath(QStringLiteral("environ.mematlas"));
    QString error;
    QVERIFY2(writer.write(path, {}, &error), qPrintable(error));
    const QList<ArchiveEntry> entries = readArchive(path);
    QCOMPARE(entries.size(), 10);
    for (const ArchiveEntry &entry : entries) {
        QVERIFY2(!entry.path.contains(QLatin1String("environ")), qPrintable(entry.path));
        QVERIFY(!entry.data.contains("hunter2"));
    }
}

void TstBundle::version1Fixture()
{
    // Written by mematlas-capture 0.1.0 from trees/sleep (tests/data/bundles/README.md): bundles
    // of format version 1 must stay readable as they are.
    const QString path = QStringLiteral(MEMATLAS_TEST_DATA "/bundles/sleep-v1.mematlas");
    QString error;
    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(path, &error);
    QVERIFY2(bundle, qPrintable(error));
    const BundleManifest &manifest = bundle->manifest();
    QCOMPARE(manifest.tool, QStringLiteral("mematlas-capture 0.1.0"));
    QCOMPARE(manifest.source, QStringLiteral("tree trees/sleep"));
    QCOMPARE(manifest.captureTime, QDateTime::fromString(QStringLiteral("2026-11-25T18:01:58.314Z"), Qt::ISODateWithMs));
    QCOMPARE(manifest.meminfoSamples.size(), 2);
    const TreeProcSource tree(treePath(QStringLiteral("sleep")));
    QCOMPARE(bundle->pids(), tree.pids());
    for (const QString &name : ProcessFiles)
        QCOMPARE(bundle->readFile(QStringLiteral("12069/") + name).data, tree.readFile(QStringLiteral("12069/") + name).data);
    QCOMPARE(bundle->readFile(manifest.meminfoSamples[1].path.mid(5)).data, tree.readFile(QStringLiteral("meminfo")).data);
    QCOMPARE(bundle->readLink(QStringLiteral("12069/exe")), tree.readLink(QStringLiteral("12069/exe")));
}

void TstBundle::looksLikeBundle()
{
    QVERIFY(BundleProcSource::looksLikeBundle(QStringLiteral("/nonexistent/x.mematlas")));
    QVERIFY(!BundleProcSource::looksLikeBundle(treePath(QStringLiteral("sleep/meminfo"))));
    const QString zstd = m_dir.filePath(QStringLiteral("renamed.tar.zst"));
    QVERIFY(QFile::copy(bundleOfTree(QStringLiteral("sleep"), QStringLiteral("renamed.mematlas")), zstd));
    QVERIFY(BundleProcSource::looksLikeBundle(zstd));
}

void TstBundle::refusesToOverwrite()
{
    const QString path = bundleOfTree(QStringLiteral("sleep"), QStringLiteral("once.mematlas"));
    const QByteArray original = fileContents(path);
    QVERIFY(!original.isEmpty());
    const TreeProcSource source(treePath(QStringLiteral("threads")));
    BundleWriter writer(source, QStringLiteral("tst_bundle 1.0"));
    QVERIFY(writer.addProcess(12100, {.pagemap = false, .cancelled = {}}));
    QString error;
    QVERIFY(!writer.write(path, {}, &error));
    QCOMPARE(error, path + QStringLiteral(": already exists"));
    QCOMPARE(fileContents(path), original);

    QVERIFY2(writer.write(path, {true, {}}, &error), qPrintable(error));
    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(path, &error);
    QVERIFY2(bundle, qPrintable(error));
    QCOMPARE(bundle->pids(), QList<int>{12100});
    // Owner only: a bundle can hold other users' command lines.
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QVERIFY(!directoryEntries(m_dir.path()).join(QLatin1Char(' ')).contains(QLatin1String(".once.mematlas.")));
}

void TstBundle::cancelledWriteLeavesNothing()
{
    const TreeProcSource source(treePath(QStringLiteral("bash")));
    BundleWriter writer(source, QStringLiteral("tst_bundle 1.0"));
    writer.addMeminfo();
    writer.addProcess(12209, {.pagemap = false, .cancelled = {}});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("cancelled.mematlas"));
    // Cancelled at each point it is asked (before each of the 10 entries, and before the rename),
    // nothing at all is left; not cancelled, it completes.
    for (int allowed = 0; allowed <= 11; ++allowed) {
        int asked = 0;
        QString error;
        const bool written = writer.write(path, {false, [&] { return asked++ >= allowed; }}, &error);
        QCOMPARE(written, allowed == 11);
        if (written)
            break;
        QCOMPARE(error, path + QStringLiteral(": interrupted; nothing written"));
        QCOMPARE(directoryEntries(dir.path()), QStringList());
    }
    QCOMPARE(directoryEntries(dir.path()), QStringList{QStringLiteral("cancelled.mematlas")});
}

void TstBundle::missingDirectory()
{
    const TreeProcSource source(treePath(QStringLiteral("sleep")));
    const BundleWriter writer(source, QStringLiteral("tst_bundle 1.0"));
    const QString path = m_dir.filePath(QStringLiteral("no/such/dir/x.mematlas"));
    QString error;
    QVERIFY(!writer.write(path, {}, &error));
    QCOMPARE(error, path + QStringLiteral(": cannot create a temporary file beside it: No such file or directory"));
}

void TstBundle::badFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // after "PATH: "; a trailing '*' matches any rest

    const QList<ArchiveEntry> valid = readArchive(bundleOfTree(QStringLiteral("bash"), QStringLiteral("valid.mematlas")));
    QCOMPARE(valid.size(), 18);
    const auto make = [this](const QString &name, const QByteArray &data) {
        QVERIFY(writeFile(m_dir.filePath(name), data));
    };
    const auto archive = [this](const QString &name, const QList<ArchiveEntry> &entries, Compression compression = Compression::Zstd) {
        QVERIFY(writeArchive(m_dir.filePath(name), entries, compression));
    };

    QTest::newRow("missing") << QStringLiteral("missing.mematlas") << QStringLiteral("no such file");
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("directory.mematlas")));
    QTest::newRow("directory") << QStringLiteral("directory.mematlas") << QStringLiteral("a directory, not a bundle");
    make(QStringLiteral("empty.mematlas"), QByteArray());
    QTest::newRow("empty") << QStringLiteral("empty.mematlas") << QStringLiteral("empty file, not a MemAtlas bundle");

    QByteArray noise(4096, Qt::Uninitialized);
    QRandomGenerator random(20251125);
    random.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
    make(QStringLiteral("random.mematlas"), noise);
    QTest::newRow("random bytes") << QStringLiteral("random.mematlas") << QStringLiteral("not a MemAtlas bundle (Unrecognized archive format)");
    make(QStringLiteral("text.mematlas"), fileContents(treePath(QStringLiteral("sleep/meminfo"))));
    QTest::newRow("text") << QStringLiteral("text.mematlas") << QStringLiteral("not a MemAtlas bundle (Unrecognized archive format)");

    archive(QStringLiteral("plain.tar"), valid, Compression::None);
    QTest::newRow("tar without zstd") << QStringLiteral("plain.tar")
                                      << QStringLiteral("not a MemAtlas bundle (a tar archive, but not compressed with zstd)");
    archive(QStringLiteral("gzip.tar.gz"), valid, Compression::Gzip);
    QTest::newRow("gzip tar") << QStringLiteral("gzip.tar.gz") << QStringLiteral("not a MemAtlas bundle (Unrecognized archive format)");
    archive(QStringLiteral("empty-archive.mematlas"), {});
    QTest::newRow("empty archive") << QStringLiteral("empty-archive.mematlas") << QStringLiteral("not a MemAtlas bundle (an empty archive)");

    archive(QStringLiteral("no-manifest.mematlas"), valid.mid(1));
    QTest::newRow("no manifest") << QStringLiteral("no-manifest.mematlas")
                                 << QStringLiteral("not a MemAtlas bundle (its first entry is \"proc/meminfo\", not manifest.json)");
    archive(QStringLiteral("version-99.mematlas"), withManifest(valid, [](QJsonObject &m) { m[QStringLiteral("formatVersion")] = 99; }));
    QTest::newRow("newer format version")
        << QStringLiteral("version-99.mematlas")
        << QStringLiteral("manifest.json: format version 99 is newer than this MemAtlas reads (1); open it with a newer MemAtlas");
    archive(QStringLiteral("version-0.mematlas"), withManifest(valid, [](QJsonObject &m) { m[QStringLiteral("formatVersion")] = 0; }));
    QTest::newRow("format version 0") << QStringLiteral("version-0.mematlas")
                                      << QStringLiteral("manifest.json: \"formatVersion\" is not a whole number from 1 to 2147483647");
    archive(QStringLiteral("other-format.mematlas"), withManifest(valid, [](QJsonObject &m) { m[QStringLiteral("format")] = QStringLiteral("x"); }));
    QTest::newRow("other format") << QStringLiteral("other-format.mematlas")
                                  << QStringLiteral("manifest.json: \"format\" is not \"mematlas-bundle\"");
    archive(QStringLiteral("no-page-size.mematlas"), withManifest(valid, [](QJsonObject &m) { m.remove(QStringLiteral("pageSize")); }));
    QTest::newRow("manifest without page size") << QStringLiteral("no-page-size.mematlas") << QStringLiteral("manifest.json: \"pageSize\" is missing");
    archive(QStringLiteral("odd-page-size.mematlas"), withManifest(valid, [](QJsonObject &m) { m[QStringLiteral("pageSize")] = 5000; }));
    QTest::newRow("page size not a power of two") << QStringLiteral("odd-page-size.mematlas")
                                                  << QStringLiteral("manifest.json: \"pageSize\" 5000 is not a power of two");
    archive(QStringLiteral("bad-time.mematlas"), withManifest(valid, [](QJsonObject &m) { m[QStringLiteral("captureTime")] = QStringLiteral("yesterday"); }));
    QTest::newRow("bad time") << QStringLiteral("bad-time.mematlas")
                              << QStringLiteral("manifest.json: \"captureTime\" is not an ISO 8601 time: \"yesterday\"");
    archive(QStringLiteral("bad-status.mematlas"), withManifest(valid, [](QJsonObject &m) {
                m[QStringLiteral("unreadable")] = QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("proc/1/maps")},
                                                                         {QStringLiteral("status"), QStringLiteral("ok")},
                                                                         {QStringLiteral("message"), QStringLiteral("x")}}};
            }));
    QTest::newRow("unknown status") << QStringLiteral("bad-status.mematlas") << QStringLiteral("manifest.json: unknown read status \"ok\"");
    QList<ArchiveEntry> notJson = valid;
    notJson[0].data = "{\"format\": ";
    archive(QStringLiteral("not-json.mematlas"), notJson);
    QTest::newRow("manifest not JSON") << QStringLiteral("not-json.mematlas") << QStringLiteral("manifest.json: not valid JSON (*");

    QList<ArchiveEntry> lessOne = valid;
    lessOne.removeLast();
    archive(QStringLiteral("entry-missing.mematlas"), lessOne);
    QTest::newRow("entry missing") << QStringLiteral("entry-missing.mematlas")
                                   << QStringLiteral("truncated: the manifest lists 17 entries after itself, the archive holds 16");
    QList<ArchiveEntry> twice = withManifest(valid, [](QJsonObject &m) { m[QStringLiteral("entryCount")] = 18; });
    twice.append(valid.at(2));
    archive(QStringLiteral("twice.mematlas"), twice);
    QTest::newRow("entry twice") << QStringLiteral("twice.mematlas") << QStringLiteral("proc/12209/maps: there twice");
    QList<ArchiveEntry> device = valid;
    device[2].type = AE_IFCHR;
    device[2].data.clear();
    archive(QStringLiteral("device.mematlas"), device);
    QTest::newRow("device entry") << QStringLiteral("device.mematlas") << QStringLiteral("proc/12209/maps: neither a file nor a link");

    const auto withEntry = [&valid](const QString &path, const QByteArray &data) {
        QList<ArchiveEntry> entries = withManifest(valid, [](QJsonObject &m) { m[QStringLiteral("entryCount")] = 18; });
        entries.append({path, data, QString(), AE_IFREG});
        return entries;
    };
    const QByteArray rangesHeader("MATLPGMP\1\0\0\0\0\0\0\0", 16);
    archive(QStringLiteral("ranges-magic.mematlas"), withEntry(QStringLiteral("proc/12209/pagemap.ranges"), QByteArray("XXXXXXXX\1\0\0\0\0\0\0\0", 16)));
    QTest::newRow("pagemap.ranges magic") << QStringLiteral("ranges-magic.mematlas")
                                          << QStringLiteral("proc/12209/pagemap.ranges: not a pagemap.ranges file (wrong magic)");
    archive(QStringLiteral("ranges-short.mematlas"), withEntry(QStringLiteral("proc/12209/pagemap.ranges"), rangesHeader.left(10)));
    QTest::newRow("pagemap.ranges short") << QStringLiteral("ranges-short.mematlas")
                                          << QStringLiteral("proc/12209/pagemap.ranges: 10 bytes, shorter than the 16-byte header");
    archive(QStringLiteral("ranges-count.mematlas"),
            withEntry(QStringLiteral("proc/12209/pagemap.ranges"), rangesHeader + littleEndian64({0x400000, 1000, 1})));
    QTest::newRow("pagemap.ranges count") << QStringLiteral("ranges-count.mematlas")
                                          << QStringLiteral("proc/12209/pagemap.ranges: range at offset 16: 1000 pages, but only 8 bytes follow");
    archive(QStringLiteral("ranges-huge.mematlas"),
            withEntry(QStringLiteral("proc/12209/pagemap.ranges"), rangesHeader + littleEndian64({0x400000, ~quint64(0), 1})));
    QTest::newRow("pagemap.ranges absurd count") << QStringLiteral("ranges-huge.mematlas")
                                                 << QStringLiteral("proc/12209/pagemap.ranges: range at offset 16: 18446744073709551615 "
                                                                   "pages, but only 8 bytes follow");
    archive(QStringLiteral("ranges-align.mematlas"),
            withEntry(QStringLiteral("proc/12209/pagemap.ranges"), rangesHeader + littleEndian64({0x400010, 1, 1})));
    QTest::newRow("pagemap.ranges unaligned") << QStringLiteral("ranges-align.mematlas")
                                              << QStringLiteral("proc/12209/pagemap.ranges: range at offset 16: start 0x400010 is not page-aligned");
    archive(QStringLiteral("ranges-order.mematlas"),
            withEntry(QStringLiteral("proc/12209/pagemap.ranges"), rangesHeader + littleEndian64({0x400000, 2, 1, 1, 0x401000, 1, 1})));
    QTest::newRow("pagemap.ranges overlap") << QStringLiteral("ranges-order.mematlas")
                                            << QStringLiteral("proc/12209/pagemap.ranges: range at offset 48: overlaps the range before it "
                                                              "or is out of order");
    archive(QStringLiteral("ranges-top.mematlas"),
            withEntry(QStringLiteral("proc/12209/pagemap.ranges"), rangesHeader + littleEndian64({0xfffffffffffff000, 2, 1, 1})));
    QTest::newRow("pagemap.ranges beyond the top") << QStringLiteral("ranges-top.mematlas")
                                                   << QStringLiteral("proc/12209/pagemap.ranges: range at offset 16: beyond the largest address");
    const QByteArray framesHeader = QByteArray("MATLKPGF\1\0\0\0\0\0\0\0", 16) + littleEndian64({0});
    archive(QStringLiteral("frames-order.mematlas"),
            withEntry(QStringLiteral("proc/kpage.frames"), framesHeader + littleEndian64({5, 1, 1, 5, 1, 1})));
    QTest::newRow("kpage.frames order") << QStringLiteral("frames-order.mematlas")
                                        << QStringLiteral("proc/kpage.frames: frame at offset 48: PFNs not in ascending order");
    archive(QStringLiteral("frames-size.mematlas"), withEntry(QStringLiteral("proc/kpage.frames"), framesHeader + littleEndian64({5, 1})));
    QTest::newRow("kpage.frames size") << QStringLiteral("frames-size.mematlas")
                                       << QStringLiteral("proc/kpage.frames: 16 bytes after the header, not a whole number of 24-byte frames");
    archive(QStringLiteral("frames-end.mematlas"),
            withEntry(QStringLiteral("proc/kpage.frames"), QByteArray("MATLKPGF\1\0\0\0\0\0\0\0", 16) + littleEndian64({4, 5, 1, 1})));
    QTest::newRow("kpage.frames beyond the end") << QStringLiteral("frames-end.mematlas")
                                                 << QStringLiteral("proc/kpage.frames: frame at offset 24: PFN 5 beyond the PFN end 4");
    archive(QStringLiteral("frames-version.mematlas"),
            withEntry(QStringLiteral("proc/kpage.frames"), QByteArray("MATLKPGF\2\0\0\0\0\0\0\0", 16) + littleEndian64({0})));
    QTest::newRow("kpage.frames version") << QStringLiteral("frames-version.mematlas")
                                          << QStringLiteral("proc/kpage.frames: unknown version or flags in the header");
}

void TstBundle::badFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(name);
    QString error;
    const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(path, &error);
    QVERIFY(!bundle);
    if (expected.endsWith(QLatin1Char('*')))
        QVERIFY2(error.startsWith(path + QStringLiteral(": ") + expected.chopped(1)), qPrintable(error));
    else
        QCOMPARE(error, path + QStringLiteral(": ") + expected);
}

void TstBundle::limits_data()
{
    QTest::addColumn<qint64>("maxEntrySize");
    QTest::addColumn<qint64>("maxTotalSize");
    QTest::addColumn<int>("maxEntries");
    QTest::addColumn<QString>("expected");
    // smaps of 12209 is 32,878 bytes; the bundle holds 18 entries of 45,000-odd bytes.
    const BundleProcSource::Limits defaults;
    QTest::newRow("entry") << qint64(32877) << defaults.maxTotalSize << defaults.maxEntries
                           << QStringLiteral("proc/12209/smaps: 32878 bytes, more than the 32877-byte limit for one entry");
    QTest::newRow("total") << defaults.maxEntrySize << qint64(20000) << defaults.maxEntries
                           << QStringLiteral("more than 20000 bytes in all, more than this reader accepts");
    QTest::newRow("entries") << defaults.maxEntrySize << defaults.maxTotalSize << 5
                             << QStringLiteral("more than 5 entries, more than a bundle holds");
}

void TstBundle::limits()
{
    QFETCH(qint64, maxEntrySize);
    QFETCH(qint64, maxTotalSize);
    QFETCH(int, maxEntries);
    QFETCH(QString, expected);
    const QString path = bundleOfTree(QStringLiteral("bash"), QStringLiteral("limits-%1.mematlas").arg(QLatin1String(QTest::currentDataTag())));
    QString error;
    QVERIFY(!BundleProcSource::open(path, {maxEntrySize, maxTotalSize, maxEntries}, &error));
    QCOMPARE(error, path + QStringLiteral(": ") + expected);
    QVERIFY(BundleProcSource::open(path, &error));
}

void TstBundle::truncated()
{
    const QByteArray whole = fileContents(bundleOfTree(QStringLiteral("bash"), QStringLiteral("whole.mematlas")));
    QVERIFY(whole.size() > 5000);
    const QString cut = m_dir.filePath(QStringLiteral("cut.mematlas"));
    // Every cut in the last 300 bytes (where the tar end and zstd's last block lie), every one of the
    // first 100, and 400 more at random: each must fail, with a message naming the file.
    QList<qsizetype> sizes;
    for (qsizetype size = 1; size <= 100; ++size)
        sizes.append(size);
    for (qsizetype size = whole.size() - 300; size < whole.size(); ++size)
        sizes.append(size);
    QRandomGenerator random(1125);
    for (int i = 0; i < 400; ++i)
        sizes.append(random.bounded(qsizetype(1), whole.size()));
    for (qsizetype size : std::as_const(sizes)) {
        QVERIFY(writeFile(cut, whole.left(size)));
        QString error;
        const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(cut, &error);
        QVERIFY2(!bundle, qPrintable(QStringLiteral("cut at %1 of %2 bytes opened").arg(size).arg(whole.size())));
        QVERIFY2(error.startsWith(cut + QStringLiteral(": ")), qPrintable(error));
    }
}

void TstBundle::corruptedBytes()
{
    // Bytes changed at random: opening may succeed (zstd has no checksum here, so a changed literal
    // is a changed text) or fail with a message; it must never crash or hang.
    const QByteArray whole = fileContents(bundleOfSynthetic(SyntheticSource(), QStringLiteral("intact.mematlas")));
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.mematlas"));
    QRandomGenerator random(4242);
    int failures = 0;
    for (int i = 0; i < 500; ++i) {
        QByteArray bytes = whole;
        for (int flips = 1 + int(random.bounded(4)); flips > 0; --flips)
            bytes[random.bounded(bytes.size())] ^= char(1 + random.bounded(255));
        QVERIFY(writeFile(damaged, bytes));
        QString error;
        const std::shared_ptr<BundleProcSource> bundle = BundleProcSource::open(damaged, &error);
        if (!bundle) {
            ++failures;
            QVERIFY2(error.startsWith(damaged + QStringLiteral(": ")), qPrintable(error));
            continue;
        }
        // What opened serves reads like any bundle.
        for (int pid : bundle->pids())
            bundle->readRange(QStringLiteral("%1/pagemap").arg(pid), 0x400 * 8, 64);
    }
    QVERIFY(failures > 0);
}

QTEST_APPLESS_MAIN(TstBundle)
#include "tst_bundle.moc"
