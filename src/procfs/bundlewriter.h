#pragma once

#include "bundleframes.h"
#include "bundlemanifest.h"
#include "procsource.h"
#include "redactor.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct PageMapSnapshot;

// Builds a snapshot bundle (layout in bundlemanifest.h) from any ProcSource: reads what it is asked
// to into memory, then writes the archive in one go.
class BundleWriter
{
public:
    struct ProcessOptions
    {
        // Also the pagemap of the mapped ranges, and kpageflags/kpagecount of the frames it names.
        bool pagemap = false;
        // Asked between pagemap chunks (a sanitizer's shadow alone is terabytes of address space);
        // returning true stops the read, and the process is not kept.
        std::function<bool()> cancelled;
    };
    struct WriteOptions
    {
        bool overwrite = false;
        // Asked between entries; returning true abandons the write and leaves nothing behind.
        std::function<bool()> cancelled;
    };

    // tool is recorded in the manifest ("mematlas-capture 0.1.0"). The capture time is now; the
    // kernel release and host name are the source's (sys/kernel/osrelease, sys/kernel/hostname).
    BundleWriter(const ProcSource &source, const QString &tool);

    // Reads maps, smaps, smaps_rollup, status, stat, statm, cmdline and the exe link of pid (never
    // environ: it holds secrets). A file that cannot be read is listed in the manifest with the
    // reason. Returns false when the process does not exist or exits meanwhile: it is listed as
    // exited and nothing of it is kept, since half a process would contradict itself.
    bool addProcess(int pid, const ProcessOptions &options);
    // proc/meminfo. Returns false, listing it as unreadable, when it cannot be read.
    bool addMeminfo();
    // Reads meminfo once more, stamped with the current time, as the next proc/meminfo.samples/NNNNNN.
    bool addMeminfoSample();

    // Files of one process read earlier (a snapshot the GUI's timeline kept) rather than now.
    struct RecordedProcess
    {
        int pid = 0;
        QString command;
        QDateTime time; // when they were read
        QList<QPair<QString, QByteArray>> files; // name in proc/PID/ ("smaps") and the kernel's text
        QString exeTarget; // empty: no exe link
        std::shared_ptr<const PageMapSnapshot> pages; // null: pagemap not read
    };
    // As the next timeline/NNN/ (oldest first).
    void addTimelineSnapshot(const RecordedProcess &process);
    // Under proc/, as the bundle's current state of the process.
    void addRecordedProcess(const RecordedProcess &process);

    // For sharing: processes added from now on keep only their program's name of the command line,
    // and file paths outside system directories become /redacted/file-N (Redactor). Says so in the manifest.
    void setRedacted(bool redacted);

    // What has been gathered so far; entryCount is filled in by write().
    const BundleManifest &manifest() const { return m_manifest; }

    // Writes to a temporary file beside path, flushes it to disk and renames it into place, so path
    // ends up holding a whole bundle or is left as it was. Refuses an existing path unless
    // options.overwrite. The file is readable by its owner only: a bundle can hold other users'
    // command lines and address layouts. Returns false with *error naming the file and the problem.
    bool write(const QString &path, const WriteOptions &options, QString *error) const;

private:
    struct Entry
    {
        QString path; // inside the archive
        QByteArray data;
        QString linkTarget; // a symbolic link entry when not empty
        QDateTime time;
    };
    // What one process yields; kept only when the process does not exit meanwhile.
    struct ProcessCapture
    {
        QList<Entry> entries;
        QList<BundleManifest::Unreadable> unreadable;
        QList<BundleFrames::Frame> frames;
    };
    // Returns false when the process exited meanwhile (recorded as such).
    bool readPagemap(int pid, const QByteArray &maps, const QByteArray &smaps, const ProcessOptions &options,
                     ProcessCapture *capture);
    void readFrames(std::vector<quint64> pfns, ProcessCapture *capture);
    void recordFramesUnreadable(ReadResult::Status status, const QString &message);
    bool recordExited(int pid, const QString &message);
    Entry textEntry(const QString &relativePath, const QByteArray &data) const;
    QByteArray redacted(QLatin1String name, const QByteArray &data);
    QList<Entry> entriesOf(const QString &prefix, const RecordedProcess &process) const; // prefix: "proc/" or a timeline's

    const ProcSource &m_source;
    std::optional<Redactor> m_redactor;
    BundleManifest m_manifest;
    QList<Entry> m_entries;
    QList<BundleFrames::Frame> m_frames;
    // Once kpageflags or kpagecount has failed (they need root), later processes do not try again.
    bool m_framesUnreadable = false;
    quint64 m_pfnEnd = 0; // one past the machine's highest PFN; 0 until known
    int m_meminfoSampleAttempts = 0;
};
