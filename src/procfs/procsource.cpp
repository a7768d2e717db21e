#include "procsource.h"

ProcSource::~ProcSource() = default;

ReadResult ReadResult::failure(Status status, const QString &message)
{
    ReadResult result;
    result.status = status;
    result.message = message;
    return result;
}
