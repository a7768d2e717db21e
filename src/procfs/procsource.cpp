#include "procsource.h"

#include "procfstext.h"

ProcSource::~ProcSource() = default;

ReadResult ReadResult::failure(Status status, const QString &message)
{
    ReadResult result;
    result.status = status;
    result.message = message;
    return result;
}

qint64 ProcSource::limitFor(const QString &relativePath, qint64 maxSize)
{
    if (maxSize >= 0)
        return maxSize;
    return relativePath == QLatin1String("maps") || relativePath.endsWith(QLatin1String("/maps")) ? MaxMapsSize : DefaultMaxSize;
}

ReadResult ProcSource::fileTooLarge(const QString &path, qint64 size, qint64 maxSize)
{
    return ReadResult::failure(ReadResult::Status::TooLarge,
                               ProcfsText::tr("%1: %2 bytes is larger than the %3-byte limit").arg(path).arg(size).arg(maxSize));
}

ReadResult ProcSource::rangeTooLarge(const QString &path, quint64 length)
{
    return ReadResult::failure(ReadResult::Status::TooLarge,
                               ProcfsText::tr("%1: a %2-byte range is larger than one read may be").arg(path).arg(length));
}
