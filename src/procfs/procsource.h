#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The result of reading one procfs file through a ProcSource.
struct ReadResult
{
    enum class Status {
        Ok,
        NotFound, // the file does not exist in this source (old kernel, missing from a tree)
        ProcessExited, // the process vanished before or during the read (ENOENT on its dir, ESRCH)
        PermissionDenied, // EACCES/EPERM: ptrace-read or root needed
        TooLarge, // larger than the caller's limit: refused rather than allocated whole
        IoError, // anything else; message has the errno text
    };

    Status status = Status::Ok;
    QByteArray data;
    QString message; // for humans: names the file and the reason, e.g. "/proc/42/smaps: permission denied"

    bool ok() const { return status == Status::Ok; }
    static ReadResult failure(Status status, const QString &message);
};

// Everything that reads procfs goes through this interface, so a live /proc, a directory tree laid
// out like /proc and a saved bundle are read by the same parsers. Paths are relative to the proc
// root: "meminfo", "1234/maps", "kpageflags". Implementations must be safe to call from several
// threads at once (each call is independent).
class ProcSource
{
public:
    enum class Kind { Live, Tree, Bundle };

    // Large enough for a 60,000-mapping smaps (~44 MB) with room to spare; callers may ask for more.
    static constexpr qint64 DefaultMaxSize = 512ll * 1024 * 1024;
    // maps has one short line per mapping: 128 MiB is two million of them, thirty times the kernel's
    // default vm.max_map_count. A bigger one is damaged or hostile and is refused before it is read.
    static constexpr qint64 MaxMapsSize = 128ll * 1024 * 1024;
    // readFile's default: the limit above that fits the file.
    static constexpr qint64 LimitForFile = -1;
    static qint64 limitFor(const QString &relativePath, qint64 maxSize);
    // The TooLarge failures every source gives, in the same words: a file over its limit, a range
    // over what one read may be (DefaultMaxSize).
    static ReadResult fileTooLarge(const QString &path, qint64 size, qint64 maxSize);
    static ReadResult rangeTooLarge(const QString &path, quint64 length);

    virtual ~ProcSource();

    virtual Kind kind() const = 0;
    // For window titles and messages: "live /proc", "tree /srv/copied-proc".
    virtual QString description() const = 0;
    // The root this source reads ("/proc", a directory, a bundle path).
    virtual QString rootPath() const = 0;

    // Reads a whole text file. Never throws; failures come back as a status and a message.
    virtual ReadResult readFile(const QString &relativePath, qint64 maxSize = LimitForFile) const = 0;
    // Reads length bytes at offset of a binary file (pagemap, kpageflags, kpagecount). Offset and
    // length must be multiples of 8 for the kernel's files. A short result means the file ended.
    virtual ReadResult readRange(const QString &relativePath, quint64 offset, quint64 length) const = 0;
    // The target of a symbolic link such as "1234/exe"; empty when unreadable.
    virtual QString readLink(const QString &relativePath) const = 0;
    // Numeric entries of the root, ascending.
    virtual QList<int> pids() const = 0;
    // Whether a process directory exists now (used to tell "exited" from other failures).
    virtual bool processExists(int pid) const = 0;

    // The page size of the system the data came from (live: sysconf; tree/bundle: recorded or 4096).
    virtual quint64 pageSize() const = 0;
};
