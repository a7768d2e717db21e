#include "liveprocsource.h"

#include <unistd.h>

LiveProcSource::LiveProcSource()
    : TreeProcSource(QStringLiteral("/proc"))
{
}

ProcSource::Kind LiveProcSource::kind() const
{
    return Kind::Live;
}

QString LiveProcSource::description() const
{
    return QStringLiteral("live /proc");
}

quint64 LiveProcSource::pageSize() const
{
    return quint64(sysconf(_SC_PAGESIZE));
}
