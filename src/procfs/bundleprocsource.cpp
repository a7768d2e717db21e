#include "bundleprocsource.h"

#include "bundlelocale_p.h"
#include "procfstext.h"

#include <QFile>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>
#include <sys/stat.h>

namespace {

struct ArchiveDeleter
{
    void operator()(archive *handle) const { archive_read_free(handle); }
};

// zstd frames start with 28 b5 2f fd.
constexpr std::array<char, 4> ZstdMagic{'\x28', '\xb5', '\x2f', '\xfd'};

// The process a path relative to proc/ belongs to ("1234/maps" -> 1234), or 0.
int processOf(const QString &relativePath)
{
    bool ok = false;
    const int pid = relativePath.section(QLatin1Char('/'), 0, 0).toInt(&ok);
    return ok && pid > 0 && relativePath.contains(QLatin1Char('/')) ? pid : 0;
}

bool isFrameFile(const QString &relativePath)
{
    return relativePath == QLatin1String("kpageflags") || relativePath == QLatin1String("kpagecount");
}

bool isPagemap(const QString &relativePath)
{
    return processOf(relativePath) > 0 && relativePath.endsWith(QLatin1String("/pagemap"))
        && relativePath.count(QLatin1Char('/')) == 1;
}

} // namespace

BundleProcSource::BundleProcSource(const QString &path)
    : m_path(path)
{
}

std::shared_ptr<BundleProcSource> BundleProcSource::open(const QString &path, QString *error)
{
    return open(path, Limits(), error);
}

std::shared_ptr<BundleProcSource> BundleProcSource::open(const QString &path, const Limits &limits, QString *error)
{
    std::shared_ptr<BundleProcSource> source(new BundleProcSource(path));
    const QString problem = source->load(limits);
    if (problem.isEmpty())
        return source;
    *error = path + QStringLiteral(": ") + problem;
    return nullptr;
}

bool BundleProcSource::looksLikeBundle(const QString &path)
{
    if (path.endsWith(QLatin1String(".mematlas")))
        return true;
    QFile file(path);
    std::array<char, 4> start{};
    return file.open(QIODevice::ReadOnly) && file.read(start.data(), start.size()) == qint64(start.size())
        && start == ZstdMagic;
}

QString BundleProcSource::load(const Limits &limits)
{
    // A FIFO or device would block or never end; only regular files are bundles.
    struct stat info {
    };
    if (::stat(QFile::encodeName(m_path).constData(), &info) != 0)
        return errno == ENOENT ? ProcfsText::tr("no such file") : QString::fromLocal8Bit(std::strerror(errno));
    if (S_ISDIR(info.st_mode))
        return ProcfsText::tr("a directory, not a bundle");
    if (!S_ISREG(info.st_mode))
        return ProcfsText::tr("not a regular file, so not a bundle");
    if (info.st_size == 0)
        return ProcfsText::tr("empty file, not a MemAtlas bundle");

    const ScopedUtf8Locale utf8;
    const std::unique_ptr<archive, ArchiveDeleter> reader(archive_read_new());
    archive_read_support_filter_zstd(reader.get());
    archive_read_support_format_tar(reader.get());
    const auto libarchiveError = [&reader] { return QString::fromLocal8Bit(archive_error_string(reader.get())); };
    if (archive_read_open_filename(reader.get(), QFile::encodeName(m_path).constData(), 64 * 1024) != ARCHIVE_OK)
        return ProcfsText::tr("not a MemAtlas bundle (%1)").arg(libarchiveError());

    bool first = true;
    int entries = 0; // after the manifest
    qint64 total = 0;
    std::array<char, 64 * 1024> buffer;
    for (;;) {
        archive_entry *entry = nullptr;
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK)
            return first ? ProcfsText::tr("not a MemAtlas bundle (%1)").arg(libarchiveError())
                         : ProcfsText::tr("truncated or damaged (%1)").arg(libarchiveError());

        QString path = QString::fromUtf8(archive_entry_pathname_utf8(entry));
        if (path.startsWith(QLatin1String("./")))
            path.remove(0, 2);
        if (first) {
            // An uncompressed tar reads as well; only the filter tells it is not one of ours.
            bool zstd = false;
            for (int i = 0; i < archive_filter_count(reader.get()); ++i)
                zstd = zstd || archive_filter_code(reader.get(), i) == ARCHIVE_FILTER_ZSTD;
            if (!zstd)
                return ProcfsText::tr("not a MemAtlas bundle (a tar archive, but not compressed with zstd)");
            if (path != BundleManifest::ManifestPath)
                return ProcfsText::tr("not a MemAtlas bundle (its first entry is \"%1\", not %2)")
                    .arg(path, BundleManifest::ManifestPath);
        }

        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFDIR)
            continue;
        if (!first && ++entries > limits.maxEntries)
            return ProcfsText::tr("more than %1 entries, more than a bundle holds").arg(limits.maxEntries);
        if (type == AE_IFLNK) {
            BundleProcSource *source = first ? nullptr : sourceFor(path);
            if (!source || !source->addLink(path, QString::fromUtf8(archive_entry_symlink_utf8(entry))))
                return ProcfsText::tr("%1: a link where none belongs, or twice").arg(path);
            continue;
        }
        if (type != AE_IFREG)
            return ProcfsText::tr("%1: neither a file nor a link").arg(path);

        // The header's size is only a claim: checked up front, then counted as the data arrives.
        const auto tooLarge = [&](qint64 size) {
            return ProcfsText::tr("%1: %2 bytes, more than the %3-byte limit for one entry").arg(path).arg(size).arg(limits.maxEntrySize);
        };
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > limits.maxEntrySize)
            return tooLarge(archive_entry_size(entry));
        QByteArray data;
        for (;;) {
            const la_ssize_t got = archive_read_data(reader.get(), buffer.data(), buffer.size());
            if (got < 0)
                return ProcfsText::tr("truncated or damaged in %1 (%2)").arg(path, libarchiveError());
            if (got == 0)
                break;
            if (data.size() + got > limits.maxEntrySize)
                return tooLarge(data.size() + got);
            total += got;
            if (total > limits.maxTotalSize)
                return ProcfsText::tr("more than %1 bytes in all, more than this reader accepts").arg(limits.maxTotalSize);
            data.append(buffer.data(), got);
        }

        if (first) {
            QString problem;
            std::optional<BundleManifest> manifest = BundleManifest::fromJson(data, &problem);
            if (!manifest)
                return QStringLiteral("%1: %2").arg(path, problem);
            m_manifest = std::move(*manifest);
            for (int i = 0; i < m_manifest.timeline.size(); ++i) {
                const BundleManifest::TimelineSnapshot &snapshot = m_manifest.timeline.at(i);
                auto source = std::shared_ptr<BundleProcSource>(new BundleProcSource(m_path));
                source->m_manifest = m_manifest;
                source->m_prefix = snapshot.dir + BundleManifest::ProcPrefix;
                source->m_timelineLabel = ProcfsText::tr("snapshot %1 of %2, %3")
                                              .arg(i + 1)
                                              .arg(m_manifest.timeline.size())
                                              .arg(snapshot.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
                m_timeline.append(source);
            }
            first = false;
            continue;
        }
        const QString problem = addFile(path, data);
        if (!problem.isEmpty())
            return problem;
    }
    if (first)
        return ProcfsText::tr("not a MemAtlas bundle (an empty archive)");
    // A cut at an entry boundary reads as a complete tar; the count recorded up front tells.
    if (entries != m_manifest.entryCount)
        return ProcfsText::tr("truncated: the manifest lists %1 entries after itself, the archive holds %2")
            .arg(m_manifest.entryCount)
            .arg(entries);

    collectPids();
    for (const std::shared_ptr<BundleProcSource> &snapshot : std::as_const(m_timeline))
        snapshot->collectPids();
    return QString();
}

void BundleProcSource::collectPids()
{
    QSet<int> pids;
    for (const QString &relativePath : m_files.keys() + m_links.keys())
        pids.insert(processOf(relativePath));
    for (auto it = m_pagemaps.cbegin(); it != m_pagemaps.cend(); ++it)
        pids.insert(it.key());
    pids.remove(0);
    m_pids = pids.values();
    std::sort(m_pids.begin(), m_pids.end());
}

BundleProcSource *BundleProcSource::sourceFor(const QString &archivePath)
{
    if (archivePath.startsWith(m_prefix))
        return this;
    for (const std::shared_ptr<BundleProcSource> &snapshot : std::as_const(m_timeline)) {
        if (archivePath.startsWith(snapshot->m_prefix))
            return snapshot.get();
    }
    return nullptr;
}

bool BundleProcSource::addLink(const QString &archivePath, const QString &target)
{
    const QString relativePath = archivePath.mid(m_prefix.size());
    if (m_links.contains(relativePath) || m_files.contains(relativePath))
        return false;
    m_links.insert(relativePath, target);
    return true;
}

QString BundleProcSource::addFile(const QString &archivePath, const QByteArray &data)
{
    BundleProcSource *source = sourceFor(archivePath);
    if (source != this)
        return source ? source->addFile(archivePath, data) : QString();
    const QString relativePath = archivePath.mid(m_prefix.size());
    QString problem;
    const int pid = processOf(relativePath);
    if (pid > 0 && relativePath == QString::number(pid) + QLatin1Char('/') + BundleManifest::PagemapRangesName) {
        std::optional<BundlePagemap> pagemap = BundlePagemap::decode(data, m_manifest.pageSize, &problem);
        if (pagemap && !m_pagemaps.contains(pid))
            m_pagemaps.insert(pid, std::move(*pagemap));
        else if (pagemap)
            problem = ProcfsText::tr("there twice");
    } else if (relativePath == BundleManifest::KPageFramesPath) {
        if (m_frames)
            problem = ProcfsText::tr("there twice");
        else
            m_frames = BundleFrames::decode(data, &problem);
    } else if (m_files.contains(relativePath) || m_links.contains(relativePath)) {
        problem = ProcfsText::tr("there twice");
    } else {
        m_files.insert(relativePath, data);
    }
    return problem.isEmpty() ? QString() : archivePath + QStringLiteral(": ") + problem;
}

ProcSource::Kind BundleProcSource::kind() const
{
    return Kind::Bundle;
}

QString BundleProcSource::description() const
{
    const QString host = m_manifest.hostName.isEmpty() ? ProcfsText::tr("unknown host") : m_manifest.hostName;
    if (!m_timelineLabel.isEmpty())
        return ProcfsText::tr("bundle %1 (%2, %3)").arg(m_path, host, m_timelineLabel);
    return ProcfsText::tr("bundle %1 (%2, %3)")
        .arg(m_path, host, m_manifest.captureTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
}

QString BundleProcSource::rootPath() const
{
    return m_path;
}

QString BundleProcSource::located(const QString &relativePath) const
{
    return m_path + QStringLiteral(": ") + m_prefix + relativePath;
}

ReadResult BundleProcSource::missing(const QString &relativePath) const
{
    if (const BundleManifest::Unreadable *entry = m_manifest.unreadableEntry(m_prefix + relativePath))
        return ReadResult::failure(entry->status, ProcfsText::tr("%1: not captured: %2").arg(located(relativePath), entry->message));
    const int pid = processOf(relativePath);
    if (pid > 0 && !processExists(pid)) {
        const BundleManifest::Process *process = m_manifest.process(pid);
        return ReadResult::failure(ReadResult::Status::ProcessExited,
                                   process && process->exited
                                       ? ProcfsText::tr("%1: process %2 exited while it was captured (%3)")
                                             .arg(located(relativePath), QString::number(pid), process->message)
                                       : ProcfsText::tr("%1: process %2 is not in the bundle").arg(located(relativePath), QString::number(pid)));
    }
    return ReadResult::failure(ReadResult::Status::NotFound, ProcfsText::tr("%1: not in the bundle").arg(located(relativePath)));
}

ReadResult BundleProcSource::readFile(const QString &relativePath, qint64 requestedMaxSize) const
{
    const qint64 maxSize = limitFor(relativePath, requestedMaxSize);
    const auto file = m_files.constFind(relativePath);
    if (file == m_files.cend())
        return missing(relativePath);
    if (file->size() > maxSize)
        return fileTooLarge(located(relativePath), file->size(), maxSize);
    ReadResult result;
    result.data = *file;
    return result;
}

ReadResult BundleProcSource::readRange(const QString &relativePath, quint64 offset, quint64 length) const
{
    if (length > quint64(DefaultMaxSize))
        return rangeTooLarge(located(relativePath), length);
    const bool framed = isFrameFile(relativePath);
    const bool pagemap = isPagemap(relativePath);
    // The kernel's rule for these files (EINVAL otherwise), so code that works here works live.
    if ((framed || pagemap) && (offset % 8 != 0 || length % 8 != 0 || offset > std::numeric_limits<quint64>::max() - length))
        return ReadResult::failure(ReadResult::Status::IoError,
                                   ProcfsText::tr("%1: reads must be 8-byte aligned (offset %2, length %3)")
                                       .arg(located(relativePath))
                                       .arg(offset)
                                       .arg(length));
    ReadResult result;
    if (framed && m_frames) {
        result.data = m_frames->read(relativePath == QLatin1String("kpageflags") ? BundleFrames::Column::Flags
                                                                                 : BundleFrames::Column::Count,
                                     offset, length);
        return result;
    }
    if (pagemap) {
        const auto found = m_pagemaps.constFind(processOf(relativePath));
        if (found == m_pagemaps.cend())
            return missing(relativePath);
        result.data = found->read(offset, length);
        return result;
    }
    const auto file = m_files.constFind(relativePath);
    if (file == m_files.cend())
        return missing(relativePath);
    if (offset < quint64(file->size()))
        result.data = file->mid(qsizetype(offset), qsizetype(qMin<quint64>(length, quint64(file->size()) - offset)));
    return result;
}

QString BundleProcSource::readLink(const QString &relativePath) const
{
    return m_links.value(relativePath);
}

QList<int> BundleProcSource::pids() const
{
    return m_pids;
}

bool BundleProcSource::processExists(int pid) const
{
    return std::binary_search(m_pids.cbegin(), m_pids.cend(), pid);
}

quint64 BundleProcSource::pageSize() const
{
    return m_manifest.pageSize;
}
