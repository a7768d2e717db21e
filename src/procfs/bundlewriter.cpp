#include "bundlewriter.h"

#include "bundlelocale_p.h"
#include "bundlepagemap.h"
#include "cmdline.h"
#include "frametable.h"
#include "mapsparser.h"
#include "pageentry.h"
#include "pagemapsnapshot.h"
#include "processinfo.h"
#include "processstatus.h"
#include "procfstext.h"
#include "redactor.h"
#include "smapsparser.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

// The files of a process a bundle holds, besides the exe link and the pagemap. Never environ.
constexpr const char *ProcessFiles[] = {"maps", "smaps", "smaps_rollup", "status", "stat", "statm", "cmdline"};

// At most this many pages per pagemap read (8 MiB of entries, 4 GiB of address space with 4 KiB pages).
constexpr quint64 PagemapChunkPages = 1024 * 1024;

QString errnoText(int errorNumber)
{
    return QString::fromLocal8Bit(std::strerror(errorNumber));
}

QString sourceText(const ProcSource &source, const QString &relativePath)
{
    const ReadResult result = source.readFile(relativePath, 4096);
    return result.ok() ? QString::fromUtf8(result.data).trimmed() : QString();
}

// Mappings smaps shows with nothing resident and nothing swapped have only zero pagemap entries.
// Skipping them keeps terabyte reservations (V8's sandbox, ASan's shadow) from costing seconds.
QSet<quint64> untouchedMappingStarts(const QByteArray &smaps)
{
    QSet<quint64> starts;
    const QList<SmapsEntry> entries = SmapsParser::parse(smaps).value;
    for (const SmapsEntry &entry : entries) {
        if (entry.has(SmapsEntry::Rss) && entry.has(SmapsEntry::Swap) && entry.value(SmapsEntry::Rss) == 0
            && entry.value(SmapsEntry::Swap) == 0)
            starts.insert(entry.mapping.start);
    }
    return starts;
}

// "sleep 1000", or "[kthreadd]" for a process without a command line, by ProcessInfo's rule.
QString commandOf(const QByteArray &cmdline, const QByteArray &status)
{
    const ProcessStatus parsed = ProcessStatus::parse(status).value;
    ProcessInfo info;
    info.arguments = Cmdline::parse(cmdline);
    info.name = parsed.name();
    info.state = parsed.value("State").isEmpty() ? '?' : parsed.value("State").at(0);
    return info.commandLine();
}

struct ArchiveDeleter
{
    void operator()(archive *handle) const { archive_write_free(handle); }
};
struct EntryDeleter
{
    void operator()(archive_entry *entry) const { archive_entry_free(entry); }
};

// A file created beside the target and removed again unless it was renamed into place.
class TemporaryFile
{
public:
    explicit TemporaryFile(const QString &target)
        : m_path(QFile::encodeName(QFileInfo(target).absolutePath() + QStringLiteral("/.")
                                   + QFileInfo(target).fileName() + QStringLiteral(".XXXXXX")))
    {
        m_fd = ::mkostemp(m_path.data(), O_CLOEXEC);
    }
    ~TemporaryFile()
    {
        closeFile();
        if (!m_renamed)
            ::unlink(m_path.constData());
    }
    TemporaryFile(const TemporaryFile &) = delete;
    TemporaryFile &operator=(const TemporaryFile &) = delete;

    int fd() const { return m_fd; }
    QString path() const { return QFile::decodeName(m_path); }
    // errno on failure.
    int closeFile()
    {
        const int fd = std::exchange(m_fd, -1);
        return fd >= 0 && ::close(fd) != 0 ? errno : 0;
    }
    // Moves the file to target; without overwrite, fails with EEXIST when target exists, atomically.
    int renameTo(const QString &target, bool overwrite)
    {
        const QByteArray to = QFile::encodeName(target);
        const int result = overwrite ? ::rename(m_path.constData(), to.constData())
                                     : ::renameat2(AT_FDCWD, m_path.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE);
        if (result != 0)
            return errno;
        m_renamed = true;
        return 0;
    }

private:
    QByteArray m_path;
    int m_fd = -1;
    bool m_renamed = false;
};

// The rename is on disk only once the directory is flushed too.
void syncDirectoryOf(const QString &path)
{
    const int fd = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

BundleWriter::BundleWriter(const ProcSource &source, const QString &tool)
    : m_source(source)
{
    m_manifest.tool = tool;
    m_manifest.source = source.description();
    m_manifest.kernelRelease = sourceText(source, QStringLiteral("sys/kernel/osrelease"));
    m_manifest.hostName = sourceText(source, QStringLiteral("sys/kernel/hostname"));
    m_manifest.pageSize = source.pageSize();
    m_manifest.captureTime = QDateTime::currentDateTimeUtc();
}

BundleWriter::Entry BundleWriter::textEntry(const QString &relativePath, const QByteArray &data) const
{
    return {BundleManifest::ProcPrefix + relativePath, data, QString(), QDateTime::currentDateTimeUtc()};
}

void BundleWriter::setRedacted(bool redacted)
{
    if (redacted)
        m_redactor.emplace();
    else
        m_redactor.reset();
    m_manifest.redacted = redacted;
}

QByteArray BundleWriter::redacted(QLatin1String name, const QByteArray &data)
{
    if (name == QLatin1String("maps") || name == QLatin1String("smaps"))
        return m_redactor->mapsText(data);
    if (name == QLatin1String("cmdline"))
        return Redactor::cmdline(data);
    return data; // status, stat and statm name the program by its 15-character comm only
}

bool BundleWriter::recordExited(int pid, const QString &message)
{
    m_manifest.processes.append({pid, QString(), true, message});
    return false;
}

bool BundleWriter::addProcess(int pid, const ProcessOptions &options)
{
    if (!m_source.processExists(pid))
        return recordExited(pid, ProcfsText::tr("process %1 does not exist").arg(pid));
    const QString directory = QString::number(pid) + QLatin1Char('/');
    ProcessCapture capture;
    QHash<QString, QByteArray> texts;
    for (const char *name : ProcessFiles) {
        const QString relativePath = directory + QLatin1String(name);
        const ReadResult result = m_source.readFile(relativePath);
        if (result.status == ReadResult::Status::ProcessExited)
            return recordExited(pid, result.message);
        if (!result.ok()) {
            capture.unreadable.append({BundleManifest::ProcPrefix + relativePath, result.status, result.message});
            continue;
        }
        const QByteArray data = m_redactor ? redacted(QLatin1String(name), result.data) : result.data;
        texts.insert(QLatin1String(name), data);
        capture.entries.append(textEntry(relativePath, data));
    }

    const QString exe = directory + QStringLiteral("exe");
    const QString target = m_redactor ? m_redactor->path(m_source.readLink(exe)) : m_source.readLink(exe);
    if (target.isEmpty())
        capture.unreadable.append({BundleManifest::ProcPrefix + exe, ReadResult::Status::NotFound,
                                   ProcfsText::tr("%1: no link target (a kernel thread or zombie has none; another "
                                                  "user's process needs ptrace access)")
                                       .arg(m_source.rootPath() + QLatin1Char('/') + exe)});
    else
        capture.entries.append({BundleManifest::ProcPrefix + exe, QByteArray(), target, QDateTime::currentDateTimeUtc()});

    if (options.pagemap && texts.contains(QStringLiteral("maps"))
        && !readPagemap(pid, texts.value(QStringLiteral("maps")), texts.value(QStringLiteral("smaps")), options, &capture))
        return false;

    m_entries.append(capture.entries);
    m_manifest.unreadable.append(capture.unreadable);
    m_frames.append(capture.frames);
    m_manifest.processes.append(
        {pid, commandOf(texts.value(QStringLiteral("cmdline")), texts.value(QStringLiteral("status"))), false, QString()});
    return true;
}

bool BundleWriter::readPagemap(int pid, const QByteArray &maps, const QByteArray &smaps, const ProcessOptions &options,
                               ProcessCapture *capture)
{
    const QString relativePath = QString::number(pid) + QStringLiteral("/pagemap");
    const quint64 pageSize = m_source.pageSize();
    // A cut maps text still yields its whole lines; the pagemap of those is worth having.
    const QList<Mapping> mappings = MapsParser::parse(maps).value;
    const QSet<quint64> untouched = untouchedMappingStarts(smaps);
    BundlePagemap pagemap;
    std::vector<quint64> pfns;
    bool pfnsHidden = false;
    QList<quint64> entries;
    for (const Mapping &mapping : mappings) {
        if (untouched.contains(mapping.start))
            continue;
        const quint64 endPage = mapping.end / pageSize;
        for (quint64 page = mapping.start / pageSize; page < endPage;) {
            if (options.cancelled && options.cancelled())
                return false;
            const quint64 pages = qMin(endPage - page, PagemapChunkPages);
            const ReadResult result = m_source.readRange(relativePath, page * 8, pages * 8);
            if (result.status == ReadResult::Status::ProcessExited)
                return recordExited(pid, result.message);
            if (!result.ok()) {
                capture->unreadable.append({BundleManifest::ProcPrefix + relativePath, result.status, result.message});
                return true;
            }
            entries.resize(result.data.size() / 8);
            if (!entries.isEmpty()) // an empty QList has no storage to copy into
                std::memcpy(entries.data(), result.data.constData(), size_t(entries.size()) * 8);
            pagemap.append(page, entries.constData(), entries.size());
            for (quint64 raw : std::as_const(entries)) {
                const PageEntry entry = PageEntry::decode(raw);
                // PFN 0 is what a reader without CAP_SYS_ADMIN sees: no frame to look up.
                if (entry.present && entry.pfn != 0)
                    pfns.push_back(entry.pfn);
                pfnsHidden = pfnsHidden || (entry.present && entry.pfn == 0);
            }
            // pagemap ends early when the address space is gone, and above user space ([vsyscall]).
            if (quint64(entries.size()) < pages) {
                if (!m_source.processExists(pid))
                    return recordExited(pid, ProcfsText::tr("%1/%2: process %3 exited during the read")
                                                 .arg(m_source.rootPath(), relativePath)
                                                 .arg(pid));
                break;
            }
            page += pages;
        }
    }
    capture->entries.append(textEntry(QString::number(pid) + QLatin1Char('/') + BundleManifest::PagemapRangesName,
                                      pagemap.encode(pageSize)));
    if (pfnsHidden && pfns.empty() && !m_framesUnreadable)
        recordFramesUnreadable(ReadResult::Status::PermissionDenied,
                               ProcfsText::tr("%1/%2: physical frame numbers are hidden (reading them needs root, "
                                              "CAP_SYS_ADMIN): no frames to look up in kpageflags and kpagecount")
                                   .arg(m_source.rootPath(), relativePath));
    readFrames(std::move(pfns), capture);
    return true;
}

void BundleWriter::recordFramesUnreadable(ReadResult::Status status, const QString &message)
{
    // Both files need root and fail together; both are recorded so either read gives the reason.
    for (const char *name : {"kpageflags", "kpagecount"})
        m_manifest.unreadable.append({BundleManifest::ProcPrefix + QLatin1String(name), status, message});
    m_framesUnreadable = true;
}

void BundleWriter::readFrames(std::vector<quint64> pfns, ProcessCapture *capture)
{
    if (m_framesUnreadable || pfns.empty())
        return;
    const ReadOutcome<FrameTable> table = FrameTable::read(m_source, std::move(pfns));
    if (!table.ok()) {
        recordFramesUnreadable(table.status, table.error);
        return;
    }
    for (qsizetype i = 0; i < table.value.size(); ++i)
        capture->frames.append({table.value.pfns()[size_t(i)], table.value.frameAt(i).flags, table.value.frameAt(i).mapCount});
    if (m_pfnEnd == 0) {
        const ReadOutcome<quint64> end = FrameTable::pfnEnd(m_source);
        m_pfnEnd = end.ok() ? end.value : 0;
    }
}

QList<BundleWriter::Entry> BundleWriter::entriesOf(const QString &prefix, const RecordedProcess &process) const
{
    const QString directory = prefix + QString::number(process.pid) + QLatin1Char('/');
    QList<Entry> entries;
    for (const auto &[name, data] : process.files)
        entries.append({directory + name, data, QString(), process.time});
    if (!process.exeTarget.isEmpty())
        entries.append({directory + QStringLiteral("exe"), QByteArray(), process.exeTarget, process.time});
    if (process.pages) {
        BundlePagemap pagemap;
        const quint64 pageSize = process.pages->pageSize;
        QList<quint64> raw;
        for (const PageMapSnapshot::Range &range : process.pages->ranges) {
            // The snapshot keeps the kernel's bytes; copied out so the u64s are aligned.
            raw.resize(qsizetype(range.pageCount));
            std::memcpy(raw.data(), range.entries.constData(), size_t(raw.size()) * sizeof(quint64));
            pagemap.append(range.start / pageSize, raw.constData(), raw.size());
        }
        entries.append({directory + BundleManifest::PagemapRangesName, pagemap.encode(pageSize), QString(), process.time});
    }
    return entries;
}

void BundleWriter::addTimelineSnapshot(const RecordedProcess &process)
{
    const QString dir = BundleManifest::TimelineDir + QStringLiteral("%1/").arg(m_manifest.timeline.size(), 3, 10, QLatin1Char('0'));
    m_entries.append(entriesOf(dir + BundleManifest::ProcPrefix, process));
    m_manifest.timeline.append({dir, process.pid, process.command, process.time.toUTC()});
}

void BundleWriter::addRecordedProcess(const RecordedProcess &process)
{
    m_entries.append(entriesOf(BundleManifest::ProcPrefix, process));
    m_manifest.processes.append({process.pid, process.command, false, QString()});
}

bool BundleWriter::addMeminfo()
{
    const ReadResult result = m_source.readFile(QStringLiteral("meminfo"));
    if (!result.ok()) {
        m_manifest.unreadable.append({BundleManifest::ProcPrefix + QStringLiteral("meminfo"), result.status, result.message});
        return false;
    }
    m_entries.append(textEntry(QStringLiteral("meminfo"), result.data));
    return true;
}

bool BundleWriter::addMeminfoSample()
{
    const ReadResult result = m_source.readFile(QStringLiteral("meminfo"));
    // Numbered by attempt, so a failed reading keeps its own name in the unreadable list.
    const QString relativePath = BundleManifest::MeminfoSamplesDir
        + QStringLiteral("%1").arg(m_meminfoSampleAttempts++, 6, 10, QLatin1Char('0'));
    if (!result.ok()) {
        m_manifest.unreadable.append({BundleManifest::ProcPrefix + relativePath, result.status, result.message});
        return false;
    }
    const Entry entry = textEntry(relativePath, result.data);
    m_entries.append(entry);
    m_manifest.meminfoSamples.append({entry.path, entry.time});
    return true;
}

bool BundleWriter::write(const QString &path, const WriteOptions &options, QString *error) const
{
    const auto failed = [&](const QString &problem) {
        *error = path + QStringLiteral(": ") + problem;
        return false;
    };
    const auto cancelled = [&options] { return options.cancelled && options.cancelled(); };
    // Checked first for a clear message; the rename below is what makes it race-free.
    if (!options.overwrite && QFileInfo::exists(path))
        return failed(ProcfsText::tr("already exists"));

    BundleManifest manifest = m_manifest;
    const bool hasFrames = !m_frames.isEmpty();
    manifest.entryCount = int(m_entries.size()) + (hasFrames ? 1 : 0);
    QList<Entry> entries{{BundleManifest::ManifestPath, manifest.toJson(), QString(), manifest.captureTime}};
    entries.append(m_entries);
    if (hasFrames)
        entries.append({BundleManifest::ProcPrefix + BundleManifest::KPageFramesPath, BundleFrames::encode(m_frames, m_pfnEnd),
                        QString(), manifest.captureTime});

    TemporaryFile temporary(path);
    if (temporary.fd() < 0)
        return failed(ProcfsText::tr("cannot create a temporary file beside it: %1").arg(errnoText(errno)));

    const ScopedUtf8Locale utf8;
    const std::unique_ptr<archive, ArchiveDeleter> writer(archive_write_new());
    const auto archiveFailed = [&] {
        return failed(ProcfsText::tr("writing %1: %2").arg(temporary.path(), QString::fromLocal8Bit(archive_error_string(writer.get()))));
    };
    // pax (restricted: plain ustar headers unless a path needs more) for long and non-ASCII paths
    // and link targets, given to libarchive as UTF-8. One byte in the last block: no padding after
    // the zstd frame, which zstd -d would take for garbage.
    if (archive_write_add_filter_zstd(writer.get()) != ARCHIVE_OK
        || archive_write_set_format_pax_restricted(writer.get()) != ARCHIVE_OK
        || archive_write_set_bytes_in_last_block(writer.get(), 1) != ARCHIVE_OK
        || archive_write_open_fd(writer.get(), temporary.fd()) != ARCHIVE_OK)
        return archiveFailed();

    for (const Entry &entry : std::as_const(entries)) {
        if (cancelled())
            return failed(ProcfsText::tr("interrupted; nothing written"));
        const std::unique_ptr<archive_entry, EntryDeleter> header(archive_entry_new());
        archive_entry_set_pathname_utf8(header.get(), entry.path.toUtf8().constData());
        if (entry.linkTarget.isEmpty()) {
            archive_entry_set_filetype(header.get(), AE_IFREG);
            archive_entry_set_perm(header.get(), 0444);
            archive_entry_set_size(header.get(), entry.data.size());
        } else {
            archive_entry_set_filetype(header.get(), AE_IFLNK);
            archive_entry_set_perm(header.get(), 0777);
            archive_entry_set_symlink_utf8(header.get(), entry.linkTarget.toUtf8().constData());
        }
        const qint64 msecs = entry.time.toMSecsSinceEpoch();
        archive_entry_set_mtime(header.get(), msecs / 1000, long(msecs % 1000) * 1000000);
        if (archive_write_header(writer.get(), header.get()) != ARCHIVE_OK
            || archive_write_data(writer.get(), entry.data.constData(), size_t(entry.data.size())) != entry.data.size())
            return archiveFailed();
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK)
        return archiveFailed();
    if (::fsync(temporary.fd()) != 0)
        return failed(ProcfsText::tr("flushing %1: %2").arg(temporary.path(), errnoText(errno)));
    if (const int closeError = temporary.closeFile())
        return failed(ProcfsText::tr("closing %1: %2").arg(temporary.path(), errnoText(closeError)));
    if (cancelled())
        return failed(ProcfsText::tr("interrupted; nothing written"));
    if (const int renameError = temporary.renameTo(path, options.overwrite))
        return failed(renameError == EEXIST ? ProcfsText::tr("already exists") : errnoText(renameError));
    syncDirectoryOf(path);
    return true;
}
