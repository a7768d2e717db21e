#pragma once

#include "bundleframes.h"
#include "bundlemanifest.h"
#include "bundlepagemap.h"
#include "procsource.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

// Reads a snapshot bundle (FILE.mematlas, layout in bundlemanifest.h): the whole archive is read
// into memory on open, and every read afterwards is served from there. pagemap, kpageflags and
// kpagecount read as the kernel's files did for what was captured, and as 0 elsewhere. A file the
// capture could not read fails with the status and reason it failed with then.
class BundleProcSource : public ProcSource
{
public:
    // What open() accepts before it refuses: bundles are small, and a damaged or hostile archive
    // must not make us allocate what its headers claim.
    struct Limits
    {
        qint64 maxEntrySize = DefaultMaxSize;
        qint64 maxTotalSize = 4ll * 1024 * 1024 * 1024;
        int maxEntries = 1'000'000;
    };

    // nullptr with *error set ("FILE: what is wrong") for a missing, empty, truncated, corrupt or
    // foreign file, or a bundle of a newer format version.
    static std::shared_ptr<BundleProcSource> open(const QString &path, QString *error);
    static std::shared_ptr<BundleProcSource> open(const QString &path, const Limits &limits, QString *error);
    // Whether a file given where a /proc directory was expected is meant as a bundle: its name ends in
    // .mematlas or it starts like zstd data. Lets callers keep "not a directory" for other files.
    static bool looksLikeBundle(const QString &path);

    // Host, time, kernel, page size, processes and what could not be read, as recorded.
    const BundleManifest &manifest() const { return m_manifest; }
    // The files of manifest().timeline[index], read like the bundle's own proc/ tree.
    std::shared_ptr<const ProcSource> timelineSource(int index) const { return m_timeline.value(index); }

    Kind kind() const override;
    // "bundle /tmp/x.mematlas (host, 2025-11-25 17:42:01 UTC)"
    QString description() const override;
    QString rootPath() const override;
    ReadResult readFile(const QString &relativePath, qint64 maxSize = LimitForFile) const override;
    ReadResult readRange(const QString &relativePath, quint64 offset, quint64 length) const override;
    QString readLink(const QString &relativePath) const override;
    QList<int> pids() const override;
    // Whether the bundle holds files of the process.
    bool processExists(int pid) const override;
    quint64 pageSize() const override;

private:
    explicit BundleProcSource(const QString &path);

    // Reads the archive into the members; returns what is wrong, or an empty string.
    QString load(const Limits &limits);
    // The source an archive path belongs to: this one (proc/), a timeline snapshot's
    // (timeline/NNN/proc/), or none (not ours to interpret; a later version may add some).
    BundleProcSource *sourceFor(const QString &archivePath);
    // Files an entry under its place: a text file, the decoded pagemap or frames. Returns what is
    // wrong with it, or an empty string.
    QString addFile(const QString &archivePath, const QByteArray &data);
    bool addLink(const QString &archivePath, const QString &target); // false: there already
    void collectPids();

    // The failure for a path the bundle has no data for: the recorded reason, or why not.
    ReadResult missing(const QString &relativePath) const;
    QString located(const QString &relativePath) const;

    QString m_path;
    QString m_prefix = BundleManifest::ProcPrefix; // of this source's files in the archive
    QString m_timelineLabel; // "snapshot 2 of 5, 12:00:03 UTC" for a timeline snapshot's source
    BundleManifest m_manifest;
    QList<std::shared_ptr<BundleProcSource>> m_timeline; // index-aligned with m_manifest.timeline
    QHash<QString, QByteArray> m_files; // by path relative to proc/, as ProcSource names them
    QHash<QString, QString> m_links;
    QHash<int, BundlePagemap> m_pagemaps;
    std::optional<BundleFrames> m_frames;
    QList<int> m_pids;
};
