#pragma once

#include "procsource.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <optional>

// A snapshot bundle (FILE.mematlas) is a tar archive compressed with zstd whose paths mirror procfs,
// so `tar --zstd -tf FILE.mematlas` shows what is inside:
//
//   manifest.json                    always the first entry: this struct, as JSON (below)
//   proc/meminfo                     /proc/meminfo as read at capture time
//   proc/meminfo.samples/NNNNNN      further /proc/meminfo readings, numbered from 000000; their
//                                    times are in the manifest (a file's text has none of its own)
//   proc/PID/maps smaps smaps_rollup status stat statm cmdline
//                                    the kernel's text, byte for byte
//   proc/PID/exe                     a symbolic link entry to what /proc/PID/exe pointed at, so that
//                                    `tar x` gives a tree TreeProcSource reads like a recorded fixture
//   proc/PID/pagemap.ranges          pagemap entries of the mapped ranges (binary, BundlePagemap)
//   proc/kpage.frames                kpageflags and kpagecount of the frames those entries name
//                                    (binary, BundleFrames)
//   timeline/NNN/proc/PID/...        earlier snapshots of a process, as the GUI's timeline took them
//                                    (maps smaps smaps_rollup status stat statm cmdline comm,
//                                    pagemap.ranges), numbered from 000 oldest first; the newest is
//                                    also under proc/, so a reader that knows no timeline sees it
//
// environ is never captured: it holds secrets. A file that could not be read is absent and listed
// in the manifest with the reason; a process that exited while it was captured has no files at all.
//
// manifest.json:
//   { "format": "mematlas-bundle", "formatVersion": 1, "tool": "mematlas-capture 0.1.0",
//     "source": "live /proc", "kernelRelease": "6.1.0-13-amd64", "hostName": "box", "pageSize": 4096,
//     "captureTime": "2025-11-25T17:42:01.123Z", "entryCount": 23,
//     "processes": [ { "pid": 42, "command": "sleep 1000" },
//                    { "pid": 43, "exited": true, "message": "process 43 does not exist" } ],
//     "unreadable": [ { "path": "proc/2/smaps_rollup", "status": "not-found", "message": "..." } ],
//     "meminfoSamples": [ { "path": "proc/meminfo.samples/000000", "time": "2025-...Z" } ],
//     "timeline": [ { "dir": "timeline/000/", "pid": 42, "command": "sleep 1000", "time": "2025-...Z" } ] }
// "timeline" may be absent (no timeline); "redacted": true when the capture was made for sharing.
// Times are ISO 8601 in UTC. Statuses: not-found, process-exited, permission-denied, too-large, io-error.
struct BundleManifest
{
    // Readers refuse bundles of a newer version: their layout may mean something else.
    static constexpr int CurrentFormatVersion = 1;
    static constexpr QLatin1String ManifestPath{"manifest.json"};
    // Everything from procfs lives under this prefix; the rest of the path is what ProcSource reads.
    static constexpr QLatin1String ProcPrefix{"proc/"};
    static constexpr QLatin1String PagemapRangesName{"pagemap.ranges"}; // in proc/PID/
    static constexpr QLatin1String KPageFramesPath{"kpage.frames"}; // under proc/
    static constexpr QLatin1String MeminfoSamplesDir{"meminfo.samples/"}; // under proc/
    static constexpr QLatin1String TimelineDir{"timeline/"}; // then NNN/ and a proc/ tree of its own

    struct Process
    {
        int pid = 0;
        QString command; // arguments joined, or "[name]" when cmdline is empty (kernel threads)
        bool exited = false; // exited before or while it was captured: none of its files are kept
        QString message; // why, when exited
    };
    struct Unreadable
    {
        QString path; // inside the bundle: "proc/2/smaps_rollup"
        ReadResult::Status status = ReadResult::Status::IoError;
        QString message; // the source's own, naming the file it read
    };
    struct MeminfoSample
    {
        QString path; // "proc/meminfo.samples/000000"
        QDateTime time; // UTC
    };
    struct TimelineSnapshot
    {
        QString dir; // "timeline/000/": the snapshot's files are under dir + "proc/"
        int pid = 0;
        QString command;
        QDateTime time; // UTC, when it was taken
    };

    int formatVersion = CurrentFormatVersion;
    QString tool;
    QString source; // the ProcSource it was captured from: "live /proc", "tree /srv/proc"
    QString kernelRelease; // empty when the source did not say (trees lack sys/kernel/osrelease)
    QString hostName; // empty when the source did not say
    quint64 pageSize = 0;
    QDateTime captureTime; // UTC, when the capture started
    bool redacted = false; // command lines and non-system file paths removed for sharing (Redactor)
    // Archive entries after the manifest: a bundle cut short at an entry boundary still reads as a
    // complete tar, and this count is what tells.
    int entryCount = 0;
    QList<Process> processes;
    QList<Unreadable> unreadable;
    QList<MeminfoSample> meminfoSamples;
    QList<TimelineSnapshot> timeline; // oldest first

    // The record for a path that could not be read, or nullptr.
    const Unreadable *unreadableEntry(const QString &path) const;
    const Process *process(int pid) const;

    QByteArray toJson() const;
    // Fails (nullopt, *error says why, without naming the file) on malformed JSON, missing or
    // mistyped fields, and a format version newer than CurrentFormatVersion.
    static std::optional<BundleManifest> fromJson(QByteArrayView json, QString *error);

    static QString statusName(ReadResult::Status status);
    static std::optional<ReadResult::Status> statusFromName(QStringView name);
};
