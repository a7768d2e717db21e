#include "softdirty.h"

#include "procfstext.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

bool SoftDirty::clear(const ProcSource &source, int pid, QString *error)
{
    const QString path = QStringLiteral("%1/%2/clear_refs").arg(source.rootPath()).arg(pid);
    if (source.kind() != ProcSource::Kind::Live) {
        *error = ProcfsText::tr("%1: only a live process can have its soft-dirty bits cleared").arg(path);
        return false;
    }
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0 || ::write(fd, "4", 1) != 1) {
        const int errorNumber = errno;
        if (fd >= 0)
            ::close(fd);
        *error = path + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errorNumber));
        return false;
    }
    ::close(fd);
    return true;
}
