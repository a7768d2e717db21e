#include "treeprocsource.h"

#include "processstat.h"
#include "procfstext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// Closes a file descriptor on every path out of a read.
class FdGuard
{
public:
    explicit FdGuard(int fd)
        : m_fd(fd)
    {
    }
    ~FdGuard()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FdGuard(const FdGuard &) = delete;
    FdGuard &operator=(const FdGuard &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

// The PID a relative path like "1234/maps" belongs to, or 0.
int pidOfPath(const QString &relativePath)
{
    const auto first = QStringView(relativePath).left(relativePath.indexOf(QLatin1Char('/')));
    bool ok = false;
    const int pid = first.toInt(&ok);
    return ok ? pid : 0;
}

quint64 recordedPageSize(const QString &root)
{
    QFile file(root + QStringLiteral("/pagesize"));
    if (!file.open(QIODevice::ReadOnly))
        return 4096;
    bool ok = false;
    const quint64 size = file.readAll().trimmed().toULongLong(&ok);
    // Page sizes are powers of two between 4 KiB and 64 KiB on every architecture Linux runs on.
    return ok && size >= 4096 && size <= 65536 && (size & (size - 1)) == 0 ? size : 4096;
}
}

TreeProcSource::TreeProcSource(const QString &rootPath)
    : m_root(QDir::cleanPath(rootPath))
    , m_pageSize(recordedPageSize(m_root))
{
}

ProcSource::Kind TreeProcSource::kind() const
{
    return Kind::Tree;
}

QString TreeProcSource::description() const
{
    return ProcfsText::tr("tree %1").arg(m_root);
}

QString TreeProcSource::rootPath() const
{
    return m_root;
}

QString TreeProcSource::absolutePath(const QString &relativePath) const
{
    return m_root + QLatin1Char('/') + relativePath;
}

std::optional<ReadResult> TreeProcSource::exitedFailure(const QString &path, int pid, bool onlyWithoutMemory) const
{
    if (pid <= 0)
        return std::nullopt;
    const ReadResult stat = readFile(QString::number(pid) + QStringLiteral("/stat"));
    const Parsed<ProcessStat> parsed = ProcessStat::parse(stat.data);
    const bool zombie = parsed.ok() && (parsed.value.state == 'Z' || parsed.value.state == 'X');
    // Without memory: no VSZ left, and not a kernel thread (which never had any).
    const bool memoryGone = parsed.ok() && !parsed.value.isKernelThread() && (!onlyWithoutMemory || parsed.value.vsize == 0);
    if (stat.status != ReadResult::Status::ProcessExited && !zombie && !memoryGone)
        return std::nullopt;
    return ReadResult::failure(ReadResult::Status::ProcessExited,
                               zombie ? ProcfsText::tr("%1: process %2 exited (a zombie until its parent reaps it)").arg(path).arg(pid)
                                      : ProcfsText::tr("%1: process %2 exited (its memory is gone)").arg(path).arg(pid));
}

ReadResult TreeProcSource::failureFor(const QString &relativePath, int errorNumber) const
{
    const QString path = absolutePath(relativePath);
    const int pid = pidOfPath(relativePath);
    // ENOENT on a vanished /proc/PID directory; ESRCH from a read after the task died.
    if (pid > 0 && (errorNumber == ENOENT || errorNumber == EINVAL || errorNumber == ESRCH) && !processExists(pid))
        return ReadResult::failure(ReadResult::Status::ProcessExited,
                                   ProcfsText::tr("%1: process %2 exited").arg(path).arg(pid));
    switch (errorNumber) {
    case ESRCH:
        // The task is still there but has no address space. A kernel thread never had one (its
        // smaps_rollup and pagemap fail this way; maps and smaps read as empty); any other process
        // is exiting or a zombie: it has exited as far as its memory goes.
        if (const std::optional<ReadResult> exited = exitedFailure(path, pid))
            return *exited;
        return ReadResult::failure(ReadResult::Status::NotFound, ProcfsText::tr("%1: no address space (kernel thread)").arg(path));
    case ENOENT:
        return ReadResult::failure(ReadResult::Status::NotFound, ProcfsText::tr("%1: no such file").arg(path));
    case EACCES:
    case EPERM:
        // An exiting process refuses its own user too: its memory is gone, the ptrace check fails.
        if (const std::optional<ReadResult> exited = exitedFailure(path, pid, true))
            return *exited;
        return ReadResult::failure(ReadResult::Status::PermissionDenied,
                                   ProcfsText::tr("%1: permission denied (reading another user's process needs "
                                                  "ptrace access, frame data needs root)")
                                       .arg(path));
    default:
        return ReadResult::failure(ReadResult::Status::IoError,
                                   path + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errorNumber)));
    }
}

ReadResult TreeProcSource::readFile(const QString &relativePath, qint64 requestedMaxSize) const
{
    const qint64 maxSize = limitFor(relativePath, requestedMaxSize);
    const QByteArray path = QFile::encodeName(absolutePath(relativePath));
    FdGuard fd(::open(path.constData(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return failureFor(relativePath, errno);

    struct stat info {
    };
    if (::fstat(fd.get(), &info) == 0 && S_ISDIR(info.st_mode))
        return failureFor(relativePath, EISDIR);
    // procfs reports size 0 and produces text on read; a recorded file has a real size we can check
    // before allocating anything.
    if (info.st_size > maxSize)
        return fileTooLarge(absolutePath(relativePath), info.st_size, maxSize);

    ReadResult result;
    // Never more than one byte beyond the limit: procfs files say size 0, and any file may grow
    // while it is read. One byte beyond what is expected sees the end of file without growing.
    qint64 capacity = info.st_size > 0 ? info.st_size + 1 : qMin<qint64>(64 * 1024, maxSize + 1);
    result.data.resize(capacity);
    qint64 used = 0;
    for (;;) {
        if (used == capacity) {
            capacity = qMin(capacity * 2, maxSize + 1);
            result.data.resize(capacity);
        }
        const ssize_t got = ::read(fd.get(), result.data.data() + used, size_t(capacity - used));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return failureFor(relativePath, errno);
        }
        if (got == 0)
            break;
        used += got;
        if (used > maxSize)
            return ReadResult::failure(ReadResult::Status::TooLarge,
                                       ProcfsText::tr("%1: larger than the %2-byte limit")
                                           .arg(absolutePath(relativePath))
                                           .arg(maxSize));
    }
    result.data.truncate(used);
    return result;
}

ReadResult TreeProcSource::readRange(const QString &relativePath, quint64 offset, quint64 length) const
{
    const QByteArray path = QFile::encodeName(absolutePath(relativePath));
    FdGuard fd(::open(path.constData(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return failureFor(relativePath, errno);
    if (length > quint64(DefaultMaxSize))
        return rangeTooLarge(absolutePath(relativePath), length);
    ReadResult result;
    result.data.resize(qsizetype(length));
    quint64 used = 0;
    while (used < length) {
        const ssize_t got = ::pread(fd.get(), result.data.data() + used, size_t(length - used), off_t(offset + used));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return failureFor(relativePath, errno);
        }
        if (got == 0)
            break;
        used += quint64(got);
    }
    result.data.truncate(qsizetype(used));
    return result;
}

QString TreeProcSource::readLink(const QString &relativePath) const
{
    return QFileInfo(absolutePath(relativePath)).symLinkTarget();
}

QList<int> TreeProcSource::pids() const
{
    QList<int> result;
    const QStringList entries = QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const int pid = entry.toInt(&ok);
        if (ok && pid > 0)
            result.append(pid);
    }
    std::sort(result.begin(), result.end());
    return result;
}

bool TreeProcSource::processExists(int pid) const
{
    struct stat info {
    };
    const QByteArray path = QFile::encodeName(absolutePath(QString::number(pid)));
    return ::stat(path.constData(), &info) == 0 && S_ISDIR(info.st_mode);
}

quint64 TreeProcSource::pageSize() const
{
    return m_pageSize;
}
