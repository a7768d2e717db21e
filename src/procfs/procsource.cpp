#include "procsource.h"

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
